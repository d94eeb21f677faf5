"""Flags for mentions that are not (yet) events: negated, hypothetical, future, background."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from ..rules import enabled

_NEGATORS = {"not", "n't", "never", "no", "nobody", "none", "neither", "nor", "without"}
_DENY = {"deny", "refute", "dismiss", "reject"}
_MODALS = {"could", "would", "might", "may", "should", "must", "can"}
_HYPO_HEADS = {
    "threaten", "vow", "warn", "plan", "intend", "want", "hope", "seek", "try", "attempt", "aim",
    "avoid", "escape", "prevent", "fear", "consider", "propose", "urge", "call", "demand", "refuse",
    "decline", "promise", "pledge", "prepare", "allow", "if", "unless", "rather", "decide", "expect",
}
# nouns of what may come: "on the brink of launching an offensive", "the threat of attacks"
_POSSIBILITY = {"brink", "verge", "threat", "risk", "danger", "prospect", "possibility", "anticipation", "expectation",
                "fear", "warning"}
_ATTEMPTS = {"try", "attempt"}
# "failed to launch a rocket": the act did not come about; "failed to prevent the bombings": a failure to
# stop it, so it did ("fail" undoes the verb of stopping below it)
_FAILED = {"fail"}
_STOPPING = {"prevent", "avoid", "stop", "halt", "foil", "thwart", "avert"}
# outcomes that make an attempted attack a clash: the target fought back
_REPELLED = {"repel", "repulse", "rebuff", "beat", "push", "fight"}
_RECURRING = {"whenever"}
_FUTURE_WORDS = {"will", "'ll", "shall", "tomorrow", "upcoming", "planned", "scheduled", "next", "soon"}
_HABITUAL = {"often", "usually", "regularly", "frequently", "routinely", "sometimes", "repeatedly", "typically"}
# "is currently battling": what goes on now, told as a state
_NOW = {"currently", "presently"}
# How far before publication an event must end to count as background history: news tells the past
# week's events as news; an event dated further back is told as an earlier incident (coders of the
# dev sets flag every event more than a week old as background, and none younger than six days).
BACKGROUND_DAYS = 7
# A date told only as a month (or longer) spans at least this many days
MONTH_DAYS = 27


@dataclass(slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    background: bool = False
    reason: str | None = None


def _governors(token: Token, limit: int = 4) -> list[Token]:
    chain, cur = [], token
    while cur.head.i != cur.i and len(chain) < limit:
        chain.append(cur.head)
        cur = cur.head
    return chain


def _told_as_fact(token: Token, limit: int = 4) -> list[Token]:
    """The governors whose mood reaches the event: up the parse, but not past a relative clause, which
    tells its noun's event as fact ("police tried to defuse a bomb that exploded": the bomb did explode)."""
    chain, cur = [], token
    while cur.head.i != cur.i and len(chain) < limit and cur.dep_ != "relcl" and not _own_clause_conjunct(cur) \
            and not _doer(cur):
        chain.append(cur.head)
        cur = cur.head
    return chain


def _doer(token: Token) -> bool:
    """The event word is the active subject of the verb above ("protesters demanded the release of
    detainees"): what they demanded is in the mood, not that they were there."""
    return token.dep_ == "nsubj" and token.pos_ in ("NOUN", "PROPN") and enabled("flags.own_clause_conjunct")


def _own_clause_conjunct(token: Token) -> bool:
    """A verb coordinated with its own subject tells its own clause ("protesters demanded the release
    of detainees, but police dispersed them"): the first verb's mood does not reach it."""
    return (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and enabled("flags.own_clause_conjunct")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def _outcome(attempt: Token) -> Token:
    return next(c for c in attempt.children if c.dep_ == "conj" and c.lemma_.lower() in _REPELLED)


def _fought_off(trigger: Token) -> Token | None:
    """ "insurgents tried to attack a checkpoint but were repelled": an attempt whose outcome the clause
    tells as resisted is a clash that happened, not a plan. Returns the attempt verb."""
    for gov in _told_as_fact(trigger, 2):
        if gov.lemma_.lower() in _ATTEMPTS and any(c.dep_ == "conj" and c.lemma_.lower() in _REPELLED
                                                   for c in gov.children):
            return gov
    return None


_FREQUENT = frozenset({"frequent", "common", "commonplace", "rare", "routine", "regular", "widespread", "rife", "rampant",
                       "infrequent", "uncommon", "everyday"})


_CLOSING = ('.', '!', '?', '"', '”', "'", '’', ':', ';', ')')


def _headline(sent: Span) -> bool:
    """A line of its own with no closing punctuation: a headline, whose present tense tells news."""
    text = sent.text.strip()
    doc = sent.doc  # read around the sentence by its tokens: Doc.text would rebuild the whole text
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    first, last = words[0], words[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    line_start = before is None or "\n" in before.text_with_ws
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    line_end = "\n" in last.whitespace_ or after is None or (after.is_space and "\n" in after.text)
    return bool(text) and line_start and line_end and not text.endswith(_CLOSING)


def _generic(trigger: Token, sent: Span) -> str | None:
    """A statement of what happens in general, not of one event: a simple-present clause whose subject is
    a bare plural or that recurs ("whenever"), with no date, number or place of its own."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if trigger.dep_ in ("nsubj", "dobj") else None
    if verb is None or verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if _headline(sent) and enabled("flags.headline_is_news"):
        return None  # "Gunmen assassinate ex-security chief": headlines tell what happened in the present
    recurring = next((t for t in verb.subtree if t.lower_ in _RECURRING and t.head.dep_ == "advcl"), None)
    if recurring is not None:
        return f"recurs ('{recurring.text}')"
    often = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ in _FREQUENT), None)
    if often is not None and verb.lemma_ == "be" and trigger.tag_ == "NNS" and enabled("flags.frequent"):
        return f"'{trigger.text} {verb.text} {often.text}'"  # "Taliban attacks are frequent": how often, not one
    if any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL") or t.like_num for t in sent):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "militias that attack other countries": the relative clause's subject is its noun
    if subject is not None and subject.tag_ == "NNS" and not any(
            c.dep_ in ("det", "nummod", "poss") for c in subject.children):
        return f"a present-tense statement about '{subject.text}' in general"
    return None


def _bare_verb(trigger: Token) -> Token | None:
    """ "1) Assassinate or overthrow the president; 2) attack the Americans": a verb in its base form with
    no subject, auxiliary or "to" of its own (nor its first conjunct's) is an order or an aim, not a
    report. Returns the verb that has no subject."""
    first = trigger
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and first.head.i != first.i:
        first = first.head
    if trigger.tag_ not in ("VB", "VBP") or first.tag_ not in ("VB", "VBP") or first.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "csubj"):
        return None
    for verb in {trigger.i: trigger, first.i: first}.values():
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in verb.children):
            return None
    return first


def _clause_verb(trigger: Token) -> list[Token]:
    """The verb whose clause a noun trigger sits in ("there will be a wave of attacks": be), found up
    through its noun phrase and prepositions; none for a verb trigger or past a clause boundary."""
    if trigger.pos_ in ("VERB", "AUX"):
        return []
    cur = trigger
    while cur.dep_ in ("pobj", "prep", "attr", "dobj", "nsubj", "nsubjpass", "compound", "conj", "appos") and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return [cur]
    return []


def _comparative(token: Token) -> bool:
    """ "no fewer than", "not less than", "no more than": a bound on a number."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in ("no", "not") and nxt is not None and nxt.lower_ in ("fewer", "less", "more")


def mention_flags(trigger: Token, sent: Span, *, protest: bool = False) -> Flags:
    """Negation, hypothesis and future tense read off the trigger's syntax."""
    flags = Flags()
    # Negation and modality reach up the parse only within the trigger's own clause:
    # in "the first blast did not cause casualties, but the second ... killing five" the
    # killing is not negated.
    near = [trigger]
    for gov in _governors(trigger, 2):
        if near[-1].dep_ == "conj":
            break
        near.append(gov)
    for tok in near:
        for child in tok.children:
            low = child.lower_
            if _comparative(child):
                continue  # "no fewer than 16 persons were killed" is a count, not a denial
            if child.dep_ == "neg" or (low in _NEGATORS and child.dep_ in ("det", "advmod", "neg", "preconj")):
                flags.negated, flags.reason = True, f"negated by '{child.text}'"
    if trigger.dep_ == "conj" and trigger.pos_ in ("NOUN", "PROPN"):
        # "no tanks or heavy artillery were used": the determiner of the first conjunct denies them all
        deny = next((c for c in trigger.head.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if deny is not None:
            flags.negated, flags.reason = True, f"negated by '{deny.text}'"
    subj_no = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")
               and any(t.lower_ in ("no", "nobody", "none") and not _comparative(t) for t in c.subtree)]
    if subj_no:
        flags.negated, flags.reason = True, "no one was affected"
    fought_off = _fought_off(trigger)
    attempt_i = fought_off.i if fought_off is not None else -1  # spaCy makes a new Token per access: compare indexes
    told = _told_as_fact(trigger)
    for k, gov in enumerate(told):
        if enabled("flags.failed_attempt") and gov.lemma_.lower() in _STOPPING and k + 1 < len(told) \
                and told[k + 1].lemma_.lower() in _FAILED:
            break  # "failed to prevent the bombings": the bombings happened
        if enabled("flags.failed_attempt") and gov.lemma_.lower() in _FAILED and gov.i != attempt_i:
            flags.hypothetical, flags.reason = True, f"an attempt that failed ('{gov.text}')"
            break
        if gov.lemma_.lower() in _DENY:
            flags.negated, flags.reason = True, f"denied ('{gov.text}')"
        if gov.lemma_.lower() == "fear" and gov.tag_ == "VBN":
            continue  # "five people were feared killed": an uncertain report, still reported
        if (gov.lemma_.lower() in _HYPO_HEADS or (gov.lemma_.lower() in _POSSIBILITY and enabled("flags.possibility_nouns"))) \
                and gov.i != attempt_i:
            flags.hypothetical, flags.reason = True, f"not reported as happened ('{gov.text}')"
            break
    lowers = {t.lower_ for t in sent}
    if "rather" in lowers and "than" in lowers and any(t.lower_ == "than" and t.i < trigger.i for t in sent):
        flags.hypothetical, flags.reason = True, "'rather than'"
    for tok in [*near[:2], *(_clause_verb(trigger) if enabled("flags.clause_verb_modality") else [])]:
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and low in _MODALS:
                flags.hypothetical, flags.reason = True, f"modal '{child.text}'"
            if child.dep_ in ("aux", "auxpass") and low in ("will", "'ll", "shall"):
                flags.future, flags.reason = True, f"future '{child.text}'"
            if child.dep_ == "mark" and low in ("if", "unless"):
                flags.hypothetical, flags.reason = True, f"condition '{child.text}'"
        if tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            head = tok.head.lemma_.lower()
            if (head in _HYPO_HEADS or tok.dep_ == "advcl") and tok.head.i != attempt_i \
                    and not (protest and tok.dep_ == "advcl" and _realised(tok.head) and enabled("flags.protest_purpose")):
                flags.hypothetical, flags.reason = True, f"purpose or intention ('{tok.head.text} to {tok.text}')"
    if fought_off is not None and not flags.hypothetical:
        flags.reason = flags.reason or f"an attempt fought off ('{fought_off.text}' ... '{_outcome(fought_off).text}'): a clash"
    bare = _bare_verb(trigger) if enabled("flags.bare_verb") else None
    if bare is not None:
        flags.hypothetical, flags.reason = True, f"a bare verb, an order or a goal ('{bare.text}')"
    generic = _generic(trigger, sent) if enabled("flags.generic") else None
    if generic is not None:
        flags.hypothetical, flags.reason = True, f"generic: {generic}"
    if any(t.lower_ in ("planned", "scheduled", "upcoming") for t in trigger.children) or trigger.lower_ in ("planned",):
        flags.future, flags.reason = True, "planned"
    since = _ongoing_since(trigger) if enabled("flags.ongoing_since") else None
    if since is not None:
        flags.background, flags.reason = True, f"ongoing since ('{since}')"
    course = _perfect_progressive(trigger) if since is None and enabled("flags.perfect_progressive") else None
    if course is not None:
        flags.background, flags.reason = True, f"a course of events ('{course}')"
    described = _describes_who(trigger) if enabled("flags.describes_who") else None
    if described is not None:
        flags.background, flags.reason = True, f"describes who they are ('{described}')"
    current = _current_state(trigger) if enabled("flags.current_state") else None
    if current is not None:
        flags.background, flags.reason = True, f"a state of affairs ('{current}')"
    if enabled("flags.habitual") and any(t.lower_ in _HABITUAL for t in trigger.children):
        flags.background, flags.reason = True, "habitual ('" + next(t.text for t in trigger.children if t.lower_ in _HABITUAL) + "')"
    perceived = _perceived(trigger) if enabled("flags.perceived") else None
    if perceived is not None:
        flags.background, flags.reason = True, f"a sign of violence perceived, not an act told ('{perceived}')"
    return flags


# Verbs of perceiving: "I hear gunfire", "explosions could be heard", "we saw smoke"
_PERCEIVE = frozenset({"hear", "see", "smell", "notice"})


def _perceived(trigger: Token) -> str | None:
    """ "I can hear gunfire", "sporadic gunfire is heard in different spots": violence that someone hears
    or sees, the noun its object (or the subject of its passive), is a sign of it, not an act the text
    tells: the words."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("dobj", "nsubjpass", "nsubj", "conj"):
        return None
    noun = trigger
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "I hear gunfire and explosions"
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.dep_ == "ccomp":
        verb = verb.head  # "I can hear gunfire ringing out": what is heard, as a clause
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if verb.lemma_.lower() not in _PERCEIVE:
        return None
    return f"{verb.text} {trigger.text}"


def _current_state(trigger: Token) -> str | None:
    """ "The government is currently battling secessionists in the south", "Russia has battled insurgency
    attacks": fighting told as going on now, or a bare plural of attacks as the object of a present perfect,
    in a sentence with no date, is a state of affairs, not an incident. Returns the words."""
    words = None
    if trigger.pos_ in ("VERB", "AUX") and trigger.tag_ == "VBG" and _present(trigger):
        now = next((c for c in trigger.children if c.dep_ == "advmod" and c.lower_ in _NOW), None)
        words = f"{now.text} {trigger.text}" if now is not None else None
    elif (trigger.tag_ == "NNS" and trigger.dep_ == "dobj" and trigger.head.tag_ == "VBN"
          and not any(c.dep_ in ("det", "nummod", "poss") for c in trigger.children)
          and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in trigger.head.children)):
        words = f"{trigger.head.text} {trigger.text}"
    if words is None:
        return None
    sent = trigger.sent
    if any(t.is_calendar and sent.start_char <= t.start < sent.end_char for t in trigger.doc._.timexes or ()):
        return None  # "is battling rebels on Monday": a day's fighting ("nearly daily attacks" names none)
    return words


def _describes_who(trigger: Token) -> str | None:
    """ "Many Turkish troops currently fighting rebels are based in the city": a participle that qualifies
    the subject of a present-tense statement tells who they are, not an incident. Returns the words."""
    if trigger.tag_ != "VBG":
        return None
    if trigger.dep_ == "acl":
        noun = trigger.head
        # "which is one of the main rebel groups fighting for Kashmir's independence": the group the
        # participle qualifies may be a part named through "of", and what the statement says it is
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
            noun = noun.head.head
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass", "attr"):
            return None
    else:
        # the parser may make the participle the main verb ("troops currently fighting rebels [ROOT] ... are
        # based [conj]"): a bare -ing form with no auxiliary is no finite verb; the conjunct is the statement
        noun = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        verb = next((c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
        if noun is None or verb is None or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
            return None
    if not _present(verb):
        return None
    return noun.doc[noun.left_edge.i : noun.i + 1].text + " ... " + trigger.text


def _present(verb: Token) -> bool:
    return verb.tag_ in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _realised(verb: Token) -> bool:
    """A verb told as done: past tense, without a modal or a negation of its own ("marched", "fired")."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "neg") and (c.lower_ in _MODALS or c.dep_ == "neg")
                                          for c in verb.children)


def _perfect_progressive(trigger: Token) -> str | None:
    """ "Malians have been holding demonstrations in the capital", "rebels have been attacking convoys": a
    present perfect progressive tells what has gone on for a while, a course of events, no incident. Returns
    the verb's words."""
    verb = trigger.head if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ == "dobj" else trigger
    if verb.tag_ != "VBG" or verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    if not (any(a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in aux) and any(a.lower_ == "been" for a in aux)):
        return None
    if any(_DAYS_AGO.search(verb.doc[c.i : c.right_edge.i + 1].text) for c in verb.children if c.lower_ == "since"):
        return None  # "have been fighting since Monday": a few days' fighting is one spell (as for the perfect)
    return verb.doc[min(a.i for a in aux) : verb.i + 1].text


def _ongoing_since(verb: Token) -> str | None:
    """The words of "since ..." when a perfect verb tells what has gone on since then ("have been fighting
    since April", "has killed thousands since it launched its insurgency"): a course of events, no incident."""
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "attr", "nsubj") and enabled("flags.ongoing_for_weeks"):
        # "Donetsk has experienced heavy shelling over the past two weeks", "in recent weeks, fighting has broken out"
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None
    for child in verb.children:
        words = None
        span = verb.doc[child.i : child.right_edge.i + 1].text
        if child.dep_ == "prep" and _FOR_WEEKS.match(span) and enabled("flags.ongoing_for_weeks"):
            return span  # "over the past two weeks", "for years": a course of events as long
        if child.lower_ == "since" and child.dep_ in ("prep", "advmod"):
            words = verb.doc[child.i : child.right_edge.i + 1].text
        elif child.dep_ == "advcl" and any(m.lower_ == "since" and m.dep_ == "mark" for m in child.children):
            words = verb.doc[child.left_edge.i : child.right_edge.i + 1].text
        # "13 have been killed since Friday": a few days' toll is still one spell of violence (PITF, ACLED)
        if words is not None and not _DAYS_AGO.search(words):
            return words
    return None


# A stretch of weeks or more (a few days' violence may be one spell: "over the past two days")
_FOR_WEEKS = re.compile(r"(?:over|in|during|for|throughout)\s+(?:the\s+|these\s+)?(?:(?:past|last|recent|previous)\s+(?:[\w-]+\s+)?)?"
                        r"(?:weeks|months|years|decades)$", re.I)
_DAYS_AGO = re.compile(r"\bsince\s+(?:(?:early|late|last)\s+)?(?:[A-Z][a-z]+day|yesterday|dawn|(?:this\s+)?morning|"
                       r"(?:last\s+)?night|the\s+weekend)\b", re.I)


def date_flags(flags: Flags, *, date_start: str | None, date_end: str | None, published: str | None) -> None:
    """Background when the event ended well before publication; future when it starts after it."""
    if not published or not date_end or not date_start or not enabled("flags.background_by_date"):
        return
    try:
        pub = date.fromisoformat(published[:10])
        start, end = date.fromisoformat(date_start), date.fromisoformat(date_end)
    except ValueError:
        return
    if end < pub - timedelta(days=BACKGROUND_DAYS):
        flags.background = True
        flags.reason = flags.reason or f"dated {date_end[:7]}, long before publication ({published[:10]})"
    elif (end - start).days >= MONTH_DAYS and end < pub and enabled("flags.background_earlier_month"):
        # "Last month, 24 were taken hostage": a month told whole, over before the story, is history
        flags.background = True
        flags.reason = flags.reason or f"dated {date_start[:7]}, a month over before publication ({published[:10]})"
    elif start > pub + timedelta(days=1):
        flags.future = True
        flags.reason = flags.reason or f"dated after publication ({published[:10]})"

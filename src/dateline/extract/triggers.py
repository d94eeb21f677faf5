"""Event triggers: the words in a sentence that announce an event, from the lexicon file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from ..config import package_data
from ..errors import ExtractError
from ..rules import enabled


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon entry: the ACLED and PLOVER types its words suggest."""

    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    weight: int
    pos: frozenset[str] = frozenset()
    needs_object: frozenset[str] = frozenset()
    nominal: bool = False
    subject_is_target: bool = False  # "leaders ended up in jail": the subject is who it happened to
    subject_is_finder: bool = False  # "police found nine bodies": the subject found the dead, it did not kill them
    needs_agent: bool = False  # as a verb, only with people as its subject ("as the article demonstrates" shows)
    # objects that make the word no event of its type ("withdrew from the negotiations" hands over no territory)
    bars_object: frozenset[str] = frozenset()
    not_as_doer_of_other: bool = False  # "an offer by protesters": people named as doers of something else
    bars_subject: frozenset[str] = frozenset()  # "sirens went off": subjects that make a phrase no event
    objection_from_named: bool = False  # "drew protests from the Tamil National Alliance": a body's objection


@dataclass(slots=True)
class Trigger:
    """A trigger found in a sentence (token indexes into the spaCy Doc)."""

    start: int
    end: int
    entry: TriggerEntry
    head: Token
    is_verb: bool

    @property
    def score(self) -> int:
        return self.entry.weight * 2 + (1 if self.is_verb else 0)


@dataclass
class Lexicon:
    """Lemma and phrase lookups built from ``event_triggers.yaml``."""

    lemmas: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[TriggerEntry]] = field(default_factory=dict)
    max_phrase: int = 1
    # nouns that a trigger word may qualify and still announce its event ("an assassination attempt");
    # before any other noun the word only describes a thing ("beheading videos", "riot police")
    modifier_heads: frozenset[str] = frozenset()
    # words that make a trigger noun figurative, by the noun's lemma ("*": any noun): "verbal attacks",
    # "a heart attack", "a legal battle", "an election campaign"
    figurative_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    # nouns whose "of" names what a body shows ("signs of torture"): no event of its own
    mark_heads: frozenset[str] = frozenset()
    # what kills with no one's hand ("killed after a tornado tore through the town"): no political violence
    natural_causes: frozenset[str] = frozenset()
    # words of a court whose "of"/"with"/"for" names the crime tried ("found guilty of killing a
    # schoolboy"): the crime is told as a charge, no event of the report
    charge_heads: frozenset[str] = frozenset()

    def entries(self, token: Token) -> list[TriggerEntry]:
        """The entries a token's word announces, by its lemma or else its lower-cased form."""
        return self.lemmas.get(token.lemma_.lower()) or self.lemmas.get(token.lower_) or []


# the lexicon's entries that are word sets of its own (a YAML item with one of these keys)
_WORD_SETS = ("modifier_heads", "mark_heads", "natural_causes", "charge_heads")


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the trigger lexicon; ExtractError names the entry that is wrong."""
    path = path or package_data("event_triggers.yaml")
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExtractError(f"cannot read trigger lexicon: {err}", where=str(path)) from err
    lexicon = Lexicon()
    for i, item in enumerate(raw or []):
        word_set = next((k for k in _WORD_SETS if isinstance(item, dict) and k in item), None)
        if word_set is not None:
            setattr(lexicon, word_set, getattr(lexicon, word_set) | {w.lower() for w in item[word_set] or ()})
            continue
        if isinstance(item, dict) and "figurative_modifiers" in item:
            for noun, words in (item["figurative_modifiers"] or {}).items():
                known = lexicon.figurative_modifiers.get(noun.lower(), frozenset())
                lexicon.figurative_modifiers[noun.lower()] = known | {w.lower() for w in words or ()}
            continue
        try:
            entry = TriggerEntry(
                event_type=item["type"],
                sub_event_type=item["sub"],
                plover_type=item.get("plover"),
                plover_mode=item.get("mode"),
                weight=int(item.get("weight", 1)),
                pos=frozenset(item.get("pos") or ()),
                needs_object=frozenset(w.lower() for w in item.get("needs_object") or ()),
                nominal=bool(item.get("nominal", False)),
                subject_is_target=bool(item.get("subject_is_target", False)),
                subject_is_finder=bool(item.get("subject_is_finder", False)),
                needs_agent=bool(item.get("needs_agent", False)),
                bars_object=frozenset(w.lower() for w in item.get("bars_object") or ()),
                not_as_doer_of_other=bool(item.get("not_as_doer_of_other", False)),
                bars_subject=frozenset(w.lower() for w in item.get("bars_subject") or ()),
                objection_from_named=bool(item.get("objection_from_named", False)),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise ExtractError(f"entry {i + 1} is malformed: {err}", where=str(path)) from err
        for lemma in item.get("lemmas") or ():
            lexicon.lemmas.setdefault(lemma.lower(), []).append(entry)
        for phrase in item.get("phrases") or ():
            words = tuple(phrase.lower().split())
            lexicon.phrases.setdefault(words, []).append(entry)
            lexicon.max_phrase = max(lexicon.max_phrase, len(words))
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def _object_tokens(token: Token) -> list[Token]:
    """The token's objects, including through a preposition (and the noun it qualifies)."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "dative", "oprd", "prep"):
            found.extend(child.subtree)
    if token.dep_ in ("amod", "compound"):
        found.append(token.head)
    if not found and token.pos_ == "VERB" and enabled("triggers.shared_object"):
        # "defusing and clearing bombs": a verb with no object of its own shares its conjunct's
        for conj in token.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                found.extend(t for c in conj.children if c.dep_ == "dobj" for t in c.subtree)
    return found


def _object_words(token: Token) -> set[str]:
    """Lower-cased lemmas of the token's objects, including through a preposition."""
    return {t.lemma_.lower() for t in _object_tokens(token)}


def _doer_of_other(token: Token) -> bool:
    """The noun is the "by" phrase of a verb or noun that is no trigger of its own ("an offer by protesters")."""
    by = token.head
    return token.dep_ == "pobj" and by.lower_ == "by" and by.dep_ in ("agent", "prep") and by.head.i != by.i \
        and enabled("triggers.doers_of_other")


# verbs whose purpose "to protest" is an objection voiced to someone, not a crowd gathered
_VOICING = frozenset({"talk", "speak", "write", "call", "summon", "meet", "send", "tell", "phone", "visit", "lodge"})


def _objection(token: Token) -> bool:
    """ "drew protests from the Tamil National Alliance": a noun of protest that comes "from" a named
    organisation is the body's objection, said, not a crowd in the street ("protests from residents" are);
    so is a protest that is the purpose of talking to someone ("talked to the general to protest against
    the deployment"; "marched to protest" is still a march)."""
    if not enabled("triggers.objections"):
        return False
    if token.pos_ == "VERB":
        return token.dep_ in ("advcl", "xcomp") and token.head.lemma_.lower() in _VOICING and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE") for g in c.children)
        for c in token.children)


# what a word's object may be told with besides a direct object: "withdrew from the talks", "fighting for
# democracy", "the fight against poverty"
_OBJECT_PREPS = frozenset({"from", "for", "against"})


def _object_heads(token: Token) -> set[str]:
    """Lemmas of the heads of the token's object and of what it is "from", "for" or "against"."""
    heads = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
    preps = _OBJECT_PREPS if enabled("triggers.cause_objects") else {"from"}
    heads |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ in preps
              for g in c.children if g.dep_ == "pobj"}
    return heads


def _describes_a_thing(token: Token, lexicon: Lexicon) -> bool:
    """The word qualifies a common noun that is no event ("two beheading videos", "riot police"): the noun
    phrase names a thing, so the word announces nothing (unless the noun carries the event on,
    as in "an assassination attempt", or is itself a trigger, as in "a car bomb attack")."""
    if not enabled("triggers.modifiers"):
        return False
    if token.dep_ not in ("compound", "amod") or token.head.pos_ != "NOUN" or token.head.i == token.i:
        return False
    head = token.head.lemma_.lower()
    return head not in lexicon.modifier_heads and head not in lexicon.lemmas and token.head.lower_ not in lexicon.lemmas


def _figurative(token: Token, lexicon: Lexicon) -> bool:
    """The trigger noun is qualified by a word that makes it words, misfortune or a crowd-control munition,
    not violence ("shrill public attacks on the minister", "died of a heart attack", "a long legal battle",
    "police used smoke grenades")."""
    if not enabled("triggers.figurative"):
        return False
    if token.pos_ in ("VERB", "AUX"):
        # "engaging in shrill attacks": the verb's event is its object's, and that one is figurative
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in lexicon.lemmas and _figurative(o, lexicon) for o in objects)
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    words = lexicon.figurative_modifiers.get("*", frozenset()) | lexicon.figurative_modifiers.get(token.lemma_.lower(), frozenset())
    return any(child.dep_ in ("amod", "compound", "nmod") and child.i < token.i
               and child.lower_.removesuffix("-") in words for child in token.children)


def _natural_cause(token: Token, lexicon: Lexicon) -> bool:
    """A disaster or accident is the trigger's cause: its subject, or in a clause or phrase hung from it
    ("a tornado killed ten", "killed after a tornado tore through", "died in floods")."""
    if not enabled("triggers.natural_causes") or not lexicon.natural_causes:
        return False
    # "were reported killed after a tornado tore through": the clause may hang from the verb of telling
    verbs = {token.i, token.head.i} if token.dep_ in ("xcomp", "ccomp") else {token.i}
    for cause in token.sent:
        if cause.pos_ != "NOUN" or (cause.lemma_.lower() not in lexicon.natural_causes
                                    and cause.lower_ not in lexicon.natural_causes):
            continue  # a noun: "storming a village" is the attack
        up, steps = cause, 0
        while up.head.i != up.i and steps < 3:
            up, steps = up.head, steps + 1
            if up.i in verbs:
                return True
    return False


def _charged(token: Token, lexicon: Lexicon) -> bool:
    """The trigger names the crime a court tries ("found guilty of killing", "charged with murder")."""
    if not enabled("triggers.charges") or token.dep_ not in ("pobj", "pcomp"):
        return False
    prep = token.head
    return (prep.lower_ in ("of", "with", "for") and prep.head.i != prep.i
            and prep.head.lower_ in lexicon.charge_heads)


def _bare_pronoun(token: Token) -> bool:
    """A trigger word that is also a pronoun, read as the pronoun when bare ("a friend of mine"): the
    weapon is told with a determiner, a number, a modifier or in the plural ("hit a mine", "mines")."""
    return (enabled("triggers.bare_pronoun") and token.tag_ in ("NN", "PRP", "PRP$") and token.dep_ != "compound"
            and not any(c.dep_ in ("det", "amod", "compound", "nummod", "poss") for c in token.children))


def _no_violence(token: Token, lexicon: Lexicon) -> bool:
    """The trigger word is read as no violence: figurative, a crowd-control munition, a mark on the dead, a
    disaster's work or a court's charge."""
    return (_figurative(token, lexicon) or _mark_on_the_dead(token, lexicon) or _natural_cause(token, lexicon)
            or _charged(token, lexicon))


def dismissed(sent: Span, lexicon: Lexicon | None = None) -> bool:
    """Whether the sentence has a trigger word read as no event: figurative, a crowd-control munition, a
    mark on the dead, a disaster's work, a court's charge or barred by its object ("police used smoke
    grenades", "withdrew from the negotiations"). Such a sentence has said it tells no attack, and
    the type classifier is not to read one into it."""
    lexicon = lexicon or default_lexicon()
    if not enabled("triggers.dismissed_bar_the_model"):
        return False
    for t in sent:
        entries = lexicon.entries(t)
        if not entries:
            continue
        if _no_violence(t, lexicon):
            return True
        if all(e.bars_object and e.bars_object & _object_heads(t) for e in entries):
            return True  # "withdrew from the negotiations"
        if all(e.not_as_doer_of_other for e in entries) and _doer_of_other(t):
            return True  # "factories put together by protesters"
        if all(e.objection_from_named for e in entries) and _objection(t):
            return True  # "drew protests from the Tamil National Alliance"
    return False


def _mark_on_the_dead(token: Token, lexicon: Lexicon) -> bool:
    """The trigger noun names what the victims' bodies show ("bodies bearing signs of torture"), not an event."""
    if not enabled("triggers.marks") or token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    of = token.head
    return of.lower_ == "of" and of.head.lower_ in lexicon.mark_heads


_PEOPLE_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def _has_agent(token: Token) -> bool:
    """The verb's subject is people: a pronoun, a named person or group, a number of people, or a
    span the actor tagger found ("thousands of students", "Kurds", "they"). A verb with no subject
    of its own (a participle, a conjunct) keeps its reading, unless it takes an object or a clause, as
    showing does and protesting does not."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    if any(c.dep_ in ("dobj", "ccomp") for c in token.children):
        return False  # "[demonstrating] the depths of ...", "the data demonstrate that ...": showing, not protest
    if not subjects:
        return True
    actors = token.doc._.actors or ()
    for subject in subjects:
        first, last = subject.left_edge.i, subject.right_edge.i
        if subject.pos_ in ("PRON", "PROPN", "NUM") or subject.ent_type_ in _PEOPLE_LABELS:
            return True
        if any(a.token_start <= last and first < a.token_end for a in actors):
            return True
        # a crowd named by a plural ("supporters of the cleric rallied")
        if subject.tag_ in ("NNS", "NNPS"):
            return True
    return False


def find_triggers(sent: Span, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Triggers in one sentence, phrases before single words, none overlapping."""
    lexicon = lexicon or default_lexicon()
    found: list[Trigger] = []
    taken: set[int] = set()
    lowers = [t.lower_ for t in sent]
    for n in range(min(lexicon.max_phrase, len(sent)), 0, -1):
        for i in range(len(sent) - n + 1):
            entries = lexicon.phrases.get(tuple(lowers[i : i + n]))
            if not entries or any(sent.start + j in taken for j in range(i, i + n)):
                continue
            span = sent[i : i + n]
            head = span.root
            if entries[0].bars_subject and any(c.dep_ == "nsubj" and c.lemma_.lower() in entries[0].bars_subject
                                                for c in head.children):
                continue  # "sirens went off": no bomb
            found.append(Trigger(span.start, span.end, entries[0], head, head.pos_ in ("VERB", "AUX")))
            taken.update(range(span.start, span.end))
    for token in sent:
        if token.i in taken or token.is_stop and (token.lemma_.lower() not in lexicon.lemmas or _bare_pronoun(token)):
            continue
        entries = lexicon.entries(token)
        if not entries or _describes_a_thing(token, lexicon) or _no_violence(token, lexicon):
            continue
        for entry in entries:
            if entry.pos and token.pos_ not in entry.pos:
                continue
            if entry.needs_object and not (entry.needs_object & _object_words(token)):
                continue
            if entry.bars_object and entry.bars_object & _object_heads(token):
                continue
            if entry.not_as_doer_of_other and _doer_of_other(token):
                continue
            if entry.objection_from_named and _objection(token):
                continue
            if entry.needs_agent and token.pos_ in ("VERB", "AUX") and enabled("triggers.needs_agent") \
                    and not _has_agent(token):
                continue
            found.append(Trigger(token.i, token.i + 1, entry, token, token.pos_ in ("VERB", "AUX")))
            taken.add(token.i)
            break
    found.sort(key=lambda t: t.start)
    if enabled("triggers.object_acted_on"):
        # "defused a bomb", "seized weapons": the weapon a trigger needs as its object is what it acted on,
        # no explosion of its own
        acted_on = {t.i for trig in found if trig.entry.needs_object for t in _object_tokens(trig.head)
                    if t.lemma_.lower() in trig.entry.needs_object}
        found = [t for t in found if t.entry.needs_object or t.head.i not in acted_on]
    return found

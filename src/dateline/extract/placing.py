"""Which of a sentence's places is the event's.

The event's place is the trigger's location argument: a place in the trigger's own
clause, preferably inside the trigger's subtree ("clashes *in Amara*"), else attached to
the clause by a locative preposition ("*in Basra*, police arrested ..."). Places that
only qualify a person or group ("a *Basra* councillor", "*Iranian*-backed militia",
"fled to *Syria*", "from *Baghdad*") are passed over when a better one exists.

When the trigger's clause names no place, a town named in a clause above it counts
("*In Mosul*, police say gunmen killed ..."; "lined up 30 men in the town of *Hit* and
shot them"), then a town elsewhere in the sentence; a country or province outside the
trigger's clause does not (the document's own focus is a better guess than that).
A place given only as a bearing from another ("*south of Baghdad*") yields to a town
the sentence names outright ("In Sharqat, north of Baghdad, gunmen shot ..."). A place inside
a relative clause describes a participant, not the event ("the group which held hostages in
*Lima* demonstrated in *Hamburg*"); a place qualifying a noun for the event is its scene
("killed in *Syria*'s conflict").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from ..annotate.pipeline import doc_text
from ..geo.affiliation import backs
from ..geo.demonyms import DemonymMention
from ..geo.document import BORDER_NOUNS
from ..geo.place_tagger import PlaceMention
from ..geo.places import Relation, parse_relation
from ..resolve.place_words import words
from ..rules import enabled
from .attribution import SPEECH_LEMMAS
from .triggers import Trigger

# Prepositions that make a place the scene of the event.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "on", "within",
                       "of", "south", "north", "east", "west", "into", "between", "along", "off", "by"})
# Prepositions that make a place an origin or destination, not the scene.
_DIRECTIONAL = frozenset({"from", "to", "toward", "towards"})
# Nouns a place name can qualify and still be the scene: "a Baghdad suburb", "the Arbil attacks" (the trigger).
_PLACE_NOUNS = words("scene_noun")
# Nouns for the event itself: a place qualifying them is the scene ("Syria's conflict", "the Helmand battle").
_EVENT_NOUNS = frozenset({"conflict", "war", "battle", "fighting", "violence", "attack", "attacks", "clash", "clashes",
                          "offensive", "unrest", "protest", "protests", "bombing", "bombings", "crisis", "uprising",
                          "insurgency", "siege", "massacre", "blast", "blasts", "explosion", "explosions"})
# Kinds of area a place qualifies by saying where the area lies ("Baghdad's Dora district").
_AREA_NOUNS = words("area_noun")
# People and bodies whose "of X" says where they belong, not where the event was.
_PEOPLE_NOUNS = frozenset({"governor", "mayor", "resident", "native", "national", "people", "citizen", "employee", "firm",
                           "company", "member", "chief", "head", "leader", "official", "council", "councillor",
                           "government", "president", "minister", "police", "army", "university",
                           "tribe", "sheikh", "representative", "deputy", "commander", "son", "daughter"})
# Those whose trade is telling: where they are is where the news was told from ("a correspondent for
# Al Jazeera in Kabul reports ..."), not where it happened. Police or officials "in Kirkuk" are not here:
# they usually speak from the scene.
_TELLER_NOUNS = frozenset({"correspondent", "reporter", "journalist", "agency", "newspaper", "paper", "channel",
                           "television", "radio", "station", "broadcaster", "website", "bureau", "daily", "outlet"})
# "the city of ", "the Diyala provincial capital ": words between a bearing and the town's name
_KIND_BEFORE_NAME = re.compile(r"\bthe\s+(?:(?:(?:provincial|regional)\s+)?capital(?:\s+city)?,?|"
                               r"(?:[a-z][\w-]*\s+)?(?:" + "|".join(map(re.escape, sorted(words("bearing_kind"))))
                               + r")\s+of)\s+$")
_OWN_CLAUSE, _ABOVE, _ELSEWHERE = 0, 1, 2  # where a place sits relative to the trigger's clause


@dataclass(slots=True)
class _Placed:
    """What the ranking needs to know about one mention."""

    mention: PlaceMention
    prep: str | None  # "in", "from", "modifier", or None
    tier: int  # _OWN_CLAUSE, _ABOVE (or conjoined) or _ELSEWHERE
    bearing: bool  # given as "south of X": a point relative to the place named
    bearing_km: bool  # ... with a distance ("30 km south of X")
    qualifier: bool  # qualifies another place named ("Syria's Aleppo province", "Baghdad's Dora district")


def _clause(token: Token) -> Token:
    """The verb heading the clause a token sits in (the sentence root if no verb is above it)."""
    cur = token
    # spaCy makes a new Token object on every access: compare indexes, not identity
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _attachment(mention: PlaceMention, doc: Doc) -> Token:
    """The name's token whose head lies outside the name: it links the name to the sentence."""
    for tok in doc[mention.token_start:mention.token_end]:
        if not (mention.token_start <= tok.head.i < mention.token_end):
            return tok
    return doc[mention.token_start]


def _governing_preposition(mention: PlaceMention, doc: Doc, trigger: Token | None = None) -> str | None:
    """The preposition the place hangs from ("in" for "in Amara"), "modifier" for "a Basra official", or None."""
    end = mention.token_end
    if backs(doc, end):
        return "modifier"  # "Iran-backed rebels", "Dubai-based TV": who stands behind an actor, not the scene
    if enabled("extract.place_in_actor") and mention.token_end < len(doc) and not doc[mention.token_end].is_punct and (
            _in_actor(mention, doc)):
        return "modifier"  # "a US drone strike", "Iraq forces": whose forces, not the scene
    head = _attachment(mention, doc)
    if enabled("placing.conjunct_shares_preposition"):
        # "troops drawn from Mali, United States, France": a conjunct hangs from its first one's preposition
        hops = 0
        while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("PROPN", "NOUN") and hops < 20:
            head, hops = head.head, hops + 1
    parent = head.head
    if head.dep_ == "pobj" and parent.dep_ == "prep":
        owner = parent.head
        if parent.lower_ == "of" and (owner.lemma_.lower() in _PEOPLE_NOUNS or owner.ent_type_ in ("ORG", "PERSON")):
            return "modifier"  # "the governor of Anbar", "a firm of North Carolina": not the scene
        if parent.lower_ == "from" and parent.i >= 2 and doc[parent.i - 1].lower_ == "far" and (
                doc[parent.i - 2].lower_ in ("not", "too")):
            return "near"  # "in villages not far from Beni": the place is beside the scene, not its origin
        return parent.lower_
    if head.dep_ in ("compound", "amod", "nmod", "poss") and parent.i != head.i:
        # "in a Baghdad suburb", "Baghdad's Dora district", "the Arbil attacks": a place qualifying
        # a place or the event is its scene ("the UN's headquarters": an owner is not)
        nouns = _AREA_NOUNS if head.dep_ == "poss" else _PLACE_NOUNS
        noun = parent.lemma_.lower()
        if noun in nouns or noun in _EVENT_NOUNS or (trigger is not None and parent.i == trigger.i):
            grand = parent.head
            return grand.lower_ if parent.dep_ == "pobj" and grand.dep_ == "prep" else "in"
        return "modifier"
    return None


def _in_actor(mention: PlaceMention, doc: Doc) -> bool:
    """Whether an actor's name holds the mention and goes on after it. The Doc's actors are indexed
    once (by start, with the furthest end of those starting so far): asked of every place, a scan of
    them all was quadratic in the length of a Doc."""
    actors = doc._.actors or []
    index = doc.user_data.get(_ACTOR_REACH)
    if index is None or index[0] is not actors or len(index[1]) != len(actors):
        spans = sorted((a.token_start, a.token_end) for a in actors)
        reach = list(accumulate((end for _, end in spans), max))
        index = doc.user_data[_ACTOR_REACH] = (actors, [start for start, _ in spans], reach)
    _, starts, reach = index
    before = bisect_right(starts, mention.token_start)  # the actors starting at or before the mention
    return before > 0 and reach[before - 1] > mention.token_end


_ACTOR_REACH = "dateline.actor_reach"


def _at_border(mention: PlaceMention, doc: Doc) -> bool:
    """ "the border with Cameroon", "the Cameroon border", "the Kenya-Somalia border", read off the words
    (the parser often hangs "with Cameroon" from the verb)."""
    start, end = mention.token_start, mention.token_end
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if len(before) == 2 and before[0] in BORDER_NOUNS and before[1] in ("with", "into"):
        return True
    after = [t.lower_ for t in doc[end : end + 3]]
    return bool(after) and (after[0] in BORDER_NOUNS or after[0] == "-" and len(after) == 3 and after[2] in BORDER_NOUNS)


def aside_role(mention: PlaceMention, doc: Doc, trigger: Token | None = None) -> str | None:
    """How a place stands beside the event rather than at it: "border" ("along the border with
    Ethiopia", "the Kenya-Somalia border"), a directional preposition ("militants from Somalia"), or
    "modifier" ("Ugandan rebels", "Somalia's Shebab"); None when it may be the scene."""
    if _at_border(mention, doc):
        return "border"
    link = _attachment(mention, doc)
    parent = link.head
    if parent.i != link.i and parent.lower_ in BORDER_NOUNS and link.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
        return "border"
    if link.dep_ == "pobj" and parent.dep_ == "prep" and parent.head.lower_ in BORDER_NOUNS:
        return "border"
    prep = _governing_preposition(mention, doc, trigger)
    if prep == "modifier" and (parent.lemma_.lower() in _AREA_NOUNS | {"state"}
                               or any(m.token_start <= parent.i < m.token_end for m in doc._.places or [])):
        return None  # "Nigeria's central Plateau state", "Iraq's Anbar": a country qualifying its own province
    return prep if prep in _DIRECTIONAL or prep == "modifier" else None


def across_the_border(mention: PlaceMention, doc: Doc) -> bool:
    """The place is the neighbour a border is "with" ("near the borders with Iran and Iraq"): across it."""
    link = _attachment(mention, doc)
    while link.dep_ == "conj" and link.head.i != link.i and link.head.pos_ in ("PROPN", "NOUN"):
        link = link.head  # "with Iran and Iraq": Iraq is across the border as Iran is
    prep = link.head
    return link.dep_ == "pobj" and prep.lower_ == "with" and prep.head.lower_ in BORDER_NOUNS


# verbs whose subject speaks or asks: "The United States has said it is deeply concerned"
_VOICE_LEMMAS = SPEECH_LEMMAS | frozenset({
    "call", "urge", "condemn", "warn", "express", "demand", "welcome", "criticize", "criticise", "deny",
    "insist", "appeal", "ask", "pledge", "vow", "promise",
})


def _speaks(mention: PlaceMention, doc: Doc) -> bool:
    """The place is the subject of a verb of saying or asking: a country's voice, not a scene."""
    link = _attachment(mention, doc)
    return enabled("placing.voice_is_no_scene") and link.dep_ == "nsubj" and link.head.lemma_.lower() in _VOICE_LEMMAS


def beside_the_story(mention: PlaceMention, doc: Doc) -> bool:
    """Whether a place stands beside the story as a whole (a frontier, an origin, a modifier, a voice)."""
    return aside_role(mention, doc) is not None or _speaks(mention, doc)


def _tier(mention: PlaceMention, doc: Doc, clause: set[int], related: set[int]) -> int:
    """_OWN_CLAUSE; _ABOVE: in a clause under, conjoined to or above the trigger's; else _ELSEWHERE."""
    if mention.token_start in clause:
        return _OWN_CLAUSE
    if mention.token_start in related:
        return _ABOVE
    home = _clause(_attachment(mention, doc)).i
    return _ABOVE if home in related else _ELSEWHERE


def _own_clause(clause_head: Token) -> set[int]:
    """The clause's tokens without the clauses conjoined to it ("X was killed in Samarra, and in
    Abu Ghraib four were hurt": Abu Ghraib belongs to "hurt") nor the relative clauses in it."""
    out = {clause_head.i}
    stack = [c for c in clause_head.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        # a relative clause describes a participant ("the group which held hostages in Lima
        # demonstrated in Hamburg"): its place is not the trigger's
        stack.extend(c for c in tok.children if c.dep_ != "relcl")
    return out


def _clauses_above(clause_head: Token) -> set[int]:
    """Indexes of the clause heads above a clause (the verb it is a complement, conjunct or adverbial of)."""
    out: set[int] = set()
    cur = clause_head
    while cur.head.i != cur.i:
        cur = _clause(cur.head)
        if cur.i in out:
            break
        out.add(cur.i)
    return out


_QUOTES = frozenset({'"', "“", "”", "``", "''"})


def _quoted(token: Token) -> bool:
    """Whether a word stands inside a quotation of its sentence (an odd number of quote marks before it)."""
    return sum(t.text in _QUOTES for t in token.sent if t.i < token.i) % 2 == 1


_CAPITAL_QUALIFIERS = frozenset({"provincial", "regional", "state", "district", "local", "county", "former", "ancient",
                                 "economic", "commercial", "cultural", "financial", "religious", "spiritual", "de", "facto"})


# Nouns for a stretch of land or water that a demonym before them places in its country ("the Nigerian
# Delta", "a Pakistani border town", "Somali waters"; a border is seen from either side, so not "the
# Chadian border"): the kind-word table's demonym_area words.
_DEMONYM_AREA = words("demonym_area")


def demonym_area(sent: Span, mentions: list[DemonymMention]) -> tuple[DemonymMention, Token] | None:
    """The first demonym of the sentence that qualifies a noun of land or water ("the Nigerian Delta"),
    with that noun; a demonym qualifying people or things ("South Korean workers") says nothing of where."""
    for mention in mentions:
        if not (sent.start_char <= mention.start < sent.end_char):
            continue
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        token = span[-1]
        head = token.head
        while head.dep_ in ("amod", "compound") and head.head.i != head.i and head.i < head.head.i:
            head = head.head  # "a Pakistani border town": the demonym qualifies "border", which qualifies "town"
        if token.dep_ in ("amod", "compound") and head.i > token.i and head.lemma_.lower() in _DEMONYM_AREA:
            return mention, head
    return None


def framing_places(trigger: Trigger, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Places of a clause above the trigger's that frame the event: the telling ("Across the border in
    Pakistan, officials said that missiles killed five"; not where the teller is, "a news agency in
    Mauritania quoted ...", nor "from Kabul") or the violence the trigger's clause tells of ("There was more
    violence in Thailand today as protesters clashed with police"). Ranking passes a country outside the
    trigger's clause over; the event's country may still be the one they name."""
    head = trigger.head
    doc = head.doc
    clause_head = _clause(head)
    above = _clauses_above(clause_head)
    out = []
    for mention in mentions:
        if not (head.sent.start <= mention.token_start < head.sent.end):
            continue
        link = _attachment(mention, doc)
        home = _clause(link)
        if home.i not in above or _governing_preposition(mention, doc) in (*_DIRECTIONAL, "modifier"):
            continue
        noun = link.head.head if link.dep_ == "pobj" and link.head.dep_ == "prep" else None
        told = home.lemma_.lower() in SPEECH_LEMMAS and not _in_speaker(mention, doc, clause_head)
        if told or (noun is not None and noun.lower_ in _EVENT_NOUNS):
            out.append(mention)
    return out


# prepositions that put an act at a scene ("outside the presidential palace", "near the village")
_SCENE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "on", "into", "around", "along"})
# entity types a preposition's object names no scene with ("on Monday", "at Reuters")
_NOT_A_SCENE = frozenset({"DATE", "TIME", "PERSON", "ORG", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})


def named_scene(sent: Span) -> Span | None:
    """The first phrase in the sentence that puts something at a scene, whether or not the gazetteer
    knows it: a locative preposition before a proper name or a scene noun ("outside the presidential
    palace", "in Martyr's Square", "at the protest sites")."""
    scene = words("scene_noun") | words("facility") | words("local_feature")
    for token in sent:
        if token.dep_ != "prep" or token.lower_ not in _SCENE_PREPOSITIONS:
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is None or obj.ent_type_ in _NOT_A_SCENE:
            continue
        if obj.pos_ == "PROPN" or obj.lemma_.lower() in scene or obj.lower_ in scene:
            return sent.doc[token.i : obj.i + 1]
    return None


def bare_capital(sent: Span) -> Token | None:
    """ "the capital" standing alone ("shelled districts of the capital"): the capital of the country the
    story is in. Not "the capital of X", "the capital, Mogadishu", "the provincial capital", "capital punishment"."""
    for token in sent:
        if token.lower_ != "capital" or token.pos_ != "NOUN" or token.dep_ in ("compound", "amod"):
            continue
        children = list(token.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            continue
        if any(c.dep_ in ("appos", "prep", "compound", "nmod", "poss") or c.lower_ in _CAPITAL_QUALIFIERS for c in children):
            continue
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in (",", "(") and token.i + 2 < len(token.doc) \
                and token.doc[token.i + 2].pos_ == "PROPN":
            continue  # "the capital, Mogadishu": the name follows
        return token
    return None


def _where_told(mention: PlaceMention, doc: Doc, clause_head: Token) -> bool:
    """Whether a place belongs to the telling of a quoted event, not to the event: it hangs in the clause of
    the verb of saying that quotes it ("'They killed our people,' he told AFP by telephone from Maiduguri")."""
    home = _clause(_attachment(mention, doc))
    return home.i != clause_head.i and home.lemma_.lower() in SPEECH_LEMMAS and home.i in _clauses_above(clause_head)


def _in_speaker(mention: PlaceMention, doc: Doc, clause_head: Token, *, tellers_only: bool = False) -> bool:
    """Whether a place is part of who tells the event ("A news agency in Mauritania quoted a spokesman as
    saying 34 hostages were killed"): it lies in the subject of a verb of saying above the event's clause
    (``tellers_only``: a subject whose trade is telling, "a correspondent in Kabul")."""
    for i in _clauses_above(clause_head):
        verb = doc[i]
        if verb.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if tellers_only and subject.lemma_.lower() not in _TELLER_NOUNS:
                continue
            if subject.left_edge.i <= mention.token_start and mention.token_end - 1 <= subject.right_edge.i:
                return True
    return False


def relation_before(doc: Doc, mention: PlaceMention, sent_start: int) -> Relation | None:
    """The bearing the sentence gives just before a place ("30 km south of Kut"), reading "north of
    the city of Mosul", "55 km north of the regional hub of Beni", "70 km north of the capital, Mogadishu"
    as a bearing from the town named."""
    before = doc_text(doc)[max(sent_start, mention.start - 90) : mention.start]
    return parse_relation(_KIND_BEFORE_NAME.sub("", before))


def _placed(mention: PlaceMention, doc: Doc, trigger: Token, clause: set[int], related: set[int],
            others: list[PlaceMention]) -> _Placed:
    sent_start = trigger.sent.start_char  # the mentions are those of the trigger's sentence
    relation = relation_before(doc, mention, sent_start)
    bearing = relation is not None and relation.has_offset
    link = _attachment(mention, doc)
    qualifier = link.dep_ in ("poss", "compound", "nmod") and any(
        o is not mention and o.token_start <= link.head.i < o.token_end for o in others)
    if (mention.coarse and link.dep_ in ("compound", "amod", "nmod") or link.dep_ == "poss") and (
            link.head.lemma_.lower() in _AREA_NOUNS):
        # "the Iraq province of Anbar", "the Yemen city of Ibb": a country qualifies the kind of another place;
        # "Baghdad's southern district of Saiydiah": so does the city whose district it is
        # (but "Sorab area of Kalat district": Sorab is the area)
        named = {c.i for prep in link.head.children if prep.lower_ == "of" for c in prep.children if c.dep_ == "pobj"}
        qualifier = qualifier or any(o is not mention and o.token_start <= i < o.token_end for o in others for i in named)
    return _Placed(mention, _governing_preposition(mention, doc, trigger), _tier(mention, doc, clause, related),
                   bearing, bearing and relation.km is not None, qualifier)


def _plain(item: _Placed, *, towns_only: bool) -> bool:
    """Named outright as the scene: no bearing, not an origin, destination or modifier."""
    if item.bearing or item.prep in _DIRECTIONAL or item.prep == "modifier":
        return False
    return not item.mention.coarse if towns_only else item.mention.kind_hint == "province" or not item.mention.coarse


def _score(item: _Placed, trigger: Trigger, subtree: set[int], *, plain_town: bool, plain_province: bool) -> tuple:
    mention, prep = item.mention, item.prep
    directional = prep in _DIRECTIONAL
    modifier = prep == "modifier" and mention.kind_hint is None
    # "Kut, south of Baghdad": the town named; "Diyala province, north of Baghdad": the province, unless
    # the bearing has a distance ("20 km south of Ramadi" says more than the province)
    lesser_bearing = item.bearing and (plain_town or (plain_province and not item.bearing_km))
    return (directional, modifier, lesser_bearing, item.tier, mention.coarse, item.qualifier,
            mention.token_start not in subtree and prep not in _LOCATIVE, abs(mention.token_start - trigger.head.i))


# prepositions that set a happening at another time than the event's ("before a meeting in London")
_OTHER_TIME = frozenset({"before", "until"})


def _before_another_happening(mention: PlaceMention, doc: Doc, head: Token) -> bool:
    """The place hangs from a phrase that sets another happening after the event ("several days
    before a scheduled meeting in London", "until talks in Geneva"), below the trigger."""
    tok = _attachment(mention, doc)
    seen = 0
    while tok.head.i != tok.i and tok.i != head.i and seen < 12:
        tok = tok.head
        seen += 1
        if tok.i == head.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ in _OTHER_TIME:
            return head in tok.ancestors
    return False


def pick_place(trigger: Trigger, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place of the sentence that is the trigger's location argument; None if there is none.

    Ranking: a locative place before an origin/destination ("to Syria") or a modifier
    ("a Basra official"); a town named outright before a point given as a bearing from
    another ("Kut, south of Baghdad"); the trigger's own clause before a clause above it
    before the rest of the sentence; a town before a country or province ("in Hilla, in
    southern Iraq"); a place named for itself before one that only qualifies another ("Iraq's
    Anbar province"); within the trigger's subtree or hanging from a locative preposition
    before elsewhere in the clause; then the nearest to the trigger. Outside the trigger's
    clause (and the clauses under it) a country or province does not count.
    """
    head = trigger.head
    doc = head.doc
    sent = head.sent
    inside = [m for m in mentions if sent.start <= m.token_start < sent.end]
    if not inside:
        return None
    clause_head = _clause(head)
    if enabled("placing.not_where_told") and _quoted(head):
        inside = [m for m in inside if not _where_told(m, doc, clause_head)]
        if not inside:
            return None
    if enabled("placing.not_where_teller_is"):
        inside = [m for m in inside if not _in_speaker(m, doc, clause_head, tellers_only=True)]
        if not inside:
            return None
    if enabled("placing.not_at_another_time"):
        # "the incident occurred several days before a scheduled meeting in London": the meeting's place
        inside = [m for m in inside if not _before_another_happening(m, doc, head)]
        if not inside:
            return None
    if enabled("placing.across_the_border"):
        # "attacked a convoy near the borders with Iran and Iraq": the countries across the border are
        # not the scene; the scene is this side of it, where the document is
        inside = [m for m in inside if not (m.coarse and across_the_border(m, doc))]
        if not inside:
            return None
    whole = {t.i for t in clause_head.subtree}
    # clauses above the trigger's, and those under or conjoined to it ("killed in an ambush and set ablaze in Fallujah")
    related = _clauses_above(clause_head) | whole
    own = _own_clause(clause_head)
    items = [_placed(m, doc, head, own, related, inside) for m in inside]
    # a country or province counts only within the trigger's clause (and the clauses below it); a
    # participle that tells the outcome ("ambushed a patrol in Ghazni province, killing four") shares
    # the clause it hangs from
    scope = whole
    if (clause_head.dep_ == "advcl" and clause_head.tag_ == "VBG" and enabled("extract.participle_shares_clause")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause_head.children)):
        scope = whole | {t.i for t in _clause(clause_head.head).subtree}
    items = [i for i in items if i.mention.token_start in scope or not i.mention.coarse]
    if not items:
        return None
    plain_town = any(_plain(i, towns_only=True) for i in items)
    plain_province = any(_plain(i, towns_only=False) for i in items)
    subtree = {t.i for t in head.subtree}
    return min(items, key=lambda i: _score(i, trigger, subtree, plain_town=plain_town,
                                           plain_province=plain_province)).mention

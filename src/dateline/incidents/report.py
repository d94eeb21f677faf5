"""Incidents within one report: the lede, the detail paragraph and the summary line of one event
become one incident; totals over a period or area become aggregate statements.

Mentions join an incident only when they agree with every mention already in it (type, date,
place, actors, and no contradicting toll), and among several such incidents the one they agree with
best; so a roundup of separate attacks stays separate while restatements fold together. A mention
with no date, place or toll of its own (a quoted tweet, "lots of demonstrators running away") joins
the scene of unrest the report tells that day whatever kind its words make it, and does not vote on
the incident's kind or sides.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from ..models import VIOLENT_TYPES, Aggregate, Document, Event, Incident
from ..resolve.place_words import words
from ..rules import enabled
from .aggregates import AggregateCues, split_aggregates
from .build import build_incident
from .candidates import Candidate, Traits
from .compat import (
    ADDITIVE,
    actors_compatible,
    bounds,
    dates_compatible,
    definite_actor,
    named_actors,
    places_compatible,
    same_kind,
    state_attacker,
    types_compatible,
    weak_date,
    weak_place,
)
from .tolls import counted_among_theirs, counts_everyone, partitive, share_of, toll_side

__all__ = ["Report", "consolidate", "refers_back", "same_in_report"]

# Days a mention dated only by the document (publication day, earlier narrative) may lie from one
# whose sentence dates it: news tells of the last week's events.
WEAK_DATE_DAYS = 7

# Share of content words two sentences must have in common to be one told twice (a headline and
# its lede, a summary restating the first line).
RESTATED_SHARE = 0.6
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass
class Report:
    """What one document tells: its incidents and its aggregate statements."""

    document_id: str
    incidents: list[Incident] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)


# "a resident also told AFP that ten had been killed": another report of the dead, not more dead
_ALSO_TOLD = re.compile(r"\balso\s+(?:told|said|says|reported|confirmed|gave|put)\b", re.I)


# "in another attack", "a separate bombing": another event, whoever's dead it counts
_ANOTHER = re.compile(r"\b(?:another|other|others|separate|second|third|elsewhere)\b", re.I)


# "Earlier Wednesday, security forces broke up a gathering", "Separately, ...": a sentence opening on a turn of
# the story's time or thread tells another event than those told before it
_TURN = re.compile(r"^\W*(?:earlier|later|meanwhile|separately|elsewhere)\b(?:\s+(?:on\s+)?(?:in\s+the\s+)?[a-z]+){0,2}\s*,", re.I)


def _turns(e: Event) -> bool:
    return enabled("incidents.turn_opens_another") and bool(_TURN.match(e.evidence_text))


def _sides_apart(a: Event, b: Event) -> bool:
    """The two mentions count the dead of two sides ("five soldiers", "two gunmen"): parts of one toll."""
    side_a, side_b = toll_side(a), toll_side(b)
    return side_a is not None and side_b is not None and side_a != side_b


def _before_figure(e: Event) -> str:
    """The mention's words before its death figure (its first 60 characters when it gives none)."""
    span = e.spans.get("fatalities")
    return e.evidence_text[: (span[0] - e.evidence_start) if span else 60]


def _additive(e: Event) -> bool:
    """The mention tells of further victims or another event ("six more were killed", "in another attack")."""
    return bool(ADDITIVE.search(_ALSO_TOLD.sub(" ", _before_figure(e))))


def _another(e: Event) -> bool:
    """The mention tells of another event ("in another attack"), not only of more dead ("also")."""
    return bool(_ANOTHER.search(_before_figure(e)))


def _untolled_detail(a: Event, b: Event, later: Event) -> bool:
    """ "Most of these people died after an exchange of heavy shelling": violence told later on the same
    day at the same place, with no toll of its own and no word of another event, tells more of the
    violence told first, whatever kind its words make it."""
    if not enabled("incidents.untolled_detail"):
        return False
    if later.fatalities is not None or later.fatalities_low is not None or _another(later) or _additive(later):
        return False
    return (not weak_date(a) and not weak_date(b) and a.date_start == b.date_start and not weak_place(a) and not weak_place(b)
            and bool(a.location) and a.location == b.location)


# the kinds of event one scene of unrest may be told as, sentence by sentence (a protest, a charge by the
# police, gunfire, a crowd running away)
_SCENE_TYPES = VIOLENT_TYPES | {"Protests", "Riots"}


def bare(e: Event) -> bool:
    """ "Riot police coming out to attack", "Lots of demonstrators running away": a mention that gives no
    date, place (not even a scene the gazetteer cannot place) or count of dead, wounded or arrested of its
    own and no word of another event tells nothing that sets it apart from the scene the report tells that day."""
    return (enabled("incidents.bare_detail") and e.event_type in _SCENE_TYPES and weak_date(e) and weak_place(e)
            and "scene" not in e.spans and e.fatalities is None and e.fatalities_low is None and e.injured is None
            and e.arrested is None and not _another(e) and not _additive(e))


def _kind(e: Event) -> str:
    return "violence" if e.event_type in VIOLENT_TYPES else e.event_type


def _bare_of_scene(a: Event, b: Event, later: Event) -> bool:
    """The later mention is bare and told of the same day and country as a scene the earlier one tells."""
    return (bare(later) and a.event_type in _SCENE_TYPES and b.event_type in _SCENE_TYPES and a.date_start == b.date_start
            and (not a.country or not b.country or a.country == b.country))


def _flag_state(e: Event) -> str:
    if e.negated or e.hypothetical or e.future:
        return "single"
    return "background" if e.background else "counted"


@functools.lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    # asked once per pair of mentions a report compares: kept per sentence
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOP_WORDS)


def restated(a: Event, b: Event) -> bool:
    """The two sentences say the same thing in mostly the same words (the headline and the lede)."""
    if not enabled("incidents.restated"):
        return False
    words_a, words_b = _content_words(a.evidence_text), _content_words(b.evidence_text)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= RESTATED_SHARE


# "The attack began when a car bomb exploded at the gate": a definite noun for the violence told
# before, in the mention's own sentence, says it tells more of that event (a new sub-type, a detail)
# as what the sentence is about: its opening words ("The attack began ...", "In the blast, ...")
# Nouns a sentence names the violence told before with ("the attack", "the strike", "the abduction"), one list for
# the three ways a sentence points back at it below.
_TOLD = (r"(?:attack|assault|raid|bombing|blast|explosion|strike|airstrike|air\s+strike|shelling|siege|ambush|massacre|"
         r"shooting|violence|fighting|clash|clashes|abduction|kidnapping|hijacking|hostage-taking|standoff|stand-off|"
         r"operation|offensive)s?")
# (after the teller: "Authorities said the first blast involved a car")
_TELLER = r"(?:[\w'’.-]+\s+){1,5}?(?:said|says|say|reported|reports|added|told\s+\w+)\s+(?:that\s+)?"
_BACK = re.compile(rf"^\W*(?:{_TELLER})?(?:(?:in|during|after|since)\s+)?(?:the|this|that|its)\s+(?:[a-z-]+\s+){{0,2}}{_TOLD}\b", re.I)


# "ten people had been killed in the strike", "died in the attack": the dead of the violence told before
_DIED_IN = re.compile(r"\b(?:killed|died|dead|wounded|injured|hurt|beheaded|slain|executed)\s+(?:(?!(?:in|during|by|from)\b)[\w()-]+\s+){0,4}?"
                      rf"(?:in|during|by|from)\s+(?:the|this|that)\s+(?:[a-z-]+\s+){{0,2}}{_TOLD}\b", re.I)


# "there was an exchange of gunfire during the abduction": what happened during the violence told is part of it
_DURING = re.compile(rf"\b(?:during|in\s+the\s+course\s+of|amid)\s+the\s+(?:[a-z-]+\s+){{0,2}}{_TOLD}\b", re.I)


def refers_back(e: Event) -> bool:
    """The mention's sentence names the violence told before with a definite noun ("the attack began
    when a car bomb exploded", "ten people had been killed in the strike")."""
    if not enabled("incidents.refers_back"):
        return False
    if "told_before" in e.spans:  # the act a claim of responsibility names (extract/claims.py)
        return True
    # "the second attack", "the other blast": another event, not the one told
    died_in = _DIED_IN.finditer(e.evidence_text) if enabled("incidents.died_in_the_attack") else ()
    during = _DURING.finditer(e.evidence_text) if enabled("incidents.during_the_attack") else ()
    return any(not ADDITIVE.search(m.group(0)) for m in (*_BACK.finditer(e.evidence_text), *died_in, *during))


@functools.lru_cache(maxsize=1)
def _facility() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, words("facility")), key=len, reverse=True))
    before = "at|in|inside|outside|near|into|from|of|stormed|overran|overrun|seized|captured|raided|surrounded|retook"
    # "inside the mall", "inside Nairobi's Westgate Mall": a scene named as one known
    return re.compile(rf"\b(?:{before})\s+(?:the|(?-i:[A-Z])[\w-]+['’]s)\s+(?:[\w&'-]+\s+){{0,3}}?(?:{nouns})s?\b", re.I)


def definite_scene(e: Event) -> bool:
    """The mention names its scene as one already told: a building with the definite article ("the 170
    hostages seized at the luxury hotel", "fresh explosions were heard at the Taj Hotel", "overran the base")."""
    return enabled("incidents.definite_scene") and bool(_facility().search(e.evidence_text))


def _agree(a: Event, b: Event) -> bool:
    """Positive evidence that two mentions tell one event: the same toll, a shared named actor, the
    same place, the same words, or the later one's attackers named as already told ("the militants")."""
    if restated(a, b):
        return True
    later = a if (a.evidence_start, a.event_id) > (b.evidence_start, b.event_id) else b
    if definite_actor(later) or (enabled("incidents.died_in_the_attack") and _DIED_IN.search(later.evidence_text)):
        return True  # the later one's attackers or dead are of the violence told before
    if enabled("incidents.refers_back_agrees") and later.fatalities is None and refers_back(later):
        return True  # "the attack began when ...": the violence told before, though placed by the document
    if a.fatalities is not None and a.fatalities == b.fatalities:
        return True
    if _same_sides(a, b):
        return True
    if (named_actors(a) & named_actors(b) or state_attacker(a) & state_attacker(b)) and not _steps_apart(a, b):
        return True
    return bool(a.location) and a.location == b.location


def _toll_statement(e: Event) -> bool:
    """A sentence that only gives another toll for an event told before (extract.toll_statements)."""
    return enabled("extract.toll_statements") and "toll_of" in e.spans


def _tolls_told(e: Event) -> bool:
    """ "They started hitting with artillery ... However, the government said three soldiers were killed": a
    toll statement counts the dead of violence told before, whatever kind its words made that violence."""
    return _toll_statement(e) and enabled("incidents.toll_of_any_kind")


def _steps_apart(a: Event, b: Event) -> bool:
    """Two kinds of act, one of them dated only by the document ("a few days ago, the group abducted ...",
    "the group has intensified its killing"): one actor's two acts as likely as one act told twice."""
    return (enabled("incidents.actor_not_enough") and a.sub_event_type != b.sub_event_type
            and (weak_date(a) or weak_date(b)))


def _same_sides(a: Event, b: Event) -> bool:
    """ "Rebels attacked French peacekeepers", then "the troops were attacked near Duekoue": both sentences
    name the same armed side attacked, by the same attacker (civilians, everyone's victims, say nothing)."""
    return (enabled("incidents.same_sides") and bool(a.actor2) and a.actor2 == b.actor2 and a.actor1 == b.actor1
            and a.inter2 != 7 and "actor2" in a.spans and "actor2" in b.spans)


def same_in_report(a: Event, b: Event) -> bool:
    """Whether two mentions of one report can tell the same event.

    A restatement keeps the kind of event (the same sub-type; two kinds of violence only with the same
    toll), and a mention whose place or date is not its own sentence's joins only with positive
    evidence (the same toll, named actor or place).
    """
    needs = _needs_evidence(a, b)
    return needs is not None and (not needs or _agree(a, b))


def _needs_evidence(a: Event, b: Event) -> bool | None:
    """None when the two mentions contradict each other (two events); else whether they may be one
    event only with positive evidence (:func:`_agree`), a place or date not their sentence's own."""
    later = a if (a.evidence_start, a.event_id) > (b.evidence_start, b.event_id) else b
    if _bare_of_scene(a, b, later) and actors_compatible(a, b):
        return False
    if not types_compatible(a, b) or not actors_compatible(a, b):
        return None
    if _turns(later) and not (refers_back(later) or definite_actor(later) or definite_scene(later) or _toll_statement(later)):
        return None
    if not same_kind(a, b) and not (a.fatalities is not None and a.fatalities == b.fatalities) \
            and not (a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES
                     and (refers_back(later) or definite_actor(later) or definite_scene(later) or counted_among_theirs(later)
                         or _tolls_told(later) or _untolled_detail(a, b, later))):
        return None
    # a sentence that only gives another toll for an event told is that event, whatever its figure; so is
    # one that counts the dead of the violence told ("they only killed five police during the assault")
    revision = _toll_statement(a) or _toll_statement(b) or (
        enabled("incidents.refers_back_toll") and refers_back(later))
    both = a.fatalities is not None and b.fatalities is not None
    parts = both and (_sides_apart(a, b) or share_of(a, b) or share_of(b, a))
    if not revision and both and a.fatalities != b.fatalities and not parts:
        return None  # one report gives one toll per event; two tolls are two events (or a total)
    if not revision and both and (_another(a) or _another(b) if parts else _additive(a) or _additive(b)):
        return None
    weak = weak_date(a) or weak_date(b)
    if not dates_compatible(a, b, slack_days=WEAK_DATE_DAYS if weak else 1):
        return None
    if weak_place(a) or weak_place(b):
        if a.country and b.country and a.country != b.country:
            return None
        return True
    if not places_compatible(a, b):
        return None
    return weak


def _joins(mention: Event, group: Candidate) -> bool:
    """Whether a mention may join an incident of its report: no member contradicts it, and where it
    needs positive evidence (its place or date, or a member's, not its sentence's own) every such member
    gives it, or, with ``incidents.evidence_from_one``, one member that does not contradict it does (the
    headline's "a bomb in Iraq" meets "a bomb in Fallujah" through the lede that names both)."""
    needs = [_needs_evidence(mention, m) for m in group.distinct.values()]
    if None in needs:
        return False
    if not any(needs):
        return True
    if not enabled("incidents.evidence_from_one"):
        return all(not n or _agree(mention, m) for n, m in zip(needs, group.distinct.values()))
    return any(_agree(mention, m) for m in (*group.distinct.values(), *group.details.values()))


def _agreement(a: Event, b: Event) -> int:
    """How much two compatible mentions agree beyond compatibility (to pick the best incident)."""
    score = 0
    score += 2 * (a.sub_event_type == b.sub_event_type)
    score += 2 * (a.fatalities is not None and a.fatalities == b.fatalities)
    score += 2 * (bool(a.location) and a.location == b.location)
    score += (a.date_start == b.date_start)
    score += (bool(a.actor1) and a.actor1 == b.actor1)
    return score


def _as_earlier(e: Event) -> tuple:
    """Everything :func:`same_in_report` and :func:`_agreement` read of the earlier mention of a pair
    (the later one's own tests, such as :func:`definite_actor`, read only the later one). Members of
    one incident with the same reading answer every newcomer alike, so it meets one of them: a long
    report that restates one event hundreds of times is not compared hundreds of times per mention."""
    return (e.event_type, e.sub_event_type, frozenset(named_actors(e)), frozenset(state_attacker(e)), e.fatalities, toll_side(e),
            partitive(e), counts_everyone(e), "toll_of" in e.spans, _additive(e), _another(e),
            bounds(e), weak_date(e), weak_place(e), e.country, e.admin1, e.latitude, e.longitude, e.geo_precision,
            e.location, e.date_start, e.actor1, e.actor2, e.inter2, "actor2" in e.spans, _content_words(e.evidence_text))


def group_mentions(mentions: Sequence[Event]) -> list[list[Event]]:
    """Mentions of one report grouped into incidents, in document order."""
    groups: list[Candidate] = []
    toll_statements = enabled("extract.toll_statements")
    for mention in sorted(mentions, key=lambda e: (e.evidence_start, e.event_id)):
        state = _flag_state(mention)
        traits = Traits.of(mention, toll_statements=toll_statements,
                           refers_back=enabled("incidents.refers_back_toll") and refers_back(mention), bare=bare(mention))
        best, best_score = None, -1
        if state != "single":
            for group in groups:
                if group.state != state or not group.admits(traits, weak_days=WEAK_DATE_DAYS) or not _joins(mention, group):
                    continue
                score = max(_agreement(mention, m) for m in (*group.distinct.values(), *group.details.values()))
                if score > best_score:
                    best, best_score = group, score
        if best is None:
            best = Candidate(state)
            groups.append(best)
        # a mention that refers back to the violence told is its detail: its own reading bars no later mention
        detail = enabled("incidents.details_do_not_veto") and (refers_back(mention) or definite_actor(mention) or bare(mention))
        best.add(mention, traits, _as_earlier(mention), detail=detail)
    return [group.members for group in groups]


def consolidate(document: Document | str, mentions: Iterable[Event], *, cues: AggregateCues | None = None) -> Report:
    """The report's incidents (each mention in exactly one) and aggregate statements."""
    document_id = document if isinstance(document, str) else document.id
    text = None if isinstance(document, str) else document.text
    kept, totals = split_aggregates(mentions, cues, text=text or None)
    incidents = []
    for group in group_mentions(kept):
        # a bare mention of another kind than the report's first told of the scene follows it
        followers = frozenset(m.event_id for m in group[1:] if bare(m) and _kind(m) != _kind(group[0]))
        incident = build_incident(group, reasons=[f"same report: {len(group)} mentions"] if len(group) > 1 else [],
                                  followers=followers)
        for mention in group:
            mention.incident_id = incident.incident_id
        incidents.append(incident)
    incidents.sort(key=lambda i: (i.record.evidence_start, i.incident_id))
    return Report(document_id, incidents, totals)

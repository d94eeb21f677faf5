"""Independent clauses of a sentence, each of which can tell its own event.

"His aide was arrested on April 3, and the forces are put into violent conflict with his movement,
which leaves 7 soldiers dead" tells an arrest and a clash. A clause counts as independent when it
is a verb coordinated with another, has an active subject of its own (a passive one is the
victims: "a bomb exploded and two soldiers were killed" is one event) and is itself a trigger
("and 19 others wounded in a suicide attack" is the first clause's toll and weapon). An adverbial
clause with a subject and a trigger verb of its own counts too when it is set a span of time apart
("..., one day after attacks killed more than 30 people": another day's event, dated back by
:func:`days_apart`) or told in contrast ("..., while another car bomb in Baghdad killed one"). A
trigger belongs to the nearest such clause above it, else to the sentence's main clause; each event
then takes only the figures of its own clause's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..rules import enabled
from .triggers import Trigger

__all__ = ["clause_groups", "clause_scope", "clauses_beside", "days_apart", "independent_clause", "months_apart"]

# an agent of its own: "and gunmen shot dead two policemen" is another event; "and two soldiers were
# killed" (a passive subject, the victims) tells the first clause's toll
_SUBJECTS = ("nsubj", "expl", "csubj")


def independent_clause(token: Token, verbs: frozenset[int] = frozenset()) -> Token:
    """The head of the independent clause the token belongs to (the sentence root if no other). With
    ``verbs`` (indexes of trigger verbs), only a clause whose own verb is one of them counts: "and 19
    others were wounded in the suicide attack" is the first clause's toll and weapon, not an event."""
    cur = token
    while cur.head.i != cur.i:
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and cur.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in _SUBJECTS for c in cur.children) and (not verbs or cur.i in verbs):
            return cur
        if (_at_another_time(cur) or _set_beside(cur)) and (not verbs or cur.i in verbs):
            return cur
        cur = cur.head
    return cur


# "one day after attacks killed more than 30 people": a span of time before the marker sets the clause apart
_TIME_UNITS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"})


def _at_another_time(verb: Token) -> bool:
    """An adverbial clause with a subject of its own, set a span of time before or after the main one ("one
    day after attacks killed more than 30 people", "hours before gunmen stormed the hotel") or dated by its
    own words ("after two blasts in Kohat killed 49 people during the weekend"): another event."""
    if verb.dep_ != "advcl" or verb.pos_ not in ("VERB", "AUX") or not enabled("extract.another_time_clause"):
        return False
    children = list(verb.children)
    return (any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in children)
            and any(c.dep_ in _SUBJECTS for c in children)
            and (any(c.dep_ == "npadvmod" and c.lower_ in _TIME_UNITS for c in children) or _dated_apart(verb)))


def _after_phrase(prep: Token) -> bool:
    """ "one day after ousting a rebel group in clashes", "two days before the vote": a phrase set a span of
    time from the clause it qualifies; an event told inside it happened that span apart."""
    return (prep.dep_ == "prep" and prep.lower_ in ("after", "before") and enabled("dating.days_after_phrase")
            and any(c.dep_ == "npadvmod" and c.lower_ in _TIME_UNITS for c in prep.children)
            and any(c.dep_ in ("pcomp", "pobj") for c in prep.children))


def _dated_apart(verb: Token) -> bool:
    """The clause and the sentence around it each have a date of their own ("took the toll to 73 in three
    days, after two blasts killed 49 during the weekend"); "five were killed after herders clashed on
    Tuesday" has one date, the event's."""
    inside = {t.i for t in verb.subtree}
    return any(t.ent_type_ == "DATE" for t in verb.subtree) and any(
        t.ent_type_ == "DATE" and t.i not in inside for t in verb.sent)


def clause_groups(triggers: Sequence[Trigger]) -> list[tuple[Token, list[Trigger]]]:
    """The triggers grouped by independent clause, clauses in sentence order."""
    groups: dict[int, tuple[Token, list[Trigger]]] = {}
    verbs = frozenset(t.head.i for t in triggers if t.head.pos_ in ("VERB", "AUX"))
    for trigger in triggers:
        root = independent_clause(trigger.head, verbs)
        groups.setdefault(root.i, (root, []))[1].append(trigger)
    return [groups[i] for i in sorted(groups)]


def clause_scope(root: Token, others: Sequence[Token]) -> frozenset[int]:
    """Token indexes of a clause: its subtree without the subtrees of the other clauses within it."""
    inside = {t.i for t in root.subtree}
    for other in others:
        if other.i in inside:
            inside -= {t.i for t in other.subtree}
    return frozenset(inside)


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_DAYS_PER = {"hour": 0, "hours": 0, "day": 1, "days": 1, "week": 7, "weeks": 7}


def _set_beside(verb: Token) -> bool:
    """An adverbial clause of contrast with a subject of its own ("a car bomb in Hilla killed four, while
    another car bomb in Baghdad killed one"): another event told beside the first."""
    if not enabled("extract.contrast_clause") or not _in_contrast(verb):
        return False
    children = list(verb.children)
    if any(c.dep_ in _SUBJECTS for c in children):
        return True
    # "..., while 28 rebels were killed near Damascus": victims told in contrast at a place of their own are
    # another event's ("..., while the police said five were killed" is another figure for the same dead)
    return (enabled("extract.contrast_victims") and any(c.dep_ == "nsubjpass" for c in children)
            and _places_apart(verb))


def _places_apart(verb: Token) -> bool:
    """The clause names a place, and not one its sentence names outside it."""
    inside = {t.i for t in verb.subtree}
    own = {t.text for t in verb.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")}
    return bool(own) and not own & {t.text for t in verb.sent if t.i not in inside and t.ent_type_ in ("GPE", "LOC", "FAC")}


def clauses_beside(root: Token) -> list[Token]:
    """The verbs of clauses told in contrast within ``root``'s clause ("..., while 28 rebels died near
    Damascus"): their words are no part of the main clause's event, whether or not they tell one."""
    if not enabled("extract.contrast_victims"):
        return []
    return [t for t in root.subtree if t.i != root.i and _untold_beside(t)]


def _untold_beside(verb: Token) -> bool:
    """ "..., while 28 rebels died near Damascus": a clause in contrast at a place of its own, whatever its subject."""
    return _in_contrast(verb) and _places_apart(verb)


def _in_contrast(verb: Token) -> bool:
    """An adverbial clause marked as told in contrast ("while", "whereas")."""
    return (verb.dep_ == "advcl" and verb.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children))


_MONTHS_PER = {"month": 1, "months": 1, "year": 12, "years": 12}


def _span_apart(token: Token) -> tuple[int, Token, Token] | None:
    """(count, unit word, clause or phrase) for a token in a clause set a counted span of time apart."""
    cur = token
    while cur.head.i != cur.i and not (_at_another_time(cur) or _after_phrase(cur)):
        cur = cur.head
    if not (_at_another_time(cur) or _after_phrase(cur)):
        return None
    unit = next((c for c in cur.children if c.dep_ == "npadvmod" and c.lower_ in _TIME_UNITS), None)
    if unit is None:
        return None  # dated by its own words ("during the weekend")
    count = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
    if count is None:
        n = 1
    elif count.lower_ in _NUMBER_WORDS:
        n = _NUMBER_WORDS[count.lower_]
    elif count.text.isdigit():
        n = int(count.text)
    else:
        return None
    return n, unit, cur


def _sign(cur: Token) -> int:
    mark = cur if cur.dep_ == "prep" else next(c for c in cur.children if c.dep_ == "mark" and c.lower_ in ("after", "before"))
    return -1 if mark.lower_ == "after" else 1


def days_apart(token: Token) -> tuple[int, Token] | None:
    """For a token in a clause set apart in time ("one day after attacks killed 30"), the days from the
    main clause's date to this clause's (negative: before it) and the clause's verb; None when the token
    is in no such clause or the span is not counted in hours, days or weeks."""
    found = _span_apart(token)
    if found is None or found[1].lower_ not in _DAYS_PER:
        return None  # a span of months or years: months_apart
    n, unit, cur = found
    return _sign(cur) * n * _DAYS_PER[unit.lower_], cur


def months_apart(token: Token) -> tuple[int, Token] | None:
    """As :func:`days_apart` for a span counted in months or years ("two years after the ethnic clashes"):
    the months from the main clause's date to this clause's, and the clause or phrase."""
    found = _span_apart(token)
    if found is None or found[1].lower_ not in _MONTHS_PER:
        return None
    n, unit, cur = found
    return _sign(cur) * n * _MONTHS_PER[unit.lower_], cur

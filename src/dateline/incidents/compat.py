"""Whether two records can be one real event: types, dates, places and actors that agree.

Used within a report (lede, detail, restatement) and across reports (``merge/``); the record
compared is a mention's or an incident's flat ``Event``.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from ..geo.distance import distance_km
from ..models import VIOLENT_TYPES, Event
from ..rules import enabled

__all__ = ["ADDITIVE", "ESCALATION", "actors_compatible", "bounds", "dates_compatible", "definite_actor", "escalation",
           "named_actors", "places_compatible", "same_kind", "state_attacker", "types_compatible", "weak_date", "weak_place"]

NEAR_KM = 25.0


def day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def bounds(e: Event) -> tuple[date, date] | None:
    """First and last day the record's date covers (a month-precise date covers its month)."""
    return _bounds(e.date_start, e.date_end)


# a report compares each mention with many others: its dates are read once per value
@functools.lru_cache(maxsize=4096)
def _bounds(date_start: str | None, date_end: str | None) -> tuple[date, date] | None:
    start = date_start
    if not start:
        return None
    if len(start) == 7:
        start = start + "-01"
    elif len(start) == 4:
        start = start + "-01-01"
    first = day(start)
    last = day(date_end) if date_end and len(date_end) >= 10 else None
    if first is None:
        return None
    if last is None:
        if len(date_start) == 7:
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        elif len(date_start) == 4:
            last = first.replace(month=12, day=31)
        else:
            last = first
    return first, max(first, last)


def weak_date(e: Event) -> bool:
    """The date is the document's (publication day) or carried over from earlier text, not the sentence's."""
    reason = e.date_reason or ""
    return not reason.startswith("sentence")


def weak_place(e: Event) -> bool:
    """The place is not named in the mention's own sentence."""
    reason = e.place_reason or ""
    return reason.startswith("no place") or e.latitude is None


def dates_compatible(a: Event, b: Event, *, slack_days: int = 1) -> bool:
    """The date ranges overlap, allowing ``slack_days`` either side."""
    ra, rb = bounds(a), bounds(b)
    if ra is None or rb is None:
        return ra is None and rb is None
    slack = timedelta(days=slack_days)
    return ra[0] <= rb[1] + slack and rb[0] <= ra[1] + slack


def places_compatible(a: Event, b: Event, *, near_km: float = NEAR_KM) -> bool:
    """Same place, nearby places, or one place inside the other's province or country."""
    if a.country and b.country and a.country != b.country:
        return False
    coarse_a = a.latitude is None or (a.geo_precision or 3) >= 3
    coarse_b = b.latitude is None or (b.geo_precision or 3) >= 3
    if coarse_a or coarse_b:
        if a.admin1 and b.admin1:
            return a.admin1 == b.admin1
        return True  # a country-level record holds any place of that country
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= near_km


# Sub-types that tell one event as it escalates or as more of it is told, mildest or vaguest first: a
# protest that the police broke up is one "Protest with intervention" (ACLED), however many sentences
# it takes to tell.
ESCALATION: dict[str, tuple[str, ...]] = {
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    # a bomb that a later sentence tells was a suicide bomber's is one suicide bombing (ACLED)
    "Explosions/Remote violence": ("Remote explosive/landmine/IED", "Suicide bomb"),
}


def escalation(e: Event) -> int:
    """How far along its type's escalation the record's sub-type is (-1: not in one)."""
    steps = ESCALATION.get(e.event_type, ()) if enabled("incidents.escalation") else ()
    return steps.index(e.sub_event_type) if e.sub_event_type in steps else -1


def same_kind(a: Event, b: Event) -> bool:
    """The same sub-type, or two steps of one escalation."""
    if a.sub_event_type == b.sub_event_type:
        return True
    return a.event_type == b.event_type and escalation(a) >= 0 and escalation(b) >= 0 and enabled("incidents.escalation")


def types_compatible(a: Event, b: Event) -> bool:
    """Violence of any kind may be one attack told differently; other kinds (an arrest, a handover, a
    protest) are one event only when their sub-types agree or are steps of one escalation."""
    if a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES:
        return True
    return a.event_type == b.event_type and same_kind(a, b)


def named_actors(e: Event) -> set[str]:
    """The registry ids of the record's named actors (generic ones such as "gunmen" name no one)."""
    return {x for x in (e.actor1_id, e.actor2_id) if x and not x.startswith("generic:") and x != "unknown"}


def state_attacker(e: Event) -> set[str]:
    """The record's attacker when it is a state's forces named by a generic noun ("the military", "Israeli
    jets": Military Forces of Israel): one actor of the report, though no registry id names it."""
    if not enabled("incidents.state_attacker") or e.inter1 != 1 or not e.actor1 or not (e.actor1_id or "").startswith("generic:"):
        return set()
    return {e.actor1}


def actors_compatible(a: Event, b: Event) -> bool:
    """Named actors overlap, or one side names none."""
    ids_a, ids_b = named_actors(a), named_actors(b)
    return not ids_a or not ids_b or bool(ids_a & ids_b)


# "more militants", "other gunmen": newcomers, not the attackers told before
ADDITIVE = re.compile(r"\b(?:more|another|other|others|additional|separate|second|third|further|also|elsewhere)\b", re.I)
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+(?:[a-z-]+\s+){0,2}$", re.I)
_PRONOUN_BEFORE = re.compile(r"(?:^|[\s\"“'‘(])(?:they|he|she)\s+(?:had\s+|have\s+|has\s+)?(?:[a-z]+ly\s+)?$", re.I)
_DEFINITE_START = re.compile(r"(?:the|these|those)\s", re.I)
_OPENING_PRONOUN = re.compile(r"\W*(?:they|he|she)\s", re.I)


def definite_actor(e: Event) -> bool:
    """The mention's attacker is a generic one named with a definite article or a pronoun ("the militants
    attacked the post", "the attackers arrived", "they killed"): a participant already told, so the event
    is one told before. A named group ("the Taliban") says nothing of the kind."""
    if not enabled("incidents.definite_actor") or not (e.actor1_id or "").startswith("generic:"):
        return False
    trigger = e.spans.get("trigger")
    before_trigger = e.evidence_text[: max(0, trigger[0] - e.evidence_start)] if trigger is not None else ""
    if trigger is not None and _PRONOUN_BEFORE.search(before_trigger):
        return True  # "They killed our people like animals": the attackers told before
    if trigger is not None and _OPENING_PRONOUN.match(before_trigger) and not ADDITIVE.search(before_trigger):
        return True  # "They dragged Arafat into the street, where he was shot": the people told before
    span = e.spans.get("actor1")
    if span is None:
        return False
    start = span[0] - e.evidence_start
    before = e.evidence_text[max(0, start - 30) : start]
    own = e.evidence_text[max(0, start) : span[1] - e.evidence_start]
    found = _DEFINITE.search(before)
    if found is None and not _DEFINITE_START.match(own):
        return False
    # "the other militants": another group; the teller's words before the phrase ("residents also say the
    # militants seized ...") are no part of it
    phrase = (before[found.start():] if found is not None else "") + own
    return not ADDITIVE.search(phrase)

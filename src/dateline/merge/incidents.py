"""Incidents: mentions from one or many documents that describe the same real event.

Two mentions go together when their types are compatible, their dates overlap, their
places are near (or one lies in the other's province) and their named actors overlap.
Disagreements between sources (12 killed here, 15 there) are reported, not averaged away.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

from ..geo.distance import distance_km
from ..incidents.tolls import combine, figures_of
from ..models import VIOLENT_TYPES, Event

# Violence types are often coded differently by different reports of one attack.
MAX_KM = 25.0
DATE_SLACK_DAYS = 1


@dataclass
class Incident:
    """A real event and every mention that supports it."""

    incident_id: str
    mentions: list[Event] = field(default_factory=list)

    @property
    def event(self) -> Event:
        """The most informative mention: the most precise place and date, then confidence."""
        return min(self.mentions, key=lambda e: (e.geo_precision or 9, e.time_precision or 9, -e.confidence))

    @property
    def fatalities(self) -> int | None:
        """The highest count any source gives (ACLED keeps the most reliable; we keep all, report the max);
        a sentence that only gives another toll (``spans["toll_of"]``) is one figure among those
        combined as the report's incidents combine them, never a count of its own."""
        if any("toll_of" in e.spans for e in self.mentions):
            return combine([f for e in self.mentions for f in figures_of(e)]).best
        counts = [e.fatalities for e in self.mentions if e.fatalities is not None]
        return max(counts) if counts else None

    @property
    def disagreements(self) -> list[str]:
        """Where the sources differ, e.g. "fatalities: doc-a 12, doc-b 15"."""
        notes = []
        for name in ("fatalities", "injured", "date_start", "location"):
            values = {(e.document_id, getattr(e, name)) for e in self.mentions if getattr(e, name) is not None}
            if len({v for _, v in values}) > 1:
                notes.append(f"{name}: " + ", ".join(f"{doc} {value}" for doc, value in sorted(values, key=str)))
        return notes


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _dates_overlap(a: Event, b: Event) -> bool:
    a0, a1, b0, b1 = _day(a.date_start), _day(a.date_end or a.date_start), _day(b.date_start), _day(b.date_end or b.date_start)
    if None in (a0, a1, b0, b1):
        return False
    slack = timedelta(days=DATE_SLACK_DAYS)
    return a0 <= b1 + slack and b0 <= a1 + slack


def _places_near(a: Event, b: Event) -> bool:
    if a.latitude is None or b.latitude is None:
        return a.admin1 is not None and a.admin1 == b.admin1
    if (a.geo_precision or 3) == 3 or (b.geo_precision or 3) == 3:
        return a.admin1 == b.admin1 and a.country == b.country
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= MAX_KM


def _types_compatible(a: Event, b: Event) -> bool:
    return a.event_type == b.event_type or (a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES)


def _actors_compatible(a: Event, b: Event) -> bool:
    ids_a = {x for x in (a.actor1_id, a.actor2_id) if x and not x.startswith("generic:")}
    ids_b = {x for x in (b.actor1_id, b.actor2_id) if x and not x.startswith("generic:")}
    return not ids_a or not ids_b or bool(ids_a & ids_b)


_ADDITIVE = re.compile(r"\b(?:more|another|other|others|also|additional|separate|second|third|further)\b", re.I)


_ALSO = re.compile(r"\b(?:also|separately|in another|in a separate)\b", re.I)


def _additive(event: Event) -> bool:
    """The mention reports further victims ("six more people were killed", "also killed 20")."""
    span = event.spans.get("fatalities")
    if not span:
        return False
    start = span[0] - event.evidence_start
    window = event.evidence_text[max(0, start - 40) : span[1] - event.evidence_start]
    # "The herdsmen also allegedly attacked a village ..., killing a couple": "also" of the clause
    return bool(_ADDITIVE.search(window) or _ALSO.search(event.evidence_text[: max(0, start)]))


def _toll_of(a: Event, b: Event) -> bool:
    """One mention is a sentence giving another toll for the other ("another report puts the toll at 13")."""
    return (a.document_id == b.document_id
            and (a.spans.get("toll_of") == [b.evidence_start, b.evidence_end]
                 or b.spans.get("toll_of") == [a.evidence_start, a.evidence_end]))


def same_incident(a: Event, b: Event) -> bool:
    """Whether two mentions plausibly describe the same real event."""
    if _toll_of(a, b):
        return True
    if a.document_id == b.document_id and a.fatalities is not None and b.fatalities is not None and (_additive(a) or _additive(b)):
        return False
    if a.document_id == b.document_id and a.fatalities and a.fatalities == b.fatalities and _dates_overlap(a, b):
        return True  # one text restating its toll ("police confirmed they had killed seven people")
    if (a.document_id == b.document_id and a.fatalities and b.fatalities and a.event_type != b.event_type
            and "Explosions/Remote violence" in (a.event_type, b.event_type)):
        return False  # one text telling a shooting with seven dead, then a bomb with six: two incidents
    return _types_compatible(a, b) and _dates_overlap(a, b) and _places_near(a, b) and _actors_compatible(a, b)


def group_incidents(events: Iterable[Event]) -> list[Incident]:
    """Cluster counted mentions into incidents (flagged mentions stay single)."""
    incidents: list[Incident] = []
    ordered = sorted(events, key=lambda e: (e.date_start or "9999", e.document_id, e.evidence_start))
    for event in ordered:
        home = None
        if event.counted:
            for incident in reversed(incidents[-200:]):  # date-ordered: only recent incidents can match
                if incident.mentions[0].counted and all(same_incident(event, m) for m in incident.mentions):
                    home = incident
                    break
        if home is None:
            home = Incident(hashlib.sha1(event.event_id.encode()).hexdigest()[:12])
            incidents.append(home)
        home.mentions.append(event)
    return incidents


_SUMMARY = re.compile(r"\b(?:series|wave|spate|string|number|rash) of\b|\battacks\b|\bbombings\b|\bacross\b|\bin all\b|\ba total of\b|\bdeath toll\b", re.I)


def document_counts(events: Iterable[Event]) -> tuple[int | None, int | None]:
    """(killed, injured) reported by one text, each real event counted once.

    Mentions of one incident count once (its highest figure). A summary sentence ("a wave of
    bombings across Iraq killed 15") whose figure covers the detailed incidents that follow is the
    document's total rather than one more incident.
    """
    incidents = group_incidents([e for e in events if e.counted])
    killed = [(i.fatalities, i) for i in incidents if i.fatalities is not None]
    injured = [max(e.injured for e in i.mentions if e.injured is not None) for i in incidents if any(e.injured is not None for e in i.mentions)]
    total_killed = sum(k for k, _ in killed) if killed else None
    for value, incident in killed:
        rest = sum(k for k, i in killed if i is not incident)
        if rest and value >= rest and any(_SUMMARY.search(m.evidence_text) and not _additive(m) for m in incident.mentions):
            total_killed = value
            break
    return total_killed, (sum(injured) if injured else None)


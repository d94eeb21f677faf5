"""Incidents across reports: report incidents that tell the same real event join, each join with its
reason, and the result depends only on the set of reports (never on the order they came in).

Two report incidents can join when their types, dates, places and actors are compatible and some
positive evidence says they are one event (the same place, toll, named actor or sub-type). Joins are
made greedily from the strongest link down (ties by id), and a join happens only when every report
on one side can be the same event as every report on the other (complete linkage), so two attacks
on the same day in one province stay apart when reports place them in different towns. An incident's
id is the smallest id of its report incidents.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..geo.distance import distance_km
from ..incidents.build import build_incident
from ..incidents.compat import actors_compatible, dates_compatible, named_actors, places_compatible, types_compatible, weak_date, weak_place
from ..models import Event, Incident
from ..rules import enabled

__all__ = ["cluster", "combine", "link", "Link"]

# Days either side two reports' dates may differ: the day a story ran vs the day of the attack.
SLACK_DAYS = 1
WEAK_SLACK_DAYS = 2


class Link(tuple):
    """(score, id_a, id_b, reason), ordered strongest first by ``sorted``."""

    __slots__ = ()

    def __new__(cls, score: int, a: str, b: str, reason: str) -> "Link":
        return super().__new__(cls, (-score, a, b, reason))

    @property
    def score(self) -> int:
        return -self[0]

    @property
    def ids(self) -> tuple[str, str]:
        return self[1], self[2]

    @property
    def reason(self) -> str:
        return self[3]


def _state(e: Event) -> str:
    if e.negated or e.hypothetical or e.future:
        return "flagged"
    return "background" if e.background else "counted"


def link(a: Incident, b: Incident) -> Link | None:
    """The link between two report incidents of different documents, or None when they are not one event."""
    if set(a.document_ids) & set(b.document_ids):
        return None  # one report told them apart
    ra, rb = a.record, b.record
    if _state(ra) != _state(rb) or _state(ra) == "flagged":
        return None
    if not types_compatible(ra, rb) or not actors_compatible(ra, rb):
        return None
    weak = weak_date(ra) or weak_date(rb)
    if not dates_compatible(ra, rb, slack_days=WEAK_SLACK_DAYS if weak else SLACK_DAYS):
        return None
    if not places_compatible(ra, rb):
        return None
    score, why = 0, []
    precise = not weak_place(ra) and not weak_place(rb) and (ra.geo_precision or 3) < 3 and (rb.geo_precision or 3) < 3
    if precise:
        km = distance_km(ra.latitude, ra.longitude, rb.latitude, rb.longitude)
        score += 3
        why.append(f"places {km:.0f} km apart ({ra.location} / {rb.location})")
    elif ra.admin1 and ra.admin1 == rb.admin1:
        score += 1
        why.append(f"same province ({ra.admin1})")
    if ra.fatalities is not None and ra.fatalities == rb.fatalities:
        score += 2
        why.append(f"same toll ({ra.fatalities})")
    shared = named_actors(ra) & named_actors(rb)
    if shared:
        score += 2
        why.append("same actor (" + ", ".join(sorted(shared)) + ")")
    if ra.sub_event_type == rb.sub_event_type:
        score += 1
        why.append(f"same sub-type ({ra.sub_event_type})")
    if (not shared and ra.actor1 and ra.actor2 and (ra.actor1, ra.actor2) == (rb.actor1, rb.actor2)
            and enabled("merge.same_sides")):
        # "police attacked protesters" in two reports of one day: both sides the same, though neither named
        score += 2
        why.append(f"same sides ({ra.actor1} / {ra.actor2})")
    if score < 3:
        return None  # compatible, but nothing says it is the same event
    if ra.date_start == rb.date_start:
        score += 1
    reason = f"{ra.event_type} on {ra.date_start} / {rb.date_start}: " + "; ".join(why)
    x, y = sorted((a.incident_id, b.incident_id))
    return Link(score, x, y, reason)


def cluster(reports: Sequence[Incident]) -> list[tuple[list[Incident], list[str]]]:
    """Report incidents grouped into real events, with each group's join reasons; any order in, same out."""
    by_id = {r.incident_id: r for r in reports}
    ids = sorted(by_id)
    links = []
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            found = link(by_id[x], by_id[y])
            if found is not None:
                links.append(found)
    links.sort()
    group_of = {i: i for i in ids}
    members = {i: [i] for i in ids}
    reasons: dict[str, list[str]] = {i: [] for i in ids}
    for found in links:
        ga, gb = group_of[found.ids[0]], group_of[found.ids[1]]
        if ga == gb:
            continue
        if not all(link(by_id[p], by_id[q]) is not None for p in members[ga] for q in members[gb]):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        members[keep] += members.pop(gone)
        reasons[keep] += reasons.pop(gone) + [found.reason]
        for m in members[keep]:
            group_of[m] = keep
    return [([by_id[m] for m in sorted(members[g])], reasons[g]) for g in sorted(members)]


def combine(reports: Sequence[Incident], reasons: Sequence[str] = ()) -> Incident:
    """One incident from the report incidents of one real event (several documents)."""
    if len(reports) == 1 and not reasons:
        return reports[0]
    records = [r.record for r in reports]
    figures = [f for r in reports for f in r.figures]
    incident_id = min(r.incident_id for r in reports)
    joined = build_incident(records, incident_id=incident_id, figures=figures,
                            reasons=[m for r in reports for m in r.merge_reasons] + list(reasons))
    by_id = {r.incident_id: r for r in reports}
    # field provenance names mentions, not report incidents
    joined.field_sources = {name: by_id[rid].field_sources.get(name, rid) if rid in by_id else rid
                            for name, rid in joined.field_sources.items()}
    joined.mention_ids = sorted({m for r in reports for m in r.mention_ids})
    joined.document_ids = sorted({d for r in reports for d in r.document_ids})
    joined.report_ids = sorted(by_id)
    joined.sources = sorted({s for r in reports for s in r.sources})
    return joined

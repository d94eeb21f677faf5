"""One incident record from the mentions that support it, each field from one mention.

Field groups move together (a place's name, province and coordinates come from one mention);
which mention supplies a group is decided by how well that mention supports it: a date or place
named in its own sentence beats one carried over from the document, a more precise one beats a
coarser one, and then the earlier mention (the lede) wins. A side is voted for by the mentions that
name it; those that only point back at it ("the gunmen", "they") do not vote, and yield to one that
was named.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..extract.typing import lethal_force
from ..models import Event, Figure, Incident
from ..resolve.actors import NON_STATE_ARMED
from ..rules import enabled
from .compat import definite_actor, escalation, weak_date, weak_place
from .tolls import combine, disagreement, report_figures

__all__ = ["FIELD_GROUPS", "build_incident", "incident_id_for"]

FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "type": ("event_type", "sub_event_type", "plover_type", "plover_mode", "trigger", "type_source", "type_reason"),
    "actor1": ("actor1", "actor1_id", "inter1", "assoc_actor_1", "actor1_reason"),
    "actor2": ("actor2", "actor2_id", "inter2", "assoc_actor_2", "actor2_reason"),
    "date": ("date_start", "date_end", "time_precision", "date_reason"),
    "place": ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "where_prec",
              "geonameid", "place_reason"),
    "reported_by": ("reported_by",),
    "injured": ("injured",),
    "arrested": ("arrested",),
    "perpetrators_killed": ("perpetrators_killed",),
}


def incident_id_for(mention_ids: Sequence[str]) -> str:
    """A report incident's id: a hash of its first mention's id (stable, order-free)."""
    return "i" + hashlib.sha1(min(mention_ids).encode()).hexdigest()[:15]


def _order(e: Event) -> tuple:
    return (e.published or "", e.document_id, e.evidence_start, e.event_id)


def _date_rank(e: Event) -> tuple:
    return (weak_date(e), e.time_precision or 9, _order(e))


def _place_rank(e: Event) -> tuple:
    return (weak_place(e), e.geo_precision or 9, e.where_prec or 9, _order(e))


def _type_rank(mentions: Sequence[Event]) -> Callable[[Event], tuple]:
    votes = Counter(e.event_type for e in mentions)
    subs = Counter(e.sub_event_type for e in mentions)
    # a step further along an escalation is what the event became ("dispersed with tear gas")
    return lambda e: (-votes[e.event_type], -escalation(e), -subs[e.sub_event_type], -e.confidence, _order(e))


_UNIDENTIFIED = "generic:unidentified_armed_group"


def _toll_copy(e: Event) -> bool:
    """A sentence that only gives another toll copies the kind and sides of the event it counts: it casts
    no vote of its own for them (one vote, not two)."""
    return "toll_of" in e.spans and enabled("incidents.tolls_do_not_vote")


def _actor_rank(slot: str, mentions: Sequence[Event]) -> Callable[[Event], tuple]:
    # "the gunmen", "they" point back at attackers already told: they neither vote nor beat the
    # mention that named them ("al-Shabab militants attacked …; the gunmen stormed …")
    told = {id(e) for e in mentions if slot == "actor1" and enabled("incidents.anaphor_defers") and definite_actor(e)}
    # a sentence that only gives another toll copies the sides of the event it counts: no votes of its own
    copies = {id(e) for e in mentions if _toll_copy(e)}
    voters = [e for e in mentions if id(e) not in told and id(e) not in copies] or list(mentions)
    votes = Counter(getattr(e, slot) for e in voters if getattr(e, slot))
    # an armed group one mention names ("the FARC") is who the others' "rebels" were, however many they are
    inter = "inter1" if slot == "actor1" else "inter2"
    unnamed = enabled("incidents.named_beats_unidentified") and any(
        getattr(e, inter) in NON_STATE_ARMED and not (getattr(e, f"{slot}_id") or "generic:").startswith("generic:")
        for e in voters)
    return lambda e: (getattr(e, slot) is None, id(e) in told,
                      unnamed and getattr(e, f"{slot}_id") == _UNIDENTIFIED, -votes.get(getattr(e, slot), 0), _order(e))


def _other_side(rank: Callable[[Event], tuple], record: Event) -> Callable[[Event], tuple]:
    # read after actor1 is chosen: one side is never both ("militants attacked soldiers" beside "soldiers
    # killed three militants" names one pair, in two orders)
    return lambda e: (e.actor2 is not None and e.actor2 == record.actor1, *rank(e))


def _value_rank(name: str) -> Callable[[Event], tuple]:
    return lambda e: (getattr(e, name) is None, _order(e))


def _source_name(e: Event) -> str:
    return e.source or e.document_id


def build_incident(mentions: Sequence[Event], *, incident_id: str | None = None, reasons: Sequence[str] = (),
                   figures: Sequence[Figure] | None = None, followers: frozenset[str] = frozenset()) -> Incident:
    """The incident of these mentions (one or many documents): fields from the best-supported mention.

    ``followers``: ids of mentions that joined as bare details of the scene ("demonstrators running
    away"); they neither vote for nor supply its kind and sides."""
    if not mentions:
        raise ValueError("an incident needs at least one mention")
    ordered = sorted(mentions, key=_order)
    lede = ordered[0]
    incident_id = incident_id or incident_id_for([m.event_id for m in ordered])
    record = replace(lede, event_id=incident_id, incident_id=incident_id, spans={})
    sources: dict[str, str] = {}
    voters = [m for m in ordered if m.event_id not in followers] or ordered
    rankers: dict[str, Callable[[Event], tuple]] = {
        "type": _type_rank([m for m in voters if not _toll_copy(m)] or voters),
        "actor1": _actor_rank("actor1", voters),
        "actor2": _other_side(_actor_rank("actor2", voters), record),
        "date": _date_rank,
        "place": _place_rank,
    }
    for group, names in FIELD_GROUPS.items():
        rank = rankers.get(group) or _value_rank(names[0])
        best = min(voters if group in ("type", "actor1", "actor2") else ordered, key=rank)
        for name in names:
            setattr(record, name, getattr(best, name))
            span = best.spans.get(name)
            if span:
                record.spans[name] = list(span)
        sources[group] = best.event_id
    # evidence and document: the lede's
    record.spans["evidence"] = [lede.evidence_start, lede.evidence_end]
    sources["evidence"] = lede.event_id
    all_figures = list(figures) if figures is not None else report_figures(ordered)
    toll = combine(all_figures)
    record.fatalities, record.fatalities_low, record.fatalities_high = toll.best, toll.low, toll.high
    if toll.best_from is not None:
        sources["fatalities"] = toll.best_from.mention_id
        if toll.best_from.span:
            record.spans["fatalities"] = list(toll.best_from.span)
    if enabled("incidents.lethal_intervention") and lethal_force(record):
        # the toll of the incident may come from a later sentence than the one that told the intervention
        record.type_reason = f"the intervention killed people: excessive force (ACLED); {record.type_reason}"
    record.confidence = max(m.confidence for m in ordered)
    notes = []
    fatal = disagreement("fatalities", [(_source_name_of(f), f.value) for f in all_figures if f.bound not in ("high", "share")])
    if fatal:
        notes.append(fatal)
    for name in ("date_start", "location", "event_type"):
        note = disagreement(name, [(_source_name(m), getattr(m, name)) for m in ordered])
        if note and len({_source_name(m) for m in ordered}) > 1:
            notes.append(note)
    outlets = sorted({o for m in ordered if m.source for o in m.source.split("; ")})
    documents = sorted({m.document_id for m in ordered})
    record.source = "; ".join(outlets) or None  # every outlet that reported it (ACLED's source)
    return Incident(
        record=record,
        mention_ids=[m.event_id for m in ordered],
        document_ids=documents,
        field_sources=sources,
        figures=all_figures,
        sources=outlets,
        disagreements=notes,
        merge_reasons=list(reasons),
    )


def _source_name_of(f: Figure) -> str:
    outlet = f.source or f.document_id
    return f"{outlet} ({f.reported_by})" if f.reported_by else outlet

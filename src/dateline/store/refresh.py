"""Re-extraction of a stored document: which new report incidents continue which stored ones.

Decisions are keyed to report incidents (``store/review.py``), and a report incident's id is a hash
of its first mention's span. A newer dateline may find the same event in a slightly different span
(another sentence boundary, one more restatement), which would give it a new id and leave the
analyst's decisions behind. So a new report incident takes the id of the stored one whose evidence it
overlaps most (one to one; an identical id first): the event keeps its identity, its decisions are laid
over the new machine values, and a value that changed under a pinned field becomes a conflict.

A stored report incident that no new one overlaps is gone: the machine no longer finds that event in
the text. Its decisions stay in the store (nothing is deleted) but no longer apply to anything; the
refresh reports them, so a person can look at the document again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Event, Incident

__all__ = ["Refreshed", "carry_ids", "rename_reports"]

Span = tuple[int, int]


@dataclass(slots=True)
class Refreshed:
    """What re-extracting one stored document changed."""

    document_id: str
    mentions: int = 0  # mentions now
    incidents: int = 0  # report incidents now
    kept: list[str] = field(default_factory=list)  # report incidents that continue (same id)
    new: list[str] = field(default_factory=list)  # report incidents found only now
    gone: list[str] = field(default_factory=list)  # stored report incidents no longer found
    decided_gone: list[str] = field(default_factory=list)  # of ``gone``, those with decisions (kept, not applied)
    conflicts: int = 0  # incidents of this document whose pinned fields the machine now disagrees with

    def notices(self) -> list[str]:
        """One line per thing a person should know: decisions left without their event."""
        if not self.decided_gone:
            return []
        ids = ", ".join(self.decided_gone)
        return [f"re-extraction no longer finds the decided event(s) {ids}; their decisions are "
                "kept but apply to nothing (merges and splits naming them lapse)"]


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters of evidence the two sets of spans share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def carry_ids(old: Mapping[str, Sequence[Span]], new: Mapping[str, Sequence[Span]]) -> dict[str, str]:
    """New report id -> the stored report id it continues, one to one, by shared evidence.

    Pairs with the same id come first (the same first mention: the same event), then the pairs that
    share the most characters of evidence; report incidents sharing no evidence are not paired.
    """
    pairs = []
    for new_id, new_spans in new.items():
        for old_id, old_spans in old.items():
            shared = _overlap(new_spans, old_spans)
            if new_id == old_id or shared > 0:
                pairs.append((new_id != old_id, -shared, new_id, old_id))
    carried: dict[str, str] = {}
    taken: set[str] = set()
    for _, _, new_id, old_id in sorted(pairs):
        if new_id in carried or old_id in taken:
            continue
        carried[new_id] = old_id
        taken.add(old_id)
    return carried


def rename_reports(incidents: Sequence[Incident], events: Sequence[Event], carried: Mapping[str, str]) -> list[Incident]:
    """The report incidents with the carried ids (their records and mentions pointing at them)."""
    renamed = []
    by_mention = {e.event_id: e for e in events}
    for incident in incidents:
        new_id = carried.get(incident.incident_id, incident.incident_id)
        if new_id != incident.incident_id:
            record = dataclasses.replace(incident.record, event_id=new_id, incident_id=new_id)
            incident = dataclasses.replace(incident, record=record,
                                           report_ids=[new_id] if incident.report_ids else [])
            for mention_id in incident.mention_ids:
                if mention_id in by_mention:
                    by_mention[mention_id].incident_id = new_id
        renamed.append(incident)
    return renamed

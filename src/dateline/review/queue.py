"""The review queue: which incidents an analyst should check first, and why.

Each reason is a rule row (name, weight, test, reason text) that can be switched off; an incident's
priority is the sum of the weights of the rules that fire. Conflicts (the machine changed a value a
person had pinned) come first; reviewed incidents without conflicts and rejected ones are not queued.

Each rule also says its test in SQL over the ``incidents`` row ``e`` (the same in both dialects), so
the store ranks the whole table and reads only the first ``limit`` incidents (a queue over 100,000
incidents costs one scan, not 100,000 incidents built in Python). A rule without SQL makes the queue
rank in Python, over every candidate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..incidents.compat import weak_date, weak_place
from ..models import Incident
from .apply import Review

__all__ = ["LARGE_TOLL", "LOW_CONFIDENCE", "QUEUE_RULES", "QueueItem", "QueueRule", "queue", "rank"]

# Below this the extractor filled few slots from the sentence itself (confidence is 0-1; 0.5 is the default).
LOW_CONFIDENCE = 0.5
# A toll this large is worth a second look before it is published (ACLED's "high fatality" review tier
# starts at 25 deaths).
LARGE_TOLL = 25


@dataclass(frozen=True, slots=True)
class QueueRule:
    """One reason to review an incident: it adds ``weight`` to the priority when ``applies`` is true."""

    name: str
    weight: float
    applies: Callable[[Incident, Review], bool]
    reason: str
    enabled: bool = True
    sql: str | None = None  # the same test as a condition on the incidents row ``e``; None: Python only


QUEUE_RULES: tuple[QueueRule, ...] = (
    QueueRule("conflict", 100, lambda i, r: bool(r.conflicts), "the machine changed a value a person had pinned",
              sql="e.review_conflicts > 0"),
    QueueRule("sources_disagree", 8, lambda i, r: bool(i.disagreements), "sources disagree",
              sql="e.n_disagreements > 0"),
    QueueRule("large_toll", 6, lambda i, r: (i.record.fatalities or 0) >= LARGE_TOLL, f"{LARGE_TOLL} or more killed",
              sql=f"COALESCE(e.fatalities, 0) >= {LARGE_TOLL}"),
    QueueRule("machine_merge", 5, lambda i, r: len(i.document_ids) > 1 or bool(i.merge_reasons),
              "joined from several reports by the machine",
              sql="(e.n_documents > 1 OR e.n_merge_reasons > 0)"),
    QueueRule("low_confidence", 4, lambda i, r: i.record.confidence < LOW_CONFIDENCE, "low confidence",
              sql=f"e.confidence < {LOW_CONFIDENCE}"),
    QueueRule("place_fallback", 3, lambda i, r: weak_place(i.record), "place from the document, not the sentence",
              sql="(substr(COALESCE(e.place_reason, ''), 1, 8) = 'no place' OR e.latitude IS NULL)"),
    QueueRule("date_fallback", 3, lambda i, r: weak_date(i.record), "date from the document, not the sentence",
              sql="substr(COALESCE(e.date_reason, ''), 1, 8) <> 'sentence'"),
)


@dataclass(slots=True)
class QueueItem:
    """An incident in the queue with its priority and the reasons that gave it."""

    incident: Incident
    review: Review
    priority: float
    reasons: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        r = self.incident.record
        return {
            "incident_id": self.incident.incident_id, "priority": self.priority, "reasons": list(self.reasons),
            "status": self.review.status or "unreviewed", "date_start": r.date_start, "event_type": r.event_type,
            "sub_event_type": r.sub_event_type, "location": r.location, "admin1": r.admin1,
            "fatalities": r.fatalities, "sources": list(self.incident.sources),
        }


def rank(candidates: Sequence[tuple[Incident, Review]], *, rules: Sequence[QueueRule] = QUEUE_RULES) -> list[QueueItem]:
    """Candidates in the order to review them: highest priority, then most recent, then id."""
    items = []
    for incident, review in candidates:
        if review.status == "rejected" and not review.conflicts:
            continue
        fired = [rule for rule in rules if rule.enabled and rule.applies(incident, review)]
        items.append(QueueItem(incident, review, float(sum(r.weight for r in fired)), [r.reason for r in fired]))
    # the order SQL gives (``priority_sql``): priority down, later dates first, undated last, then id
    items.sort(key=lambda q: q.incident.incident_id)
    items.sort(key=lambda q: q.incident.record.date_start or "", reverse=True)
    items.sort(key=lambda q: (-q.priority, not q.incident.record.date_start))
    return items


def priority_sql(rules: Sequence[QueueRule]) -> str | None:
    """The priority of an incident row ``e`` as one SQL expression; None when a rule in use has no SQL."""
    used = [r for r in rules if r.enabled]
    if any(r.sql is None for r in used):
        return None
    return " + ".join(f"(CASE WHEN {r.sql} THEN {r.weight:g} ELSE 0 END)" for r in used) or "0"


def queue(store: Any, *, limit: int | None = 50, rules: Sequence[QueueRule] = QUEUE_RULES) -> list[QueueItem]:
    """The incidents to review first (unreviewed, or reviewed with conflicts), at most ``limit``."""
    ranking = priority_sql(rules)
    if ranking is not None and limit is not None and hasattr(store, "ranked_candidates"):
        return rank(store.ranked_candidates(ranking, limit), rules=rules)[:limit]
    items = rank(store.review_candidates(), rules=rules)
    return items if limit is None else items[:limit]

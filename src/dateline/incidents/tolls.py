"""Death tolls of one incident: every figure with who gave it, combined as low / best / high.

Different figures for one incident are alternatives, never added: the best is a figure told as a
revision ("the toll rose to 15") if any, else the figure most mentions agree on, else the lowest
(ACLED codes the most conservative of conflicting reports); low and high bound every figure given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Event, Figure

__all__ = ["Toll", "combine", "figures_of"]

# A figure told as a revision of an earlier one.
_UPDATED = re.compile(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|reached|revised|updated|raised|later|final|now stands?|has grown)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Toll:
    best: int | None
    low: int | None
    high: int | None
    best_from: Figure | None  # the figure chosen as best (the low bound's when no count was given)


def _updated(event: Event) -> bool:
    span = event.spans.get("fatalities")
    if not span:
        return False
    start, end = span[0] - event.evidence_start, span[1] - event.evidence_start
    # the words before the figure ("later rose to") or inside its phrase ("the toll from the bombing rose to 15")
    return bool(_UPDATED.search(event.evidence_text[max(0, start - 40): max(0, end)]))


def figures_of(event: Event) -> list[Figure]:
    """The death figures one mention gives (its best count, and its bounds when they differ)."""
    found: list[Figure] = []
    span = event.spans.get("fatalities")
    base = dict(mention_id=event.event_id, document_id=event.document_id, source=event.source,
                reported_by=event.reported_by, span=list(span) if span else None)
    if event.fatalities is not None:
        bound = "low" if event.fatalities_low == event.fatalities and event.fatalities_high is None else "best"
        found.append(Figure(event.fatalities, bound=bound, updated=_updated(event), **base))
    elif event.fatalities_low is not None:
        # "several were killed": at least three, and no count to publish
        found.append(Figure(event.fatalities_low, bound="least", **base))
    if event.fatalities_high is not None and event.fatalities_high != event.fatalities:
        found.append(Figure(event.fatalities_high, bound="high", **base))
    return found


def combine(figures: Sequence[Figure]) -> Toll:
    """low / best / high over every figure given for one incident."""
    if not figures:
        return Toll(None, None, None, None)
    values = [f.value for f in figures]
    counts_given = [f for f in figures if f.bound not in ("high", "least")]
    bounds_only = [f for f in figures if f.bound == "least"]
    if not counts_given and bounds_only:
        least = min(bounds_only, key=lambda f: f.value)  # a ceiling ("up to 40") is never the low bound
        return Toll(None, least.value, None, least)  # "several" alone: a low bound (from its mention), no best figure
    candidates = counts_given or list(figures)
    # "at least four" beside "23": the lower bound agrees with the count and does not compete with it
    exact = [f.value for f in candidates if f.bound == "best"]
    candidates = [f for f in candidates if f.bound != "low" or not any(v > f.value for v in exact)] or candidates
    updated = [f for f in candidates if f.updated]
    if updated:
        chosen = max(updated, key=lambda f: f.value)
    else:
        counts = Counter(f.value for f in candidates)
        top = max(counts.values())
        chosen = min((f for f in candidates if counts[f.value] == top), key=lambda f: f.value)
    low = min(values)
    # "at least 7" alone bounds nothing above; a high exists only when some figure is not a lower bound
    bounded = [f.value for f in figures if f.bound not in ("low", "least")]
    high = max(bounded) if bounded else None
    if high is not None and high < chosen.value:
        high = chosen.value
    return Toll(chosen.value, low, high, chosen)


def disagreement(name: str, values: Iterable[tuple[str, object]]) -> str | None:
    """"fatalities: AP 13, Jerusalem Post 7" when the sources give different values, else None."""
    by_source: dict[str, set[str]] = {}
    for source, value in values:
        if value is None:
            continue
        by_source.setdefault(source, set()).add(str(value))
    distinct = {v for vs in by_source.values() for v in vs}
    if len(distinct) < 2:
        return None
    parts = [f"{source} {'/'.join(sorted(vs, key=lambda v: (len(v), v)))}" for source, vs in sorted(by_source.items())]
    return f"{name}: " + ", ".join(parts)

"""Totals over a period or an area are aggregate statements, not incidents.

A sentence such as "8,300 people were killed in Iraq this year" or "a wave of bombings across the
country killed 17" gives a figure that covers many events. It is kept as an ``Aggregate`` (figure,
period, area, evidence, and the reason it was read as a total), shown apart and never summed into
fatalities. The cues are data (``data/aggregate_cues.yaml``), grouped in families that can be
switched off one at a time.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from ..config import package_data
from ..models import Aggregate, Event
from ..rules import enabled

__all__ = ["AggregateCues", "aggregate_reason", "to_aggregate"]

# How far before and after the count the clause is read (characters): a cue further away belongs to
# another clause; after the count the list of its parts may run longer ("including ... in A and ... in B").
WINDOW = 90
AFTER = 200
_ONE_EVENT = "one_event"


@dataclass(frozen=True)
class AggregateCues:
    """The cue families, each a list of compiled patterns."""

    families: dict[str, tuple[re.Pattern[str], ...]]
    # words that tell one event ("a roadside bomb killed four soldiers earlier this month"): with them
    # no cue makes the figure a total (a split into named parts still does, extract/parts.py)
    one_event: tuple[re.Pattern[str], ...] = ()

    @classmethod
    @functools.lru_cache(maxsize=4)
    def load(cls, disabled: frozenset[str] = frozenset()) -> "AggregateCues":
        raw = yaml.safe_load(package_data("aggregate_cues.yaml").read_text(encoding="utf-8")) or {}
        single = tuple(re.compile(p, re.I) for p in raw.pop(_ONE_EVENT, None) or ())
        return cls({name: tuple(re.compile(p, re.I) for p in patterns)
                    for name, patterns in raw.items() if name not in disabled}, single)

    def first(self, text: str, only: frozenset[str] | None = None, *, single_in: str | None = None) -> tuple[str, str] | None:
        """(family, matched words) of the first cue found in ``text`` (of the ``only`` families if given);
        ``single_in``: where words that tell one event are looked for, when not in all of ``text``."""
        single = enabled(f"aggregates.{_ONE_EVENT}") and any(
            p.search(text if single_in is None else single_in) for p in self.one_event)
        for name, patterns in self.families.items():
            if not enabled(f"aggregates.{name}") or single or (only and name not in only):
                continue
            for pattern in patterns:
                match = pattern.search(text)
                if match:
                    return name, match.group(0)
        return None


def _outside(event: Event) -> bool:
    """The count was read outside the mention's own sentence (a following sentence told the toll)."""
    span = event.spans.get("fatalities")
    return bool(span) and not (event.evidence_start <= span[0] < event.evidence_end)


def _toll_sentence(text: str, span: list[int]) -> tuple[int, int]:
    """[start, end) of the sentence of the document that holds the toll at ``span``."""
    start = max(text.rfind(". ", 0, span[0]) + 2, 0)
    stop = text.find(". ", span[1])
    return start, (stop + 1 if stop >= 0 else len(text))


def _clause(event: Event, text: str | None = None) -> str:
    """The words around the death count (the whole evidence when no count was read). ``text`` is the
    document's, for a count read outside the mention's sentence."""
    span = event.spans.get("fatalities") or event.spans.get("injured") or event.spans.get("abducted")
    if not span:
        return event.evidence_text
    if text is not None and _outside(event):
        first, last = _toll_sentence(text, span)
        return text[max(first, span[0] - WINDOW): min(last, span[1] + AFTER)]
    body = event.evidence_text
    start = max(0, span[0] - event.evidence_start - WINDOW)
    end = min(len(body), span[1] - event.evidence_start + AFTER)
    return body[start:end]


def _around_trigger(event: Event) -> str | None:
    """The words up to and around the mention's trigger: "air raids against militants, a day after an Israeli
    missile strike killed ..." names one strike of another clause, not the raids as one event. None (the whole
    sentence) with ``aggregates.one_event_at_trigger`` off or no trigger span."""
    span = event.spans.get("trigger")
    if not span or not enabled("aggregates.one_event_at_trigger"):
        return None
    start, end = span[0] - event.evidence_start, span[1] - event.evidence_start
    return event.evidence_text[max(0, start - 60) : end + 20]


def _placed_in_sentence(event: Event) -> bool:
    """Whether the mention's place was named in its own sentence (its place span lies in its evidence),
    not carried from the paragraph or given by the document."""
    span = event.spans.get("place")
    return bool(span) and event.evidence_start <= span[0] < event.evidence_end


def aggregate_reason(event: Event, cues: AggregateCues | None = None, *, text: str | None = None) -> str | None:
    """Why this mention's figure is a total over a period or area, or None when it is one incident.

    A mention without a count is a total only when it names several events as one series ("there
    has been a surge of suicide car bombings in Iraq", the ``series`` family) or spreads over an area
    without naming a place of its own ("voting centres were attacked in many areas", the ``area``
    family); other figureless talk of attacks in general is a generic statement, which extraction flags.
    """
    counted = enabled("aggregates.abduction_counts") and bool(event.spans.get("abducted"))  # "100 have been kidnapped"
    if event.fatalities is None and event.fatalities_low is None and event.injured is None and not counted:
        if event.spans.get("part"):
            return None  # a place told in parallel whose figure went to the total is one event of it
        families = {"series"} if enabled("aggregates.series_without_figure") else set()
        if enabled("aggregates.area_without_figure") and not _placed_in_sentence(event):
            families.add("area")  # "in Baghdad fighting goes on in several areas" names its place: an event
        found = (cues or AggregateCues.load()).first(event.evidence_text, frozenset(families),
                                                     single_in=_around_trigger(event)) if families else None
        return f"{found[0]}: '{found[1]}'" if found is not None else None
    running = event.spans.get("running_total")
    if running:
        return f"running total: '{event.evidence_text[running[0] - event.evidence_start : running[1] - event.evidence_start]}'"
    if event.spans.get("part"):
        return None  # one place's part of a sentence told in parallel: its figure is its own branch's
    parts = event.spans.get("parts")
    if parts and event.fatalities is not None:
        return f"components: the toll of {len(parts) // 2} places told in parallel"
    found = (cues or AggregateCues.load()).first(_clause(event, text))
    if found is None:
        return None
    family, words = found
    return f"{family}: '{words}'"


def to_aggregate(event: Event, reason: str, *, text: str | None = None) -> Aggregate:
    """The aggregate statement read from a mention (from the sentence of its toll when that lies
    outside the mention's and ``text`` is given)."""
    cue = reason.split(": ", 1)[1].strip("'") if ": " in reason else None
    if text is not None and _outside(event):
        first, last = _toll_sentence(text, event.spans["fatalities"])
        evidence = (first, last, text[first:last])
    else:
        evidence = (event.evidence_start, event.evidence_end, event.evidence_text)
    period = cue if reason.startswith("period") else None
    # a total "in Iraq" covers the country the sentence names, not the province the event fell back to; one
    # that names no place is the document's country's, not the town of its dateline
    whole_country = "country" in event.spans or (event.place_reason or "").startswith("no place")
    area = event.country if whole_country else event.location or event.admin1 or event.country
    parts = event.spans.get("parts")
    if parts:  # the total of places told in parallel covers them all ("Mosul, Baiji, Tuz")
        base = event.evidence_start
        area = ", ".join(event.evidence_text[s - base : e - base] for s, e in zip(parts[::2], parts[1::2], strict=True))
    return Aggregate(
        aggregate_id="a" + hashlib.sha1(f"{event.event_id}:{evidence[0]}".encode()).hexdigest()[:15],
        document_id=event.document_id,
        evidence_start=evidence[0],
        evidence_end=evidence[1],
        evidence_text=evidence[2],
        event_type=event.event_type,
        fatalities=event.fatalities,
        fatalities_low=event.fatalities_low,
        fatalities_high=event.fatalities_high,
        period=period,
        date_start=event.date_start,
        date_end=event.date_end,
        area=area,
        country=event.country,
        admin1=None if whole_country else event.admin1,
        reason=reason,
        mention_id=event.event_id,
        source=event.source,
    )


def split_aggregates(events: Iterable[Event], cues: AggregateCues | None = None, *,
                     text: str | None = None) -> tuple[list[Event], list[Aggregate]]:
    """(mentions of incidents, aggregate statements). A mention whose toll was read in another
    sentence that states a total keeps its event; the total becomes the aggregate and leaves it."""
    kept: list[Event] = []
    totals: list[Aggregate] = []
    for event in events:
        reason = aggregate_reason(event, cues, text=text)
        if reason is None:
            kept.append(event)
        elif text is not None and _outside(event):
            totals.append(to_aggregate(event, reason, text=text))
            event.fatalities = event.fatalities_low = event.fatalities_high = None
            event.spans.pop("fatalities", None)
            kept.append(event)
        else:
            totals.append(to_aggregate(event, reason))
    return kept, totals

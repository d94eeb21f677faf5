"""How events and incidents are laid out in rows: the columns, and the JSON of an incident's parts
that are not flat fields. Both backends and the decision methods read and write through these."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..models import EVENT_FIELDS, Event, Figure, Incident

__all__ = ["BOOL_FIELDS", "EVENT_COLUMNS", "event_from_row", "event_row", "incident_detail", "incident_from_json",
           "incident_from_row", "incident_json"]

EVENT_COLUMNS = ", ".join(f'e."{name}"' for name in EVENT_FIELDS)
_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure))
BOOL_FIELDS = frozenset({"negated", "hypothetical", "future", "background"})


def event_row(event: Event, *, boolean: Callable[[bool], Any] = bool) -> list[Any]:
    """An Event as the parameter list of an INSERT over EVENT_FIELDS (SQLite stores flags as int)."""
    row: list[Any] = []
    for name in EVENT_FIELDS:
        value = getattr(event, name)
        if name in BOOL_FIELDS:
            value = boolean(bool(value))
        elif name == "spans":
            value = json.dumps(value or {}, sort_keys=True)
        row.append(value)
    return row


def event_from_row(row: Sequence[Any]) -> Event:
    """An Event from a row selected with EVENT_COLUMNS."""
    values = dict(zip(EVENT_FIELDS, row, strict=True))
    for name in BOOL_FIELDS:
        values[name] = bool(values[name])
    values["spans"] = json.loads(values["spans"]) if values["spans"] else {}
    return Event(**values)


def incident_detail(incident: Incident) -> dict[str, Any]:
    """The parts of an incident that are not flat fields, as stored in ``incidents.detail``."""
    return {
        "mention_ids": incident.mention_ids,
        "document_ids": incident.document_ids,
        "field_sources": incident.field_sources,
        "figures": [{name: getattr(f, name) for name in _FIGURE_FIELDS} for f in incident.figures],
        "sources": incident.sources,
        "disagreements": incident.disagreements,
        "merge_reasons": incident.merge_reasons,
        "report_ids": incident.report_ids,
    }


def incident_json(incident: Incident) -> str:
    """A report incident as stored in ``report_incidents.data``."""
    return json.dumps({"record": incident.record.to_record(), **incident_detail(incident)}, sort_keys=True)


def _incident(record: Event, detail: dict[str, Any]) -> Incident:
    return Incident(
        record=record,
        mention_ids=list(detail.get("mention_ids", [])),
        document_ids=list(detail.get("document_ids", [])),
        field_sources=dict(detail.get("field_sources", {})),
        figures=[Figure(**f) for f in detail.get("figures", [])],
        sources=list(detail.get("sources", [])),
        disagreements=list(detail.get("disagreements", [])),
        merge_reasons=list(detail.get("merge_reasons", [])),
        report_ids=list(detail.get("report_ids", [])),
    )


def incident_from_json(data: str) -> Incident:
    detail = json.loads(data)
    return _incident(Event.from_record(detail.pop("record")), detail)


def incident_from_row(row: Sequence[Any], detail: str | None) -> Incident:
    return _incident(event_from_row(row), json.loads(detail) if detail else {})

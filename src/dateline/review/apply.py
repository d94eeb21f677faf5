"""Decisions over machine values: the one place where an analyst's decisions meet what the machine found.

The store calls :func:`apply_decisions` every time it writes an incident row (a new report joins, a
document is re-extracted, a decision is made or undone), so a decision can never be overwritten by a
re-run: the machine's values are recomputed, then the decisions are laid over them again.

A field a person has *pinned* (by editing it, or by accepting the incident) keeps the person's value.
When the machine's value under a pinned field changes (a new report gives another toll), the change is
not applied: it becomes a :class:`Conflict` shown in the review queue until the analyst accepts again
(keeping their value) or edits the field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError, ReviewError
from ..filters import parse_date_range
from ..models import Event

__all__ = [
    "ACTIONS",
    "EDITABLE_FIELDS",
    "Conflict",
    "Decision",
    "Review",
    "active_decisions",
    "apply_decisions",
    "machine_record",
    "now",
    "parse_value",
]

ACTIONS = ("accept", "reject", "edit", "merge", "split", "note", "undo")
# Actions that change which reports make up an incident (the store re-groups on them and their undo).
GROUPING_ACTIONS = frozenset({"merge", "split"})

# What an analyst may edit, with the type each value must have. Fields derived by the machine
# (ids, inter codes, evidence, spans, confidence) are not edited: they say what the text gave.
_INT, _FLOAT, _BOOL, _STR, _DATE = "int", "float", "bool", "str", "date"
EDITABLE_FIELDS: dict[str, str] = {
    "event_type": _STR, "sub_event_type": _STR,
    "actor1": _STR, "actor2": _STR, "assoc_actor_1": _STR, "assoc_actor_2": _STR,
    "date_start": _DATE, "date_end": _DATE, "time_precision": _INT,
    "country": _STR, "admin1": _STR, "admin2": _STR, "location": _STR,
    "latitude": _FLOAT, "longitude": _FLOAT, "geo_precision": _INT,
    "fatalities": _INT, "fatalities_low": _INT, "fatalities_high": _INT, "injured": _INT, "arrested": _INT,
    "negated": _BOOL, "hypothetical": _BOOL, "future": _BOOL, "background": _BOOL,
}
_REQUIRED = frozenset({"event_type", "sub_event_type"})  # NOT NULL in the store
_TRUE, _FALSE = {"1", "true", "yes", "y"}, {"0", "false", "no", "n"}
_NULL = {"", "null", "none", "-"}


@dataclass(frozen=True, slots=True)
class Decision:
    """One stored decision. ``before``/``after``/``machine`` are JSON values: for an edit the field's
    value, for an accept a dict of every editable field."""

    id: int
    incident_key: str  # the report incident it was made on (the incident's id at the time)
    incident_id: str
    action: str
    author: str
    at: str  # ISO time, UTC
    field: str | None = None
    before: Any = None
    after: Any = None
    machine: Any = None
    reason: str | None = None
    target: str | None = None

    def to_record(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Conflict:
    """The machine's value under a pinned field changed since the person decided."""

    field: str
    held: Any  # the person's value, still published
    machine_then: Any  # the machine's value when the person decided
    machine_now: Any  # what the machine says now (not applied)
    decision_id: int


@dataclass(slots=True)
class Review:
    """The review state of one incident, as ``incidents --format jsonl`` carries it."""

    status: str | None = None  # None (not reviewed), accepted, edited, rejected
    edited: dict[str, Any] = field(default_factory=dict)  # field -> the person's value
    by: str | None = None  # author of the last decision
    at: str | None = None
    reason: str | None = None  # of the rejection
    notes: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    decisions: int = 0
    machine: dict[str, Any] = field(default_factory=dict)  # machine values of every pinned field

    @property
    def reviewed(self) -> bool:
        """Accepted or edited by a person (what ``--reviewed`` publishes)."""
        return self.status in ("accepted", "edited")

    def to_record(self) -> dict[str, Any]:
        return {
            "status": self.status or "unreviewed",
            "edited": dict(self.edited),
            "by": self.by,
            "at": self.at,
            "reason": self.reason,
            "notes": list(self.notes),
            "conflicts": [dataclasses.asdict(c) for c in self.conflicts],
            "decisions": self.decisions,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any] | None) -> "Review":
        if not record:
            return cls()
        status = record.get("status")
        return cls(
            status=None if status in (None, "unreviewed") else status,
            edited=dict(record.get("edited") or {}),
            by=record.get("by"), at=record.get("at"), reason=record.get("reason"),
            notes=list(record.get("notes") or []),
            conflicts=[Conflict(**c) for c in record.get("conflicts") or []],
            decisions=int(record.get("decisions") or 0),
            machine=dict(record.get("machine") or {}),
        )


def now() -> str:
    """The time a decision is made: UTC, to the microsecond so decisions of one call share it."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def parse_value(name: str, text: str | None) -> Any:
    """The typed value of ``name=text`` from the command line or a form; ReviewError naming the field."""
    kind = EDITABLE_FIELDS.get(name)
    if kind is None:
        raise ReviewError(f"{name!r} cannot be edited", where=name,
                          hint=f"editable fields: {', '.join(EDITABLE_FIELDS)}")
    if text is None or (isinstance(text, str) and text.strip().casefold() in _NULL):
        if name in _REQUIRED:
            raise ReviewError(f"{name} cannot be empty", where=name)
        return None if kind != _BOOL else False
    if not isinstance(text, str):
        text = str(text)
    value = text.strip()
    try:
        if kind == _INT:
            number = int(value)
            if number < 0:
                raise ValueError("negative")
            return number
        if kind == _FLOAT:
            return float(value)
    except ValueError:
        raise ReviewError(f"{value!r} is not a {'count' if kind == _INT else 'number'}", where=name) from None
    if kind == _BOOL:
        folded = value.casefold()
        if folded in _TRUE | _FALSE:
            return folded in _TRUE
        raise ReviewError(f"{value!r} is not true or false", where=name)
    if kind == _DATE:
        try:
            parse_date_range(value, name=name)
        except ConfigError as err:
            raise ReviewError(err.message, where=name, hint="give YYYY-MM-DD, YYYY-MM or YYYY") from None
        return value
    return value


def active_decisions(decisions: Iterable[Decision]) -> list[Decision]:
    """The decisions in force: not undo rows and not undone (an undo of an undo restores), oldest first."""
    ordered = sorted(decisions, key=lambda d: d.id)
    undone: set[str] = set()
    for d in reversed(ordered):  # the latest undo decides; an undone undo undoes nothing
        if d.action == "undo" and str(d.id) not in undone and d.target is not None:
            undone.add(str(d.target))
    return [d for d in ordered if d.action != "undo" and str(d.id) not in undone]


def _pins(decision: Decision) -> Iterable[tuple[str, Any, Any]]:
    """(field, the person's value, the machine's value then) for every field the decision pins."""
    if decision.action == "edit" and decision.field:
        yield decision.field, decision.after, decision.machine
    elif decision.action == "accept" and isinstance(decision.after, dict):
        machine = decision.machine if isinstance(decision.machine, dict) else {}
        for name, value in decision.after.items():
            if name in EDITABLE_FIELDS:
                yield name, value, machine.get(name, value)


def apply_decisions(machine: Event, decisions: Sequence[Decision]) -> tuple[Event, Review]:
    """The published record (the machine's with the decisions in force laid over it) and its review.

    The latest pin of a field gives its value and the machine value it was made against; a machine
    value that differs from that is a conflict, and the person's value stays.
    """
    review = Review()
    active = active_decisions(decisions)
    pinned: dict[str, tuple[Any, Any, int]] = {}
    edited: set[str] = set()
    for d in active:
        review.decisions += 1
        review.by, review.at = d.author, d.at
        if d.action == "accept":
            review.status, review.reason = "accepted", None
        elif d.action == "reject":
            review.status, review.reason = "rejected", d.reason
        elif d.action == "edit":
            edited.add(d.field or "")
            if review.status is None:  # an edit does not undo an accept or a rejection
                review.status = "edited"
        elif d.action == "note":
            review.notes.append({"note": d.reason, "by": d.author, "at": d.at})
        for name, value, machine_then in _pins(d):
            pinned[name] = (value, machine_then, d.id)
    values: dict[str, Any] = {}
    for name, (value, machine_then, decision_id) in sorted(pinned.items()):
        machine_now = getattr(machine, name)
        review.machine[name] = machine_now
        if not _same(machine_now, machine_then):
            review.conflicts.append(Conflict(name, value, machine_then, machine_now, decision_id))
        values[name] = value
    review.edited = {name: values[name] for name in sorted(edited) if name in values}
    record = dataclasses.replace(machine, **values) if values else machine
    return record, review


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 1e-9
        except (TypeError, ValueError):
            return a == b
    return a == b


def machine_record(published: Event, machine: dict[str, Any]) -> Event:
    """The machine's record back from a published one and the machine values kept beside it."""
    known = {k: v for k, v in machine.items() if k in EDITABLE_FIELDS}
    return dataclasses.replace(published, **known) if known else published

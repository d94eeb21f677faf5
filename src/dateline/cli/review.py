"""`dateline review ...`: thin click wrappers over dateline.review (accept, reject, edit, merge, split,
note, undo, queue, history). Each opens the store, calls one function and prints what was decided."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from ..review import api
from ..review.apply import Decision
from ..review.queue import queue as review_queue
from .options import db_option, handle_errors

__all__ = ["describe", "history_lines", "review", "show_review"]


def _common(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--user", metavar="NAME", default=None, help=f"Who decides (default: ${api.USER_ENV}).")(func)
    func = db_option(func)
    return handle_errors(func)


def _open(db: str | None):
    from ..config import database_path
    from ..store import open_store

    return open_store(database_path(db))


def describe(decision: Decision) -> str:
    """One line for a decision: what was done, by whom, when."""
    what = {
        "edit": lambda d: f"edit {d.field}: {d.before!r} -> {d.after!r}",
        "reject": lambda d: f"reject: {d.reason}",
        "accept": lambda d: "accept" + (f": {d.reason}" if d.reason else ""),
        "note": lambda d: f"note: {d.reason}",
        "merge": lambda d: f"merge with {d.target}" + (f": {d.reason}" if d.reason else ""),
        "split": lambda d: f"split out report {d.target}" + (f": {d.reason}" if d.reason else ""),
        "undo": lambda d: f"undo #{d.target} ({d.before})" + (f": {d.reason}" if d.reason else ""),
    }[decision.action](decision)
    return f"#{decision.id} {decision.at[:19].replace('T', ' ')} {decision.author}: {what}"


def history_lines(history: Sequence[tuple[Decision, bool]]) -> list[str]:
    """The history as lines, undone decisions marked."""
    return [describe(d) + ("" if active else "  [undone]") for d, active in history]


def _done(decisions: Sequence[Decision]) -> None:
    for d in decisions:
        click.echo(describe(d))


@click.group()
def review() -> None:
    """Review incidents: accept, reject, edit, merge, split, note, undo; every decision is kept.

    \b
    Example:
        export DATELINE_USER=ana
        dateline review queue
        dateline review edit 3f2c9a1b location="Qalat Salih" fatalities=3
        dateline review reject 77aa01c2 --reason "a drill, not an attack"
    """


@review.command()
@click.argument("incident_id")
@click.option("--take-machine", is_flag=True, help="Take the machine's new values of the fields in conflict.")
@click.option("--note", default=None, help="Why (kept with the decision).")
@_common
def accept(incident_id: str, take_machine: bool, note: str | None, db: str | None, user: str | None) -> None:
    """Accept an incident as it stands (a later machine change of its values is shown as a conflict).

    \b
    Example:
        dateline review accept 3f2c9a1b --user ana
    """
    with _open(db) as store:
        _done(api.accept(store, incident_id, author=user, take_machine=take_machine, note=note))


@review.command()
@click.argument("incident_id")
@click.option("--reason", required=True, help="Why it is rejected.")
@_common
def reject(incident_id: str, reason: str, db: str | None, user: str | None) -> None:
    """Reject an incident: hidden from listings, exports and maps (shown with --all).

    \b
    Example:
        dateline review reject 77aa01c2 --reason "a drill, not an attack"
    """
    with _open(db) as store:
        _done(api.reject(store, incident_id, reason=reason, author=user))


def _assignments(pairs: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{pair!r} is not FIELD=VALUE", param_hint="FIELD=VALUE")
        values[name.strip()] = value
    return values


@review.command()
@click.argument("incident_id")
@click.argument("assignments", nargs=-1, required=True, metavar="FIELD=VALUE...")
@click.option("--reason", default=None, help="Why (kept with the decision).")
@_common
def edit(incident_id: str, assignments: tuple[str, ...], reason: str | None, db: str | None, user: str | None) -> None:
    """Set fields of an incident (FIELD=VALUE; an empty value clears a field).

    Fields: event_type, sub_event_type, actor1, actor2, assoc_actor_1, assoc_actor_2, date_start,
    date_end, time_precision, country, admin1, admin2, location, latitude, longitude, geo_precision,
    fatalities, fatalities_low, fatalities_high, injured, arrested, negated, hypothetical, future,
    background.

    \b
    Example:
        dateline review edit 3f2c9a1b location="Qalat Salih" fatalities=3
    """
    with _open(db) as store:
        _done(api.edit(store, incident_id, _assignments(assignments), author=user, reason=reason))


@review.command()
@click.argument("incident_id")
@click.argument("other_id")
@click.option("--reason", default=None)
@_common
def merge(incident_id: str, other_id: str, reason: str | None, db: str | None, user: str | None) -> None:
    """Make two incidents one (they stay one whatever later reports say).

    \b
    Example:
        dateline review merge 3f2c9a1b 9e01d2c3 --reason "same market bombing"
    """
    with _open(db) as store:
        _done(api.merge(store, incident_id, other_id, author=user, reason=reason))


@review.command()
@click.argument("incident_id")
@click.option("--mention", "mention_id", required=True, help="A mention (or report incident) of the incident.")
@click.option("--reason", default=None)
@_common
def split(incident_id: str, mention_id: str, reason: str | None, db: str | None, user: str | None) -> None:
    """Take the report holding a mention out of an incident (it becomes an incident of its own).

    \b
    Example:
        dateline review split 3f2c9a1b --mention 5b7c0d1e2f3a4b5c
    """
    with _open(db) as store:
        _done(api.split(store, incident_id, mention_id, author=user, reason=reason))


@review.command()
@click.argument("incident_id")
@click.argument("text")
@_common
def note(incident_id: str, text: str, db: str | None, user: str | None) -> None:
    """Attach a note to an incident.

    \b
    Example:
        dateline review note 3f2c9a1b "AP later revised the toll; check tomorrow"
    """
    with _open(db) as store:
        _done(api.note(store, incident_id, text, author=user))


@review.command()
@click.argument("incident_id")
@click.option("--decision", "decision_id", type=int, default=None, help="The decision to undo (default: the latest).")
@click.option("--reason", default=None)
@_common
def undo(incident_id: str, decision_id: int | None, reason: str | None, db: str | None, user: str | None) -> None:
    """Undo a decision (the latest by default); the undo is kept in the history too.

    \b
    Example:
        dateline review undo 3f2c9a1b --decision 12
    """
    with _open(db) as store:
        _done(api.undo(store, incident_id, decision_id=decision_id, author=user, reason=reason))


@review.command()
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--db", "db", metavar="PATH", default=None, help="Database file or postgresql://... (default: $DATELINE_DB).")
@handle_errors
def queue(limit: int, fmt: str, db: str | None) -> None:
    """Incidents to check first: conflicts, disagreeing sources, large tolls, machine merges, low
    confidence, places or dates taken from the document.

    \b
    Example:
        dateline review queue --limit 10
    """
    with _open(db) as store:
        items = review_queue(store, limit=limit)
    records = [item.to_record() for item in items]
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            place = r["location"] or r["admin1"] or "?"
            click.echo(f"{r['incident_id']}  {r['date_start'] or '?':10}  {r['sub_event_type'][:28]:28}  {place[:20]:20}"
                       f"  {'' if r['fatalities'] is None else r['fatalities']:>4}  {'; '.join(r['reasons'])}")
        click.echo(f"{len(records)} incident(s) to review", err=True)


@review.command(name="history")
@click.argument("incident_id")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--db", "db", metavar="PATH", default=None, help="Database file or postgresql://... (default: $DATELINE_DB).")
@handle_errors
def history_command(incident_id: str, fmt: str, db: str | None) -> None:
    """Every decision on an incident, oldest first (same as `dateline show ID --history`).

    \b
    Example:
        dateline review history 3f2c9a1b
    """
    with _open(db) as store:
        found = api.history(store, incident_id)
    if fmt == "jsonl":
        for d, active in found:
            click.echo(json.dumps({**d.to_record(), "in_force": active}, ensure_ascii=False))
    else:
        for line in history_lines(found) or ["no decisions"]:
            click.echo(line)


def show_review(store: Any, incident_id: str, *, history: bool = False) -> None:
    """The review part of `dateline show`: status, the values people set, conflicts, notes, and the history."""
    state = store.review_of(incident_id)
    if state.status or state.conflicts or state.notes:
        click.echo(f"\nReview: {state.status or 'unreviewed'} (last by {state.by} at {(state.at or '')[:19].replace('T', ' ')})"
                   + (f": {state.reason}" if state.reason else ""))
        for name, value in state.edited.items():
            click.echo(f"  - {name} set by a person: {value!r} (machine: {state.machine.get(name)!r})")
        for c in state.conflicts:
            click.echo(f"  ! conflict on {c.field}: kept {c.held!r}; the machine now says {c.machine_now!r}"
                       f" (was {c.machine_then!r}); accept again or edit the field")
        for n in state.notes:
            click.echo(f"  * note by {n['by']}: {n['note']}")
    if history:
        click.echo("\nHistory:")
        for line in history_lines(api.history(store, incident_id)) or ["  no decisions"]:
            click.echo(f"  {line}")

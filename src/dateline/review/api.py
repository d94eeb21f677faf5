"""Decisions as plain functions over a store: what the CLI and the web app call.

Every function records who decided (``author``) and returns the decision rows written; the store
rewrites the incident with every decision in force in the same transaction.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import ReviewError
from .apply import Decision
from .follow import follow_ups

__all__ = ["USER_ENV", "accept", "author_of", "decide", "edit", "history", "merge", "note", "reject", "review_records",
           "split", "undo"]

USER_ENV = "DATELINE_USER"


def author_of(user: str | None) -> str:
    """Who decides: the given user, else $DATELINE_USER; ReviewError when neither is set."""
    name = (user or os.environ.get(USER_ENV) or "").strip()
    if not name:
        raise ReviewError("who is deciding is not known", where="user", hint=f"pass --user NAME or set {USER_ENV}")
    return name


def decide(store: Any, incident_id: str, action: str, *, author: str | None = None, **kwargs: Any) -> list[Decision]:
    """Record any decision (``action`` one of review.ACTIONS) on an incident."""
    return store.decide(incident_id, action, author=author_of(author), **kwargs)


def accept(store: Any, incident_id: str, *, author: str | None = None, take_machine: bool = False,
           note: str | None = None) -> list[Decision]:
    """Accept the incident as published; every field is pinned (a later machine change is a conflict).
    ``take_machine`` accepts the machine's new values of the fields in conflict instead."""
    return decide(store, incident_id, "accept", author=author, take_machine=take_machine, reason=note)


def reject(store: Any, incident_id: str, *, reason: str, author: str | None = None) -> list[Decision]:
    """Reject the incident (spurious, not an event, a duplicate...): hidden unless asked for with --all."""
    return decide(store, incident_id, "reject", author=author, reason=reason)


def edit(store: Any, incident_id: str, values: Mapping[str, Any], *, author: str | None = None,
         reason: str | None = None, follow: bool = True) -> list[Decision]:
    """Set fields (``{"location": "Qalat Salih", "fatalities": "3"}``; text values are parsed by field type).

    With ``follow`` the fields that go with an edited one change too unless given (the toll's range,
    the place's point; ``review.follow``), each kept as an edit with its reason."""
    author = author_of(author)
    values = dict(values)
    reasons: dict[str, str] = {}
    if follow:
        record = store.resolve_incident(incident_id).record
        for extra, why in follow_ups(values, record):
            values.update(extra)
            reasons.update({name: f"follows the edit: {why}" for name in extra})
    return store.decide(incident_id, "edit", author=author, values=values, reason=reason, reasons=reasons)


def note(store: Any, incident_id: str, text: str, *, author: str | None = None) -> list[Decision]:
    """Attach a note to the incident (kept in its history, changes no value)."""
    return decide(store, incident_id, "note", author=author, reason=text)


def merge(store: Any, incident_id: str, other_id: str, *, author: str | None = None,
          reason: str | None = None) -> list[Decision]:
    """Make two incidents one (their reports stay together whatever the machine finds later)."""
    return decide(store, incident_id, "merge", author=author, target=other_id, reason=reason)


def split(store: Any, incident_id: str, mention_id: str, *, author: str | None = None,
          reason: str | None = None) -> list[Decision]:
    """Take the report that holds this mention (or this report incident) out of the incident."""
    return decide(store, incident_id, "split", author=author, target=mention_id, reason=reason)


def undo(store: Any, incident_id: str, *, decision_id: int | str | None = None, author: str | None = None,
         reason: str | None = None) -> list[Decision]:
    """Undo one decision in force (the latest when ``decision_id`` is None); the undo is kept too."""
    return decide(store, incident_id, "undo", author=author, target=None if decision_id is None else str(decision_id),
                  reason=reason)


def review_records(store: Any, incident_ids: Sequence[str], *, with_history: bool = True) -> dict[str, dict[str, Any]]:
    """Review records (status, edited fields, who, when, conflicts, notes and, with ``with_history``, every
    decision) of the incidents a person decided on, by incident id: what exports and JSON lines carry."""
    found = {}
    for incident_id, review in store.reviews(incident_ids).items():
        record = review.to_record()
        if with_history:
            record["history"] = [{**d.to_record(), "in_force": active} for d, active in store.history(incident_id)]
        found[incident_id] = record
    return found


def history(store: Any, incident_id: str) -> list[tuple[Decision, bool]]:
    """Every decision on the incident, oldest first, with whether it is in force."""
    return store.history(incident_id)

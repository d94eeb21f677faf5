"""The analyst's desk over HTTP: review state, history, the queue and every decision on an incident.

Each write calls the same functions as ``dateline review`` (``dateline.review.api``); the store
applies the decision and rewrites the incident in one transaction, so no SQL lives here.
Who decides is the logged-in user (auth.py) when there is one; else, on a local server without logins,
the request's ``user`` field (else $DATELINE_USER). A missing author is a 400 with the error shape,
like every other bad decision.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from ..review import api as review_api
from ..review.queue import queue as review_queue

__all__ = ["router"]

router = APIRouter(prefix="/api/incidents")


class Decide(BaseModel):
    """What every decision may carry: who decides and why."""

    user: str | None = None
    reason: str | None = None


class Accept(Decide):
    take_machine: bool = False


class Reject(Decide):
    reason: str = Field(min_length=1)


class Edit(Decide):
    values: dict[str, Any] = Field(min_length=1)
    follow: bool = True


class Merge(Decide):
    other: str = Field(min_length=1)


class Split(Decide):
    mention: str = Field(min_length=1)


class Note(Decide):
    text: str = Field(min_length=1)


class Undo(Decide):
    decision: int | None = None


def _store(request: Request) -> Any:
    return request.app.state.store


def _author(request: Request, body: Decide) -> str | None:
    """The logged-in user, whatever the body says; else the body's ``user``."""
    return getattr(request.state, "user", None) or body.user


def _state(store: Any, incident_id: str) -> dict[str, Any]:
    """The incident's review record with its whole history (unreviewed incidents have an empty one)."""
    # a missing incident is a 404; after a merge the id given may now live on in another incident
    incident_id = store.resolve_incident(incident_id).incident_id
    found = review_api.review_records(store, [incident_id]).get(incident_id)
    if found is None:
        found = {"status": "unreviewed", "edited": {}, "conflicts": [], "notes": [], "decisions": 0}
        found["history"] = [{**d.to_record(), "in_force": active} for d, active in review_api.history(store, incident_id)]
    return {"incident_id": incident_id, **found}


def _answer(store: Any, incident_id: str, written: list[Any]) -> dict[str, Any]:
    return {"written": [d.to_record() for d in written], "review": _state(store, incident_id)}


@router.get("/queue", summary="Incidents to review first (unreviewed, or reviewed with conflicts)")
def queue(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 50) -> dict[str, Any]:
    return {"items": [item.to_record() for item in review_queue(_store(request), limit=limit)]}


@router.get("/{incident_id}/review", summary="An incident's review state and every decision on it")
def review_state(request: Request, incident_id: str) -> dict[str, Any]:
    return _state(_store(request), incident_id)


@router.post("/{incident_id}/accept", summary="Accept the incident as published (pins every field)")
def accept(request: Request, incident_id: str, body: Accept) -> dict[str, Any]:
    store = _store(request)
    written = review_api.accept(store, incident_id, author=_author(request, body), take_machine=body.take_machine, note=body.reason)
    return _answer(store, incident_id, written)


@router.post("/{incident_id}/reject", summary="Reject the incident, with a reason")
def reject(request: Request, incident_id: str, body: Reject) -> dict[str, Any]:
    store = _store(request)
    return _answer(store, incident_id, review_api.reject(store, incident_id, reason=body.reason, author=_author(request, body)))


@router.post("/{incident_id}/edit", summary="Set fields (text values are parsed by field type)")
def edit(request: Request, incident_id: str, body: Edit) -> dict[str, Any]:
    store = _store(request)
    written = review_api.edit(store, incident_id, body.values, author=_author(request, body), reason=body.reason, follow=body.follow)
    return _answer(store, incident_id, written)


@router.post("/{incident_id}/merge", summary="Make this incident and another one")
def merge(request: Request, incident_id: str, body: Merge) -> dict[str, Any]:
    store = _store(request)
    written = review_api.merge(store, incident_id, body.other, author=_author(request, body), reason=body.reason)
    return _answer(store, incident_id, written)


@router.post("/{incident_id}/split", summary="Take the report holding a mention out of the incident")
def split(request: Request, incident_id: str, body: Split) -> dict[str, Any]:
    store = _store(request)
    written = review_api.split(store, incident_id, body.mention, author=_author(request, body), reason=body.reason)
    return _answer(store, incident_id, written)


@router.post("/{incident_id}/note", summary="Attach a note (changes no value)")
def note(request: Request, incident_id: str, body: Note) -> dict[str, Any]:
    store = _store(request)
    return _answer(store, incident_id, review_api.note(store, incident_id, body.text, author=_author(request, body)))


@router.post("/{incident_id}/undo", summary="Undo one decision in force (the latest by default)")
def undo(request: Request, incident_id: str, body: Undo) -> dict[str, Any]:
    store = _store(request)
    written = review_api.undo(store, incident_id, decision_id=body.decision, author=_author(request, body), reason=body.reason)
    return _answer(store, incident_id, written)

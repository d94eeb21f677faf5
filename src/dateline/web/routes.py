"""The JSON API: the same query functions as the CLI, plus the aggregates the views draw.

Every route reads the shared filter parameters (see params.py); list routes page with
``limit``/``offset``. Errors use the one shape of errors.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import logging
from collections.abc import Sequence
from typing import Annotated, Any

import anyio
import orjson
from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse

from .. import query
from ..export import export_chunks
from ..models import Event
from ..review.api import review_records
from . import aggregates
from .errors import ApiError
from .jobs import JobRunner
from .outlines import province_code
from .params import FilterParams, Offset, parse_month_day

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api")
Filters = Annotated[FilterParams, Depends()]
MAX_PAGE = 1000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _store(request: Request) -> Any:
    return request.app.state.store


def _jobs(request: Request) -> JobRunner:
    return request.app.state.jobs


class FastJSONResponse(JSONResponse):
    """JSON encoded by orjson: the same document as the standard encoder's, several times faster
    for the large answers (a daily timeline over twenty years, the actor network)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def _json(content: dict[str, Any]) -> JSONResponse:
    """The answer as JSON directly: the aggregates hold only str/int/float/None, lists and dicts,
    and FastAPI's generic encoder walks every value (tens of ms for a daily timeline)."""
    return FastJSONResponse(content)


def _record(event: Event) -> dict[str, Any]:
    record = event.to_record()
    record["counted"] = event.counted
    return record


@router.get("/config", summary="Settings the front end needs (map tiles)")
def config(request: Request) -> dict[str, Any]:
    return {"tiles": request.app.state.tiles, "tile_attribution": request.app.state.tile_attribution}


@router.get("/stats", summary="Counts of documents, events and references")
def stats(request: Request) -> dict[str, Any]:
    return _store(request).stats()


@router.get("/facets", summary="Provinces, event types and the date range in the database")
def facets(request: Request, flagged: bool = False) -> dict[str, Any]:
    return aggregates.facets(_store(request), include_flagged=flagged)


@router.get("/events", summary="Events matching the filters, a page at a time")
def events(
    request: Request, filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Offset = 0,
) -> JSONResponse:
    chosen = filters.to_filter(limit=limit, offset=offset)
    store = _store(request)
    return _json({
        "total": query.count_listed(store, chosen),
        "limit": limit, "offset": offset,
        "events": [_record(e) for e in query.listed(store, chosen)],
    })


def _incident_or_none(store, incident_id: str):
    from ..errors import StoreError

    try:
        return store.get_incident(incident_id)
    except StoreError:
        return None


@router.get("/events/{event_id}", summary="One event with its document, evidence, references and sibling events")
def event_detail(request: Request, event_id: str) -> dict[str, Any]:
    store = _store(request)
    incident = _incident_or_none(store, event_id)
    event = incident.record if incident is not None else store.get_event(event_id)
    document = store.get_document(event.document_id)
    unit = "incidents" if incident is not None else "mentions"
    siblings = query.listed(store, query.EventFilter(document_id=document.id, include_flagged=True, unit=unit))
    mentions = store.mentions_of(event_id) if incident is not None else []
    return {
        "event": _record(event),
        "incident": None if incident is None else {
            "sources": incident.sources, "disagreements": incident.disagreements,
            "merge_reasons": incident.merge_reasons, "field_sources": incident.field_sources,
            # each source's sentence, side by side
            "mentions": [{**_record(m), "outlet": m.source} for m in mentions],
        },
        "document": {
            "id": document.id, "title": document.title, "published": document.published, "url": document.url,
            "source": document.source, "author": document.author, "origin": document.origin, "text": document.text,
            "language": document.language, "notice": document.notice,
            "sections": [dataclasses.asdict(s) for s in document.sections],
            "references": [dataclasses.asdict(r) for r in document.references],
        },
        "others": [_record(e) for e in siblings if e.event_id != event.event_id],
    }


@router.get("/timeline", summary="Events and fatalities per day, week, month or year, by event type")
def timeline(
    request: Request, filters: Filters,
    by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
) -> JSONResponse:
    rows = aggregates.timeline(_store(request), filters.to_filter(), by=by)
    periods = [{"period": r.period, "events": r.events, "fatalities": r.fatalities, "by_type": r.by_type}
               for r in rows]  # not dataclasses.asdict: it deep-copies, slow for thousands of days
    return _json({"by": by, "periods": periods})


@router.get("/map", summary="Events grouped per place (points) and per province (province-level events)")
def map_view(request: Request, filters: Filters) -> JSONResponse:
    data = aggregates.map_data(_store(request), filters.to_filter())
    provinces = [
        {"admin1": name, "code": province_code(name), **bucket.to_dict()}
        for name, bucket in sorted(data.provinces.items())
    ]
    return _json({"points": data.points, "provinces": provinces, "country_only": data.country_only})


@router.get("/network", summary="Actors (nodes) and the events between them (edges)")
def network(
    request: Request, filters: Filters, max_nodes: Annotated[int, Query(ge=2, le=300)] = 60,
) -> JSONResponse:
    return _json(aggregates.actor_network(_store(request), filters.to_filter(), max_nodes=max_nodes))


@router.get("/onthisday", summary="Day-precise events on one calendar day (MM-DD, default today) in every year")
def on_this_day(
    request: Request, filters: Filters, day: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
) -> JSONResponse:
    month, dom = parse_month_day(day)
    found = query.on_this_day(_store(request), month, dom, filters.to_filter(limit=limit))
    return _json({"day": f"{month:02d}-{dom:02d}", "events": [_record(e) for e in found]})


# the HTML note is served as text to copy into the user's own site, never rendered by this one
SIDEBAR_MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/plain; charset=utf-8", "text": "text/plain; charset=utf-8"}


@router.get("/onthisday/sidebar", summary="A \"This day in history\" note of reviewed incidents (text, Markdown or HTML)")
def on_this_day_sidebar(
    request: Request, filters: Filters, day: str | None = None,
    markup: Annotated[str, Query(pattern="^(md|html|text)$")] = "md",
) -> Response:
    from ..publish import sidebar_note

    month, dom = parse_month_day(day)
    note = sidebar_note(_store(request), month, dom, markup=markup, filters=filters.to_filter())
    return Response(note, media_type=SIDEBAR_MEDIA[markup], headers={"X-Sidebar-Markup": markup})


@router.get("/documents", summary="Stored documents, or full-text hits when q is given")
def documents(
    request: Request, q: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Offset = 0,
) -> dict[str, Any]:
    store = _store(request)
    if q and q.strip():
        hits = query.search(store, q, limit=limit)
        return {"query": q, "hits": [dataclasses.asdict(h) for h in hits]}
    docs = store.documents(limit=limit, offset=offset)
    return {"documents": [dataclasses.asdict(d) for d in docs], "total": store.stats()["documents"],
            "limit": limit, "offset": offset}


def _pasted(text: str, *, title: str | None, published: str | None, outlet: str | None,
            source_url: str | None) -> tuple[str, bytes]:
    """Pasted text with what the form says about it, as one JSON line: the date anchors relative dates
    ("on Friday") and the outlet and URL are kept as the document's provenance."""
    published = (published or "").strip() or None
    if published:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise ApiError(400, f"{published!r} is not a date (YYYY-MM-DD)", where="published") from None
    source_url = (source_url or "").strip() or None
    if source_url and not source_url.startswith(("http://", "https://")):
        raise ApiError(400, f"{source_url!r} is not an http(s) URL", where="source_url")
    record = {"text": text, "title": (title or "").strip() or None, "published": published,
              "source": (outlet or "").strip() or None, "url": source_url}
    line = json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)
    return "pasted.jsonl", (line + "\n").encode("utf-8")


@router.post("/documents", status_code=202, summary="Add documents (files, pasted text or URLs); extracted in the background")
async def add_documents(
    request: Request,
    files: Annotated[list[UploadFile] | None, File(description="Text, HTML, Markdown, JSON lines or feed files")] = None,
    text: Annotated[str | None, Form(description="Pasted article text")] = None,
    title: Annotated[str | None, Form()] = None,
    url: Annotated[str | None, Form(description="One URL per line")] = None,
    published: Annotated[str | None, Form(description="The pasted article's date (YYYY-MM-DD)")] = None,
    outlet: Annotated[str | None, Form(description="Who published the pasted article")] = None,
    source_url: Annotated[str | None, Form(description="Where the pasted article was published")] = None,
) -> dict[str, Any]:
    inputs: list[tuple[str, bytes]] = []
    for upload in files or []:
        content = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            raise ApiError(413, f"{upload.filename} is larger than {MAX_UPLOAD_BYTES // 2**20} MB", where="files")
        if content:
            inputs.append((upload.filename or "upload.txt", content))
    if text and text.strip():
        inputs.append(_pasted(text, title=title, published=published, outlet=outlet, source_url=source_url))
    urls = [u.strip() for u in (url or "").splitlines() if u.strip()]
    for link in urls:
        if not link.startswith(("http://", "https://")):
            raise ApiError(400, f"{link!r} is not an http(s) URL", where="url")
    if not inputs and not urls:
        raise ApiError(400, "nothing to add", where="files", hint="upload a file, paste text or give a URL")
    label = ", ".join([name for name, _ in inputs] + urls)
    job = await anyio.to_thread.run_sync(_jobs(request).submit_texts, label, inputs, urls)  # a write: off the event loop
    return job.to_dict()


@router.get("/documents/{document_id:path}", summary="One stored document with its references and events (ids may be URLs)")
def document_detail(request: Request, document_id: str) -> dict[str, Any]:
    store = _store(request)
    document = store.get_document(document_id)
    found = query.events(store, query.EventFilter(document_id=document_id, include_flagged=True))  # what it told
    return {
        "id": document.id, "title": document.title, "published": document.published, "url": document.url,
        "source": document.source, "text": document.text, "language": document.language, "notice": document.notice,
        "references": [dataclasses.asdict(r) for r in document.references],
        "events": [_record(e) for e in found],
    }


@router.get("/jobs", summary="Background ingest jobs, newest first")
def jobs(request: Request) -> dict[str, Any]:
    return {"jobs": [j.to_dict() for j in _jobs(request).all()]}


@router.get("/jobs/{job_id}", summary="One ingest job's progress")
def job(request: Request, job_id: str) -> dict[str, Any]:
    found = _jobs(request).get(job_id)
    if found is None:
        raise ApiError(404, "no such job", where=job_id)
    return found.to_dict()


EXPORTS = {"csv": ("acled-csv", "text/csv; charset=utf-8"), "geojson": ("geojson", "application/geo+json"),
           "jsonl": ("jsonl", "application/x-ndjson")}


@router.get("/export/events.{ext}", summary="The filtered events as ACLED-style CSV, GeoJSON or JSON lines (streamed)")
def export(request: Request, ext: str, filters: Filters) -> StreamingResponse:
    if ext not in EXPORTS:
        raise ApiError(404, f"no export as .{ext}", where="format", hint="use events.csv, events.geojson or events.jsonl")
    fmt, media = EXPORTS[ext]
    store = _store(request)
    events = query.iter_incidents(store, filters.to_filter())
    first = next(events, None)  # runs the query now: a failure is an error answer, not a cut-off file
    chosen = events if first is None else itertools.chain([first], events)

    def reviews(ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return review_records(store, ids, with_history=fmt == "jsonl")

    return StreamingResponse(export_chunks(chosen, fmt, reviews=reviews), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="dateline-events.{ext}"'})

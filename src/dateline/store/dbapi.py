"""What the two DB-API backends share: the event row format, error wrapping, and the
queries that are the same SQL in both dialects (written once with ``?`` placeholders)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..errors import ConfigError, StoreError
from ..models import EVENT_FIELDS, Document, Event, Reference, Section
from ..query import EventFilter
from .base import (
    DocumentSummary,
    Store,
    TimelineRow,
    aggregate_timeline,
    check_month_day,
    check_period,
)

T = TypeVar("T")

EVENT_COLUMNS = ", ".join(f'e."{name}"' for name in EVENT_FIELDS)
EVENT_ORDER = "ORDER BY e.date_start IS NULL, e.date_start, e.document_id, e.evidence_start, e.event_id"
ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_id", "actor2_id")
UNIT_SEP = "\x1f"  # joins actor fields so one substring test cannot span two of them
BOOL_FIELDS = frozenset({"negated", "hypothetical", "future", "background"})


def fold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


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


def date_range_clauses(filters: EventFilter, *, placeholder: str = "?") -> tuple[list[str], list[Any]]:
    """WHERE clauses for the filter's date range: events whose dates overlap it.

    '~' sorts after digits and '-' (byte order; PostgreSQL's columns are COLLATE "C"), so a
    coarse end date such as '2008-03' counts as its whole month.
    """
    clauses: list[str] = []
    params: list[Any] = []
    start, end = filters.date_bounds()
    if start or end:
        clauses.append("e.date_start IS NOT NULL")
    if start:
        clauses.append(f"COALESCE(e.date_end, e.date_start) || '~' >= {placeholder}")
        params.append(start)
    if end:
        clauses.append(f"e.date_start <= {placeholder}")
        params.append(end)
    return clauses, params


def sql_errors(method: Callable[..., T]) -> Callable[..., T]:
    """Turn the driver's errors escaping a public method into StoreError naming the database."""

    @functools.wraps(method)
    def wrapper(self: "DbApiStore", *args: Any, **kwargs: Any) -> T:
        if self._closed:
            raise StoreError(f"{method.__name__} failed: the store is closed", where=self.where)
        try:
            return method(self, *args, **kwargs)
        except self.driver_errors as err:
            raise StoreError(f"{method.__name__} failed: {str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__}", where=self.where) from err

    return wrapper


class DbApiStore(Store):
    """A Store over one DB-API connection; subclasses set the dialect's details."""

    where: str  # the database, for messages (a path, or a URL without its password)
    driver_errors: tuple[type[BaseException], ...] = ()
    placeholder = "?"
    counted_sql = ""  # SQL condition: the event is not negated, hypothetical, future or background
    event_from = "FROM events e"  # what event queries select from (PostgreSQL joins its filter keys)
    _closed = True

    def _filter_sql(self, filters: EventFilter, *, extra: list[str] = (), extra_params: list = ()) -> tuple[str, list]:
        """(WHERE clause, parameters) for the filters, in the dialect's placeholders."""
        raise NotImplementedError

    def _sql(self, query: str) -> str:
        return query if self.placeholder == "?" else query.replace("?", self.placeholder)

    def _limit(self, limit: int | None) -> int | None:
        """The LIMIT parameter meaning "no limit" when ``limit`` is None (dialects differ)."""
        return limit

    def _fetch_events(self, sql: str, params: Sequence[Any]) -> list[Event]:
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [event_from_row(row) for row in rows]

    @sql_errors
    def get_document(self, document_id: str) -> Document:
        """The stored document with its sections and references."""
        with self._lock:
            row = self._conn.execute(self._sql(
                "SELECT id, text, title, published, url, source, author, origin, content_hash, language, notice"
                " FROM documents WHERE id = ?"), (document_id,)
            ).fetchone()
            if row is None:
                raise StoreError("no such document", where=document_id, hint="list stored documents with `dateline documents`")
            sections = [Section(*r) for r in self._conn.execute(self._sql(
                'SELECT kind, "start", "end" FROM sections WHERE document_id = ? ORDER BY idx'), (document_id,)
            )]
            references = [Reference(*r) for r in self._conn.execute(self._sql(
                'SELECT text, "start", "end", author, title, outlet, date, date_text FROM doc_references'
                " WHERE document_id = ? ORDER BY idx"), (document_id,)
            )]
        doc_id, text, title, published, url, source, author, origin, content_hash, language, notice = row
        return Document(
            id=doc_id, text=text, title=title, published=published, url=url, source=source, author=author,
            origin=origin, content_hash=content_hash, sections=sections, references=references,
            language=language, notice=notice,
        )

    @sql_errors
    def events(self, filters: EventFilter | None = None) -> list[Event]:
        """Matching events ordered by date (undated last), document and evidence offset."""
        filters = filters or EventFilter()
        where, params = self._filter_sql(filters)
        sql = f"SELECT {EVENT_COLUMNS} {self.event_from} {where} {EVENT_ORDER} " + self._sql("LIMIT ? OFFSET ?")
        return self._fetch_events(sql, [*params, self._limit(filters.limit), filters.offset])

    @sql_errors
    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many events match (limit and offset ignored)."""
        where, params = self._filter_sql(filters or EventFilter())
        with self._lock:
            return self._conn.execute(f"SELECT COUNT(*) {self.event_from} {where}", params).fetchone()[0]

    @sql_errors
    def timeline(self, filters: EventFilter | None = None, *, by: str = "month") -> list[TimelineRow]:
        """Dated matching events per day, week (ISO), month or year, with fatality sums and counts by type."""
        check_period(by)
        where, params = self._filter_sql(filters or EventFilter(), extra=["e.date_start IS NOT NULL"])
        with self._lock:
            rows = self._conn.execute(
                f"SELECT e.date_start, e.event_type, e.fatalities, e.date_end {self.event_from} {where}", params
            ).fetchall()
        return aggregate_timeline(rows, by=by)

    @sql_errors
    def on_this_day(self, month: int, day: int, filters: EventFilter | None = None) -> list[Event]:
        """Day-precise matching events on this month and day, in any year, oldest first."""
        check_month_day(month, day)
        filters = filters or EventFilter()
        where, params = self._filter_sql(
            filters,
            extra=["e.time_precision = 1", "length(e.date_start) >= 10", self._sql("substr(e.date_start, 6, 5) = ?")],
            extra_params=[f"{month:02d}-{day:02d}"],
        )
        sql = f"SELECT {EVENT_COLUMNS} {self.event_from} {where} {EVENT_ORDER} " + self._sql("LIMIT ? OFFSET ?")
        return self._fetch_events(sql, [*params, self._limit(filters.limit), filters.offset])

    @sql_errors
    def get_event(self, event_id: str) -> Event:
        """One event by id."""
        with self._lock:
            row = self._conn.execute(self._sql(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id = ?"), (event_id,)).fetchone()
        if row is None:
            raise StoreError("no such event", where=event_id)
        return event_from_row(row)

    @sql_errors
    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents in the order they were added, with event counts."""
        if (limit is not None and limit < 0) or offset < 0:
            raise ConfigError(f"limit and offset must be 0 or more, not {limit} and {offset}", where="documents")
        with self._lock:
            rows = self._conn.execute(self._sql(
                "SELECT d.id, d.title, d.published, d.source, d.url, d.origin,"
                " (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id), d.n_words, d.added_at"
                " FROM documents d ORDER BY d.added_at, d.id LIMIT ? OFFSET ?"),
                (self._limit(limit), offset),
            ).fetchall()
        return [DocumentSummary(*row) for row in rows]

    @sql_errors
    def document_provinces(self) -> list[tuple[str, str | None, str | None, str, str, int]]:
        """(document id, url, source, country, admin1, events) of the stored events placed in a province."""
        sql = ("SELECT d.id, d.url, d.source, e.country, e.admin1, COUNT(*) FROM events e "
               "JOIN documents d ON d.id = e.document_id WHERE e.admin1 IS NOT NULL AND e.country IS NOT NULL "
               "GROUP BY d.id, d.url, d.source, e.country, e.admin1")
        with self._lock:
            rows = self._conn.execute(sql).fetchall()
        return [(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    @sql_errors
    def stats(self) -> dict:
        """Counts of documents, events, counted (unflagged) events and references, and the schema version."""
        def one(sql: str) -> int:
            return self._conn.execute(sql).fetchone()[0]

        with self._lock:
            return {
                "documents": one("SELECT COUNT(*) FROM documents"),
                "events": one("SELECT COUNT(*) FROM events"),
                "counted_events": one(f"SELECT COUNT(*) FROM events e WHERE {self.counted_sql}"),
                "references": one("SELECT COUNT(*) FROM doc_references"),
                "schema_version": one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
            }

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        with self._lock:
            if not self._closed:
                self._conn.close()
                self._closed = True

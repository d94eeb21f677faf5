"""What the two DB-API backends share: the event row format, error wrapping, and the
queries that are the same SQL in both dialects (written once with ``?`` placeholders)."""

from __future__ import annotations

import dataclasses
import functools
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import ConfigError, StoreError
from ..filters import EventFilter
from ..incidents.report import Report, consolidate
from ..merge.across import cluster, link
from ..models import EVENT_FIELDS, VIOLENT_TYPES, Aggregate, Document, Event, Incident, Reference, Section
from ..review.apply import Review
from .base import (
    DocumentSummary,
    Store,
    TimelineRow,
    aggregate_timeline,
    check_event,
    check_month_day,
    check_period,
)
from .jobs import JobStore
from .refresh import Refreshed, carry_ids, rename_reports
from .review import ReviewStore
from .rows import (
    EVENT_COLUMNS,
    event_from_row,
    event_row,
    incident_detail,
    incident_from_json,
    incident_from_row,
    incident_json,
)
from .users import UserStore

T = TypeVar("T")

INCIDENT_EXTRA = ("n_mentions", "n_documents", "sources", "detail")
AGGREGATE_FIELDS = tuple(f.name for f in dataclasses.fields(Aggregate))
# Days around a new report's dates within which stored reports are candidates for the same incident.
MERGE_WINDOW_DAYS = 3
EVENT_ORDER = "ORDER BY e.date_start IS NULL, e.date_start, e.document_id, e.evidence_start, e.event_id"
ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_id", "actor2_id")
UNIT_SEP = "\x1f"  # joins actor fields so one substring test cannot span two of them


def fold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


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


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def sql_errors(method: Callable[..., T]) -> Callable[..., T]:
    """Turn the driver's errors escaping a public method into StoreError naming the database."""

    @functools.wraps(method)
    def wrapper(self: "DbApiStore", *args: Any, **kwargs: Any) -> T:
        if self._closed:
            raise StoreError(f"{method.__name__} failed: the store is closed", where=self.where)
        try:
            return method(self, *args, **kwargs)
        except self.driver_errors as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError(f"{method.__name__} failed: {first}", where=self.where) from err

    return wrapper


class DbApiStore(ReviewStore, UserStore, JobStore, Store):
    """A Store over one DB-API connection; subclasses set the dialect's details."""

    where: str  # the database, for messages (a path, or a URL without its password)
    driver_errors: tuple[type[BaseException], ...] = ()
    placeholder = "?"
    counted_sql = ""  # SQL condition: the event is not negated, hypothetical, future or background
    event_from = "FROM events e"  # what event queries select from (PostgreSQL joins its filter keys)
    _closed = True
    last_merge_seconds = 0.0  # time the last add_document spent joining incidents across reports (bench/)

    def _filter_sql(self, filters: EventFilter, *, extra: list[str] = (), extra_params: list = (),
                    listing: bool = True) -> tuple[str, list]:
        """(WHERE clause, parameters) for the filters, in the dialect's placeholders; ``listing``: the
        rows are read in the list's order (False: only counted, in whatever order is fastest)."""
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

    incident_from = "FROM incidents e"

    def from_clause(self, filters: EventFilter | None) -> str:
        """What a query over ``filters`` selects from: the incidents or the mentions (alias ``e``)."""
        return self.incident_from if (filters or EventFilter()).unit == "incidents" else self.event_from

    def aggregate_rows(self, select: str, filters: EventFilter, *, extra: Sequence[str] = (), group: str = "") -> list[tuple]:
        """Rows of ``SELECT {select} FROM <incidents or mentions> e WHERE <filters + extra> {group}``.

        Aggregations (the web's map, network and timeline) are grouped by the database with the
        store's own filter semantics, so a filter means what it means for ``dateline events``;
        limit and offset are ignored. ``extra`` are further SQL conditions on ``e``."""
        unpaged = dataclasses.replace(filters, limit=None, offset=0)
        where, params = self._filter_sql(unpaged, extra=list(extra))
        with self._lock:  # lends this thread a connection of its own (store/connections.py)
            return self._conn.execute(f"SELECT {select} {self.from_clause(filters)} {where} {group}", params).fetchall()

    def _listing(self, filters: EventFilter) -> list[Event]:
        where, params = self._filter_sql(filters)
        sql = f"SELECT {EVENT_COLUMNS} {self.from_clause(filters)} {where} {EVENT_ORDER} " + self._sql("LIMIT ? OFFSET ?")
        return self._fetch_events(sql, [*params, self._limit(filters.limit), filters.offset])

    def _count(self, filters: EventFilter) -> int:
        where, params = self._filter_sql(filters, listing=False)
        with self._lock:
            return self._conn.execute(f"SELECT COUNT(*) {self.from_clause(filters)} {where}", params).fetchone()[0]

    @sql_errors
    def events(self, filters: EventFilter | None = None) -> list[Event]:
        """Matching mentions ordered by date (undated last), document and evidence offset."""
        return self._listing(dataclasses.replace(filters or EventFilter(), unit="mentions"))

    def iter_events(self, filters: EventFilter | None = None, *, batch_size: int = 1000) -> Iterator[Event]:
        """The mentions of ``events()``, one at a time (see ``_stream_listing``)."""
        return self._stream_listing(dataclasses.replace(filters or EventFilter(), unit="mentions"), batch_size)

    def iter_incidents(self, filters: EventFilter | None = None, *, batch_size: int = 1000) -> Iterator[Event]:
        """The incidents of ``incidents()``, one at a time (see ``_stream_listing``)."""
        return self._stream_listing(dataclasses.replace(filters or EventFilter(), unit="incidents"), batch_size)

    def _stream_listing(self, filters: EventFilter, batch_size: int) -> Iterator[Event]:
        """The records of ``_listing``, read ``batch_size`` rows at a time on a connection of the
        iterator's own (it may be resumed on any thread, and holds no other reader up); StoreError
        from the database as from every method. The query runs at the first ``next()``."""
        if self._closed:
            raise StoreError("reading failed: the store is closed", where=self.where)
        where, params = self._filter_sql(filters)
        sql = f"SELECT {EVENT_COLUMNS} {self.from_clause(filters)} {where} {EVENT_ORDER} " + self._sql("LIMIT ? OFFSET ?")
        try:
            with self._streaming(sql, [*params, self._limit(filters.limit), filters.offset], batch_size) as batches:
                for rows in batches:
                    yield from (event_from_row(row) for row in rows)
        except self.driver_errors as err:
            raise StoreError(f"reading {filters.unit} failed: {_first_line(err)}", where=self.where) from err

    @contextmanager
    def _streaming(self, sql: str, params: Sequence[Any], batch_size: int) -> Iterator[Iterator[Sequence[Sequence[Any]]]]:
        """Batches of the rows of one query. This default reads them all at once on the thread's
        connection; backends override it with a cursor on a connection of its own."""
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        yield iter([rows])

    @sql_errors
    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many mentions match (limit and offset ignored)."""
        return self._count(dataclasses.replace(filters or EventFilter(), unit="mentions"))

    @sql_errors
    def incidents(self, filters: EventFilter | None = None) -> list[Event]:
        """Matching incidents (flat records, event_id = incident id), in the order of ``events``."""
        return self._listing(dataclasses.replace(filters or EventFilter(), unit="incidents"))

    @sql_errors
    def count_incidents(self, filters: EventFilter | None = None) -> int:
        """How many incidents match (limit and offset ignored)."""
        return self._count(dataclasses.replace(filters or EventFilter(), unit="incidents"))

    @sql_errors
    def get_incident(self, incident_id: str) -> Incident:
        """One incident with its mention ids, sources, figures, disagreements and merge reasons."""
        columns = EVENT_COLUMNS + ", e.detail"
        with self._lock:
            row = self._conn.execute(self._sql(f"SELECT {columns} FROM incidents e WHERE e.event_id = ?"),
                                     (incident_id,)).fetchone()
        if row is None:
            raise StoreError("no such incident", where=incident_id, hint="list incidents with `dateline incidents`")
        return incident_from_row(row[:-1], row[-1])

    @sql_errors
    def incident_details(self, incident_ids: Sequence[str]) -> dict[str, Incident]:
        """Incidents by id, with their details (for listings that show mentions and sources)."""
        found: dict[str, Incident] = {}
        ids = list(dict.fromkeys(incident_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            with self._lock:
                rows = self._conn.execute(self._sql(f"SELECT {EVENT_COLUMNS}, e.detail FROM incidents e WHERE e.event_id IN ({marks})"),
                                          chunk).fetchall()
            for row in rows:
                incident = incident_from_row(row[:-1], row[-1])
                found[incident.incident_id] = incident
        return found

    @sql_errors
    def mentions_of(self, incident_id: str) -> list[Event]:
        """The mentions of one incident, in document and text order."""
        sql = self._sql(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.incident_id = ? ORDER BY e.document_id, e.evidence_start")
        return self._fetch_events(sql, [incident_id])

    @sql_errors
    def aggregates(self, document_id: str | None = None) -> list[Aggregate]:
        """Aggregate statements (totals over a period or area), of one document or all."""
        columns = ", ".join(f'"{n}"' for n in AGGREGATE_FIELDS)
        sql = f"SELECT {columns} FROM aggregates"
        params: list[Any] = []
        if document_id is not None:
            sql += " WHERE document_id = ?"
            params.append(document_id)
        sql += " ORDER BY date_start IS NULL, date_start, document_id, evidence_start"
        with self._lock:
            rows = self._conn.execute(self._sql(sql), params).fetchall()
        return [Aggregate(**dict(zip(AGGREGATE_FIELDS, row, strict=True))) for row in rows]

    @sql_errors
    def copies(self) -> list[tuple[str, str, float]]:
        """(document id, the stored document it copies, similarity) for every near-duplicate stored."""
        with self._lock:
            rows = self._conn.execute("SELECT document_id, copy_of, similarity FROM document_copies ORDER BY document_id").fetchall()
        return [(r[0], r[1], float(r[2])) for r in rows]

    @sql_errors
    def signatures(self) -> list[tuple[str, str]]:
        """(document id, MinHash signature as hex) of every stored document that has one."""
        with self._lock:
            rows = self._conn.execute("SELECT document_id, signature FROM document_signatures ORDER BY document_id").fetchall()
        return [(r[0], r[1]) for r in rows]

    # -- writing incidents (inside the backend's add_document transaction) --------------------

    def _backfill_incidents(self) -> int:
        """Make the incidents of documents stored before schema 4 (their mentions, consolidated and
        joined as if ingested now); returns how many documents were done. Each in one transaction."""
        with self._lock:
            ids = [r[0] for r in self._conn.execute(
                "SELECT DISTINCT e.document_id FROM events e WHERE e.incident_id IS NULL ORDER BY e.document_id").fetchall()]
        for document_id in ids:
            mentions = self._fetch_events(self._sql(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.document_id = ?"
                                                    " ORDER BY e.evidence_start"), [document_id])
            with self._transaction() as conn:  # _merge points every mention at its incident
                self._write_report(conn, Document(id=document_id, text=""), consolidate(document_id, mentions))
        return len(ids)

    def _write_report(self, conn: Any, doc: Document, report: Report, *, signature: str | None = None,
                      copy_of: tuple[str, float] | None = None, merge: bool = True) -> None:
        """Store the report's incidents and aggregates and (``merge``) join them with stored reports of the same events."""
        x = self._sql
        if signature is not None:
            conn.execute(x("INSERT INTO document_signatures (document_id, signature) VALUES (?, ?)"), (doc.id, signature))
        if copy_of is not None:
            conn.execute(x("INSERT INTO document_copies (document_id, copy_of, similarity) VALUES (?, ?, ?)"),
                         (doc.id, copy_of[0], copy_of[1]))
        for aggregate in report.aggregates:
            columns = ", ".join(f'"{n}"' for n in AGGREGATE_FIELDS)
            marks = ", ".join("?" for _ in AGGREGATE_FIELDS)
            conn.execute(x(f"INSERT INTO aggregates ({columns}) VALUES ({marks})"),
                         [getattr(aggregate, n) for n in AGGREGATE_FIELDS])
        for incident in report.incidents:
            r = incident.record
            conn.execute(x(
                "INSERT INTO report_incidents (report_id, document_id, incident_id, date_start, date_end, country,"
                " admin1, event_type, sub_event_type, counted, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                (incident.incident_id, doc.id, incident.incident_id, r.date_start, r.date_end, r.country,
                 r.admin1, r.event_type, r.sub_event_type, self._bool(r.counted), incident_json(incident)))
        if merge:
            self._merge(conn, report.incidents)

    def _bool(self, value: bool) -> Any:
        return value

    # -- re-extraction -------------------------------------------------------------------------

    def _insert_mentions(self, conn: Any, doc: Document, events: Sequence[Event]) -> None:
        raise NotImplementedError

    def _delete_mentions(self, conn: Any, document_id: str) -> None:
        raise NotImplementedError

    def _hold_merges(self, conn: Any) -> None:
        """Serialise incident merging across writers (SQLite's write transaction already does)."""

    def replace_extraction(self, doc: Document, events: Sequence[Event], *, report: Report | None = None) -> Refreshed:
        """Replace the stored mentions, report incidents and aggregates of a stored document with a new
        extraction of the same text, in one transaction, and re-form the incidents they belong to.

        Report incidents that continue a stored one keep its id (``store/refresh.py``), so decisions
        hold: they are laid over the new machine values, and a changed value under a pinned field is a
        conflict, never applied. StoreError (and nothing written) when the document is not stored or
        its stored text differs from ``doc``'s.
        """
        report = report if report is not None else consolidate(doc, events)
        for event in events:
            check_event(doc, event)
        if self._closed:
            raise StoreError("replace_extraction failed: the store is closed", where=self.where)
        try:
            with self._transaction() as conn:
                self._hold_merges(conn)
                return self._replace(conn, doc, list(events), report)
        except self.driver_errors as err:
            raise StoreError(f"re-extraction could not be stored: {_first_line(err)}", where=doc.id) from err

    def _replace(self, conn: Any, doc: Document, events: list[Event], report: Report) -> Refreshed:
        x = self._sql
        row = conn.execute(x("SELECT content_hash FROM documents WHERE id = ?"), (doc.id,)).fetchone()
        if row is None:
            raise StoreError("no such document to re-extract", where=doc.id, hint="ingest it first")
        if row[0] != doc.content_hash:
            raise StoreError("the stored text differs from this input's", where=doc.id,
                             hint="--refresh re-extracts the stored text; the input changed since it was stored")
        spans = {r[0]: (int(r[1]), int(r[2])) for r in conn.execute(
            x('SELECT event_id, evidence_start, evidence_end FROM events WHERE document_id = ?'), (doc.id,)).fetchall()}
        old_reports = conn.execute(x("SELECT report_id, incident_id, data FROM report_incidents WHERE document_id = ?"),
                                   (doc.id,)).fetchall()
        old_spans = {rid: [spans[m] for m in json.loads(data).get("mention_ids", []) if m in spans]
                     for rid, _, data in old_reports}
        span_of = {e.event_id: (e.evidence_start, e.evidence_end) for e in events}
        new_spans = {i.incident_id: [span_of[m] for m in i.mention_ids if m in span_of] for i in report.incidents}
        carried = carry_ids(old_spans, new_spans)
        incidents = rename_reports(report.incidents, events, carried)
        result = Refreshed(doc.id, mentions=len(events), incidents=len(incidents))
        continued = set(carried.values())
        result.kept = sorted(continued)
        result.new = sorted(i.incident_id for i in incidents if i.incident_id not in continued)
        result.gone = sorted(set(old_spans) - continued)
        if result.gone:
            named: set[str] = set()
            for d in self._decisions_for(conn, result.gone, targets=True):
                named.update([d.incident_key, d.target or ""])
                named.update(d.after if d.action == "split" and isinstance(d.after, list) else [])
            result.decided_gone = sorted(named & set(result.gone))
        # out with the old extraction: its incidents are re-formed from the reports that remain ...
        old_incidents = sorted({r[1] for r in old_reports if r[1]})
        conn.execute(x("DELETE FROM aggregates WHERE document_id = ?"), (doc.id,))
        conn.execute(x("DELETE FROM report_incidents WHERE document_id = ?"), (doc.id,))
        self._delete_mentions(conn, doc.id)
        for incident_id in old_incidents:
            self._delete_incident(conn, incident_id)
        # ... and in with the new one: regrouped with the reports that shared its old incidents (a
        # person's merge ties them even where the machine would not) and those that tell the same events
        self._insert_mentions(conn, doc, events)
        self._write_report(conn, doc, dataclasses.replace(report, incidents=incidents), merge=False)
        stored = self._candidates(conn, incidents)
        for chunk in range(0, len(old_incidents), 400):
            ids = old_incidents[chunk:chunk + 400]
            marks = ", ".join("?" for _ in ids)
            for report_id, data in conn.execute(x(f"SELECT report_id, data FROM report_incidents WHERE incident_id IN ({marks})"),
                                                ids).fetchall():
                stored.setdefault(report_id, incident_from_json(data))
        mine = {i.incident_id: i for i in incidents}
        stored = {rid: inc for rid, inc in self._tied_reports(conn, {**stored, **mine}).items() if rid not in mine}
        current = {rid: (inc.record.incident_id or rid) for rid, inc in stored.items()}
        groups = self._apply_grouping(conn, cluster([*stored.values(), *incidents]))
        self._write_groups(conn, groups, current, set(current.values()))
        rows = conn.execute(x("SELECT COUNT(DISTINCT i.event_id) FROM incidents i JOIN report_incidents r"
                              " ON r.incident_id = i.event_id WHERE r.document_id = ? AND i.review_conflicts > 0"),
                            (doc.id,)).fetchone()
        result.conflicts = int(rows[0]) if rows else 0
        return result

    def _candidates(self, conn: Any, incidents: Sequence[Incident]) -> dict[str, Incident]:
        """Stored report incidents of other documents that could tell the same event as one of these,
        with every other member of the incidents they belong to."""
        x = self._sql
        found: dict[str, Incident] = {}
        for incident in incidents:
            r = incident.record
            if r.negated or r.hypothetical or r.future or not r.date_start:
                continue
            first, last = _window(r.date_start, r.date_end)
            # what SQL can rule out cheaply: other days, countries, provinces and kinds of event
            sql = ("SELECT report_id, data FROM report_incidents WHERE document_id <> ?"
                   " AND ((date_start >= ? AND date_start <= ?) OR date_start = ? OR date_start = ?)")
            params: list[Any] = [r.document_id, first, last, r.date_start[:7], r.date_start[:4]]
            if r.country:
                sql += " AND (country = ? OR country IS NULL)"
                params.append(r.country)
            if r.admin1:
                sql += " AND (admin1 = ? OR admin1 IS NULL)"
                params.append(r.admin1)
            if r.event_type in VIOLENT_TYPES:
                sql += f" AND event_type IN ({', '.join('?' for _ in VIOLENT_TYPES)})"
                params += sorted(VIOLENT_TYPES)
            else:
                sql += " AND event_type = ? AND sub_event_type = ?"
                params += [r.event_type, r.sub_event_type]
            rows = conn.execute(x(sql), params).fetchall()
            for report_id, data in rows:
                if report_id in found:
                    continue
                stored = incident_from_json(data)
                if link(incident, stored) is not None:
                    found[report_id] = stored
        if not found:
            return found
        # every member of the incidents the linked reports belong to takes part in the re-grouping
        incident_ids = sorted({c.record.incident_id or c.incident_id for c in found.values()})
        for start in range(0, len(incident_ids), 500):
            chunk = incident_ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for report_id, data in conn.execute(x(f"SELECT report_id, data FROM report_incidents WHERE incident_id IN ({marks})"), chunk).fetchall():
                if report_id not in found:
                    found[report_id] = incident_from_json(data)
        return found

    def _merge(self, conn: Any, new: Sequence[Incident]) -> None:
        """Re-group the new report incidents with the stored ones they may tell, and rewrite the incidents."""
        started = time.perf_counter()
        try:
            self._regroup(conn, new)
        finally:
            self.last_merge_seconds = time.perf_counter() - started

    def _regroup(self, conn: Any, new: Sequence[Incident]) -> None:
        stored = self._candidates(conn, new)
        current = {rid: (inc.record.incident_id or rid) for rid, inc in stored.items()}
        pool = list(stored.values()) + list(new)
        groups = cluster(pool) if stored else [([i], []) for i in new]
        # merges and splits people made among these reports hold whatever the machine now thinks
        groups = self._apply_grouping(conn, groups)
        self._write_groups(conn, groups, current, set(current.values()))

    def _set_mentions(self, conn: Any, mention_ids: Sequence[str], incident_id: str) -> None:
        for start in range(0, len(mention_ids), 500):
            chunk = list(mention_ids[start:start + 500])
            marks = ", ".join("?" for _ in chunk)
            conn.execute(self._sql(f"UPDATE events SET incident_id = ? WHERE event_id IN ({marks})"), [incident_id, *chunk])

    def _delete_incident(self, conn: Any, incident_id: str) -> None:
        conn.execute(self._sql("DELETE FROM incidents WHERE event_id = ?"), (incident_id,))

    def _put_incident(self, conn: Any, incident: Incident) -> None:
        """Insert or replace one incident row from the machine's incident, with people's decisions laid
        over it (the only way incident rows are written, so no re-run can overwrite a decision)."""
        published, review = self._reviewed_row(conn, incident)
        self._write_incident(conn, published, review)

    def _write_incident(self, conn: Any, incident: Incident, review: Review | None) -> None:
        """Insert or replace one incident row as published (backends add their search keys)."""
        self._delete_incident(conn, incident.incident_id)
        keys = self._incident_filter_keys(incident.record)
        columns = [*EVENT_FIELDS, *INCIDENT_EXTRA, "review_status", "review_conflicts", "n_disagreements", "n_merge_reasons",
                   *keys]
        names = ", ".join(f'"{n}"' for n in columns)
        marks = ", ".join("?" for _ in columns)
        detail = incident_detail(incident)
        if review is not None:
            detail["review"] = {**review.to_record(), "machine": review.machine}
        row = event_row(incident.record, boolean=self._bool)
        row += [len(incident.mention_ids), len(incident.document_ids), "; ".join(incident.sources) or None,
                json.dumps(detail, sort_keys=True, default=str),
                review.status if review else None, len(review.conflicts) if review else 0,
                len(incident.disagreements), len(incident.merge_reasons), *keys.values()]
        conn.execute(self._sql(f"INSERT INTO incidents ({names}) VALUES ({marks})"), row)

    def _incident_filter_keys(self, record: Event) -> dict[str, Any]:
        """Key columns of the incidents row that the backend's filters read (none by default)."""
        return {}

    @sql_errors
    def timeline(self, filters: EventFilter | None = None, *, by: str = "month") -> list[TimelineRow]:
        """Dated matching incidents (or mentions) per day, week (ISO), month or year, with fatality sums and counts by type."""
        check_period(by)
        filters = filters or EventFilter()
        where, params = self._filter_sql(filters, extra=["e.date_start IS NOT NULL"])
        with self._lock:
            rows = self._conn.execute(
                f"SELECT e.date_start, e.event_type, e.fatalities, e.date_end {self.from_clause(filters)} {where}", params
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
        sql = f"SELECT {EVENT_COLUMNS} {self.from_clause(filters)} {where} {EVENT_ORDER} " + self._sql("LIMIT ? OFFSET ?")
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
    def document_provinces(self) -> list[tuple[str, str | None, str | None, str, str, str | None, int]]:
        """(document id, url, source, country, admin1, location, events) of the stored events placed in a province."""
        sql = ("SELECT d.id, d.url, d.source, e.country, e.admin1, e.location, COUNT(*) FROM events e "
               "JOIN documents d ON d.id = e.document_id WHERE e.admin1 IS NOT NULL AND e.country IS NOT NULL "
               "GROUP BY d.id, d.url, d.source, e.country, e.admin1, e.location")
        with self._lock:
            rows = self._conn.execute(sql).fetchall()
        return [(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in rows]

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
                "incidents": one("SELECT COUNT(*) FROM incidents"),
                "counted_incidents": one(f"SELECT COUNT(*) FROM incidents e WHERE {self.counted_sql}"),
                "aggregates": one("SELECT COUNT(*) FROM aggregates"),
                "copies": one("SELECT COUNT(*) FROM document_copies"),
                "references": one("SELECT COUNT(*) FROM doc_references"),
                "schema_version": one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
            }

    def close(self) -> None:
        """Close the connections (safe to call twice)."""
        if not self._closed:
            self._closed = True
            self._lock.close()


def _window(start: str, end: str | None) -> tuple[str, str]:
    """First and last ISO day within MERGE_WINDOW_DAYS of a date range (coarse dates: their month)."""
    import datetime as _dt

    def parse(value: str, last: bool) -> _dt.date:
        if len(value) >= 10:
            return _dt.date.fromisoformat(value[:10])
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else (12 if last else 1)
        if not last:
            return _dt.date(year, month, 1)
        nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)

    try:
        first = parse(start, False) - _dt.timedelta(days=MERGE_WINDOW_DAYS)
        last = parse(end or start, True) + _dt.timedelta(days=MERGE_WINDOW_DAYS)
    except ValueError:
        return start, start
    return first.isoformat(), last.isoformat()

"""The SQLite backend: one file, WAL mode, FTS5 full-text search.

Each thread reads on a connection of its own (connections.py), so a web server's requests do
not queue behind one another; writes are serialised in the process and transactional.

Everything dialect-specific lives here: ``?`` placeholders, FTS5 MATCH syntax,
bm25/snippet, the SQL functions used for name matching, and how a filter
becomes a WHERE clause.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ConfigError, StoreError
from ..filters import ACTOR_ROLE_FIELDS, EventFilter, review_clause
from ..incidents.report import Report, consolidate
from ..models import EVENT_FIELDS, Document, Event
from . import migrations
from .base import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    SearchHit,
    check_event,
    check_month_day,
    place_param,
)
from .connections import ConnectionPool, SharedConnection
from .dbapi import (
    UNIT_SEP as _UNIT_SEP,
)
from .dbapi import (
    DbApiStore,
    date_range_clauses,
    sql_errors,
)
from .dbapi import (
    fold as _fold,
)
from .keys import place_key
from .rows import event_row

log = logging.getLogger(__name__)

MMAP_BYTES = 1 << 30  # address space, not memory: pages are loaded as read
BUSY_TIMEOUT_MS = 10_000  # writers wait this long for another writer's transaction
_SQLITE_MAGIC = b"SQLite format 3\x00"
_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(f'{chr(34)}{n}{chr(34)}' for n in EVENT_FIELDS)}) "
    f"VALUES ({', '.join('?' for _ in EVENT_FIELDS)})"
)
_FLAGGED = "e.negated = 0 AND e.hypothetical = 0 AND e.future = 0 AND e.background = 0"

T = TypeVar("T")



def _place(value: str | None) -> str | None:
    return place_key(value) if value is not None else None



class SQLiteStore(DbApiStore):
    """A dateline database in one SQLite file (or ``:memory:``).

    ``with self._lock:`` lends the calling thread a connection of its own, ``self._conn``
    (connections.py); ``:memory:`` has one connection that threads take in turn.
    """

    driver_errors = (sqlite3.Error,)
    counted_sql = _FLAGGED

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.where = self.path
        self._write_lock = threading.RLock()  # one writer of this process at a time; readers need none
        conn = _connect(self.path)
        try:
            self.applied_migrations = migrations.migrate(conn, where=self.path)
            self._check_columns(conn)
        except BaseException:
            conn.close()
            raise
        self._watch: sqlite3.Connection | None = None  # opened on the first data_version()
        self._watch_lock = threading.Lock()
        if self.path == ":memory:":
            self._lock: SharedConnection | ConnectionPool = SharedConnection(conn)
        else:
            self._lock = ConnectionPool(lambda: _connect(self.path, first=False), first=conn)
        self._closed = False
        if 4 in self.applied_migrations:
            self._backfill_incidents()  # schema 4: the mentions stored before it become incidents

    @property
    def _conn(self) -> sqlite3.Connection:
        """The calling thread's connection (inside ``with self._lock``)."""
        return self._lock.current

    def data_version(self) -> int | None:
        """SQLite's ``PRAGMA data_version`` on a connection that never writes: it changes with every
        commit by any other connection, this process's pool and other processes alike (a few
        microseconds). None for ``:memory:``, whose one connection makes every write."""
        if self.path == ":memory:" or self._closed:
            return None
        with self._watch_lock:
            try:
                if self._watch is None:
                    self._watch = _connect(self.path, first=False)
                return self._watch.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error as err:
                log.debug("%s: data_version failed: %s", self.where, err)
                return None

    def close(self) -> None:
        """Close the connections (safe to call twice)."""
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        super().close()

    # -- writing -----------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        with self._write_lock, self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                # SQLite may already have rolled back (disk full, I/O error); a failed COMMIT leaves it open.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def add_document(self, doc: Document, events: Sequence[Event], *, report: Report | None = None,
                     signature: str | None = None, copy_of: tuple[str, float] | None = None) -> bool:
        """Store a document with its sections, references, mentions, incidents and aggregates in one
        transaction (False if already stored); its incidents join stored ones that tell the same events."""
        report = report if report is not None else consolidate(doc, events)
        try:
            with self._transaction() as conn:
                if self._exists(conn, doc.id, doc.content_hash):
                    log.debug("%s: document %s already stored", self.path, doc.id)
                    return False
                self._insert_document(conn, doc)
                self._insert_mentions(conn, doc, events)
                self._write_report(conn, doc, report, signature=signature, copy_of=copy_of)
        except sqlite3.Error as err:
            raise StoreError(f"document could not be stored: {err}", where=doc.id) from err
        return True

    def _insert_mentions(self, conn: sqlite3.Connection, doc: Document, events: Sequence[Event]) -> None:
        for event in events:
            check_event(doc, event)
            try:
                conn.execute(_EVENT_INSERT, _int_event_row(event))
            except sqlite3.IntegrityError as err:
                raise StoreError(
                    f"event could not be stored: {err}", where=f"{doc.id}#{event.event_id}",
                    hint="event ids must be unique and event_type, sub_event_type and evidence set",
                ) from err
            conn.execute(
                "INSERT INTO events_fts (event_id, document_id, evidence_text, actor1, actor2, location)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (event.event_id, doc.id, event.evidence_text, event.actor1, event.actor2, event.location),
            )

    def _delete_mentions(self, conn: sqlite3.Connection, document_id: str) -> None:
        conn.execute("DELETE FROM events_fts WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM events WHERE document_id = ?", (document_id,))

    @staticmethod
    def _exists(conn: sqlite3.Connection, document_id: str | None, content_hash: str | None) -> bool:
        row = conn.execute(
            "SELECT 1 FROM documents WHERE id = ? OR content_hash = ? LIMIT 1", (document_id, content_hash)
        ).fetchone()
        return row is not None

    def _insert_document(self, conn: sqlite3.Connection, doc: Document) -> None:
        added_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        conn.execute(
            "INSERT INTO documents (id, content_hash, text, title, published, url, source, author, origin,"
            " added_at, n_words, language, notice) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.content_hash, doc.text, doc.title, doc.published, doc.url, doc.source, doc.author,
             doc.origin, added_at, doc.word_count(), doc.language, doc.notice),
        )
        conn.executemany(
            'INSERT INTO sections (document_id, idx, kind, "start", "end") VALUES (?, ?, ?, ?, ?)',
            [(doc.id, i, s.kind, s.start, s.end) for i, s in enumerate(doc.sections)],
        )
        conn.executemany(
            "INSERT INTO doc_references (document_id, idx, author, title, outlet, date, date_text, text,"
            ' "start", "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [(doc.id, i, r.author, r.title, r.outlet, r.date, r.date_text, r.text, r.start, r.end)
             for i, r in enumerate(doc.references)],
        )
        conn.execute(
            "INSERT INTO documents_fts (document_id, title, text) VALUES (?, ?, ?)", (doc.id, doc.title, doc.text)
        )

    # -- documents ---------------------------------------------------------------

    @sql_errors
    def has_document(self, document_id: str | None = None, *, content_hash: str | None = None) -> bool:
        """Whether a document with this id or this content hash is stored."""
        if document_id is None and content_hash is None:
            raise ConfigError("has_document needs a document id or a content hash")
        with self._lock:
            return self._exists(self._conn, document_id, content_hash)


    # -- events ------------------------------------------------------------------



    # -- search and stats --------------------------------------------------------

    @sql_errors
    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """FTS5 search over document title/text and event evidence/actors/location, best first."""
        if limit < 1:
            raise ConfigError(f"limit must be 1 or more, not {limit}", where="limit")
        match = fts_query(text)
        marks = (SNIPPET_OPEN, SNIPPET_CLOSE, "…", 16)
        try:
            with self._lock:
                doc_rows = self._conn.execute(
                    "SELECT documents_fts.document_id, d.title, snippet(documents_fts, -1, ?, ?, ?, ?),"
                    " bm25(documents_fts) AS rank FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id"
                    " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                    (*marks, match, limit),
                ).fetchall()
                event_rows = self._conn.execute(
                    "SELECT events_fts.document_id, d.title, snippet(events_fts, -1, ?, ?, ?, ?),"
                    " bm25(events_fts) AS rank, events_fts.event_id FROM events_fts"
                    " JOIN documents d ON d.id = events_fts.document_id"
                    " WHERE events_fts MATCH ? ORDER BY rank LIMIT ?",
                    (*marks, match, limit),
                ).fetchall()
        except sqlite3.OperationalError as err:
            if "fts5" in str(err):
                raise ConfigError(f"cannot search for {text!r}: {err}", where="search",
                                  hint="use plain words; quote phrases with double quotes") from err
            raise
        # bm25 is lower-is-better; flip it so that SearchHit.score is higher-is-better.
        hits = [SearchHit(r[0], r[1], r[2], None, -r[3]) for r in doc_rows]
        hits += [SearchHit(r[0], r[1], r[2], r[4], -r[3]) for r in event_rows]
        hits.sort(key=lambda h: (-h.score, h.document_id, h.event_id or ""))
        return hits[:limit]


    def _incident_filter_keys(self, record: Event) -> dict[str, Any]:
        """The filters' keys of an incident (schema 10), as ``_where`` reads them for incidents."""
        return {
            "admin1_key": _place(record.admin1), "type_key": _fold(record.event_type),
            "subtype_key": _fold(record.sub_event_type),
            **{f"{role}_key": _actor_key(record, role) for role in ("actor1", "actor2")},
        }

    def _bool(self, value: bool) -> int:
        return int(bool(value))

    @contextmanager
    def _streaming(self, sql: str, params: Sequence[Any], batch_size: int) -> Iterator[Iterator[list[Any]]]:
        """Batches of rows from a cursor on a connection of their own (WAL: a consistent snapshot
        that holds neither readers nor writers up)."""
        if self.path == ":memory:":  # one database, one connection
            with super()._streaming(sql, params, batch_size) as batches:
                yield batches
            return
        conn = _connect(self.path, first=False)
        try:
            cursor = conn.execute(sql, params)
            yield iter(lambda: cursor.fetchmany(batch_size), [])
        finally:
            conn.close()

    def _filter_sql(self, filters: EventFilter, *, extra: list[str] = (), extra_params: list = (),
                    listing: bool = True) -> tuple[str, list]:
        return _where(filters, extra=list(extra), extra_params=list(extra_params), listing=listing)

    def _limit(self, limit: int | None) -> int:
        return _sqlite_limit(limit)

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    def _check_columns(self, conn: sqlite3.Connection) -> None:
        """StoreError if the events table lacks a field of the Event model (a migration is missing)."""
        columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
        missing = [name for name in EVENT_FIELDS if name not in columns]
        if missing:
            raise StoreError(
                f"events table lacks columns {', '.join(missing)}",
                where=self.path,
                hint="add a numbered migration in dateline/store/migrations that adds them",
            )


def _connect(path: str, *, first: bool = True) -> sqlite3.Connection:
    """Open a connection in autocommit mode with WAL, foreign keys and a busy timeout.

    ``first``: the store's first connection checks the file and sets WAL mode (kept in the file).
    """
    if first and path != ":memory:":
        _check_file(Path(path))
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as err:
        raise StoreError(f"cannot open database: {err}", where=path, hint="check the path and its permissions") from err
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if first and path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses at most the last commit
        # Read the file through a memory map: the connections of a pool share the operating
        # system's page cache instead of each copying pages into a 2 MB cache of its own.
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        conn.create_function("dl_fold", 1, _fold, deterministic=True)
        conn.create_function("dl_place", 1, _place, deterministic=True)
    except sqlite3.DatabaseError as err:
        conn.close()
        raise StoreError(
            f"not a usable SQLite database ({err})",
            where=path,
            hint="pass a dateline database or a new file name; the file was left untouched",
        ) from err
    return conn


def _check_file(path: Path) -> None:
    """StoreError for a folder, a missing parent folder, or a file that is not SQLite (never touched)."""
    if path.is_dir():
        raise StoreError("is a folder, not a database file", where=str(path), hint="pass a file name such as dateline.db")
    if not path.parent.exists():
        raise StoreError("folder does not exist", where=str(path.parent), hint="create it first or choose another path")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError as err:
            raise StoreError(f"cannot read database file: {err}", where=str(path)) from err
        if head != _SQLITE_MAGIC:
            raise StoreError(
                "is not a SQLite database",
                where=str(path),
                hint="pass a dateline database or a new file name; the file was left untouched",
            )


def _sqlite_limit(limit: int | None) -> int:
    return -1 if limit is None else limit  # SQLite: LIMIT -1 means no limit


_check_month_day = check_month_day  # shared with the PostgreSQL backend


_FTS_TERM = re.compile(r'"[^"]*"\*?|\S+')


def fts_query(text: str) -> str:
    """Plain words (AND), "quoted phrases", word* prefixes and OR, as a safe FTS5 MATCH expression."""
    parts: list[str] = []
    for token in _FTS_TERM.findall(text or ""):
        if token == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        prefix = token.endswith("*")
        term = token.rstrip("*").strip('"')
        if not term.strip():
            continue
        parts.append('"' + term.replace('"', '""') + '"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    if parts and parts[0] == "OR":
        parts.pop(0)
    if not parts:
        raise ConfigError("search text has no words", where="search", hint="give at least one word to look for")
    return " ".join(parts)


def _actor_key(record: Event, role: str) -> str:
    """The actor fields of one side (``ACTOR_ROLE_FIELDS``) joined by the unit separator, folded."""
    return _UNIT_SEP.join(str(getattr(record, name) or "") for name in ACTOR_ROLE_FIELDS[role]).casefold()


def _actor_clause(filters: EventFilter) -> tuple[str, list[Any]]:
    """The actor filter: a substring of the folded actor fields of the chosen side (fields joined by
    the unit separator, so a needle cannot span two). Incidents keep each side's fields folded in
    ``actor1_key``/``actor2_key``; mentions fold them in SQL."""
    needle = filters.actor.casefold()
    if filters.unit == "incidents" and _UNIT_SEP not in needle:
        # a needle without the separator lies inside one field, so "either side" is one side or the other
        sides = ("actor1", "actor2") if filters.actor_role == "either" else (filters.actor_role,)
        return "(" + " OR ".join(f"instr(e.{side}_key, ?) > 0" for side in sides) + ")", [needle] * len(sides)
    joined = f" || '{_UNIT_SEP}' || ".join(f"COALESCE(e.{name}, '')" for name in ACTOR_ROLE_FIELDS[filters.actor_role])
    return f"instr(dl_fold({joined}), ?) > 0", [needle]


def _where(
    filters: EventFilter, *, extra: Sequence[str] = (), extra_params: Sequence[Any] = (), listing: bool = True
) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) selecting events ``e`` that match ``filters``.

    On incidents the province, actor and type filters read the key columns of schema 10; on
    mentions the same keys are computed in SQL by the Python functions dl_place and dl_fold."""
    filters.validate()
    incidents = filters.unit == "incidents"
    clauses, params = date_range_clauses(filters)
    if filters.place:
        clauses.append("? IN (dl_place(e.location), dl_place(e.admin2), dl_place(e.admin1), dl_place(e.country))")
        params.append(_place_param(filters.place, "place"))
    if filters.admin1:
        clauses.append("e.admin1_key = ?" if incidents else "dl_place(e.admin1) = ?")
        params.append(_place_param(filters.admin1, "admin1"))
    if filters.actor:
        clause, values = _actor_clause(filters)
        clauses.append(clause)
        params += values
    if filters.event_type:
        clauses.append("(e.type_key = ? OR e.subtype_key = ?)" if incidents
                       else "(dl_fold(e.event_type) = ? OR dl_fold(e.sub_event_type) = ?)")
        params += [filters.event_type.casefold()] * 2
    if filters.text:
        matched = "SELECT event_id FROM events_fts WHERE events_fts MATCH ?"
        # incidents: "+" makes the match a test on each incident, not a lookup by id, so a page is read
        # in the list's index order and stops when full, instead of sorting every whole matching row; a
        # count needs no order, and looks the matched incidents up by id
        test = "+" if listing else ""
        clauses.append(f"{test}e.event_id IN (SELECT m.incident_id FROM events m WHERE m.event_id IN ({matched}))"
                       if incidents else f"e.event_id IN ({matched})")
        params.append(fts_query(filters.text))
    if filters.document_id:
        clauses.append("e.event_id IN (SELECT m.incident_id FROM events m WHERE m.document_id = ?)"
                       if incidents else "e.document_id = ?")
        params.append(filters.document_id)
    if not filters.include_flagged:
        clauses.append(_FLAGGED)
    reviewed = review_clause(filters)
    if reviewed:
        clauses.append(reviewed)
    clauses += extra
    params += extra_params
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


_place_param = place_param  # shared with the PostgreSQL backend


def _int_event_row(event: Event) -> list:
    """SQLite keeps the flags as 0/1."""
    return event_row(event, boolean=int)

"""The PostgreSQL backend: many writers, large corpora, PostgreSQL's own full-text search.

Same interface and same numbered migrations as SQLite (``migrations/postgres/``
holds this dialect's SQL for each number). What differs, and lives here:

* ``%s`` placeholders (psycopg 3), ``LIMIT NULL`` for no limit;
* full-text search with ``tsvector``/``tsquery`` ('simple' without accents),
  ``ts_rank`` for the score and ``ts_headline`` for snippets;
* place and actor matching: SQLite calls Python inside SQL; here the same
  Python keys are computed when an event is written (table ``event_keys``);
* concurrent writers: a document is claimed with ``INSERT ... ON CONFLICT DO
  NOTHING`` on its id and content hash, so two workers writing the same document
  (a retried batch) store it once and the second one gets False.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg

from ..errors import ConfigError, StoreError
from ..filters import ACTOR_ROLE_FIELDS, EventFilter, review_clause
from ..incidents.report import Report, consolidate
from ..models import EVENT_FIELDS, Document, Event, Incident
from . import migrations
from .base import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    SearchHit,
    check_event,
    place_param,
    redact,
    search_groups,
)
from .connections import ConnectionPool
from .dbapi import (
    ACTOR_FIELDS as _ACTOR_FIELDS,
)
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
from .pg_text import register_storable_text
from .rows import event_row

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
# Any fixed number: held (per transaction) by whoever is migrating this database.
_MIGRATION_LOCK = 0x6461_7465_6C69  # "dateli"
_MERGE_LOCK = 0x6461_7465_6D67  # held while a document's incidents are merged
_JOBS_LOCK = 0x6461_7465_6A62  # held while a process claims an ingest job
_TS_CONFIG = "dateline_text"  # 'simple' without accents (migration 1): like FTS5's unicode61 remove_diacritics
_HEADLINE = f"StartSel={SNIPPET_OPEN}, StopSel={SNIPPET_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…"
_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(f'{chr(34)}{n}{chr(34)}' for n in EVENT_FIELDS)}) "
    f"VALUES ({', '.join('%s' for _ in EVENT_FIELDS)})"
)
_KEYS_INSERT = (
    "INSERT INTO event_keys (event_id, location_key, admin2_key, admin1_key, country_key, actors_key,"
    f" type_key, subtype_key, tsv) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, to_tsvector('{_TS_CONFIG}', %s))"
)
_EVENT_FROM = "FROM events e JOIN event_keys k ON k.event_id = e.event_id"
_INCIDENT_FROM = "FROM incidents e JOIN incident_keys k ON k.event_id = e.event_id"
_FLAGGED = "NOT (e.negated OR e.hypothetical OR e.future OR e.background)"
_WORD = re.compile(r"\w+")
_CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""

T = TypeVar("T")



def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def connection_url(url: str) -> str:
    """A libpq connection URL: SQLAlchemy's postgresql+driver:// becomes postgresql://."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme.split('+', 1)[0]}{sep}{rest}"


class PostgresStore(DbApiStore):
    """A dateline database in PostgreSQL (``postgresql://user@host:port/dbname``)."""

    driver_errors = (psycopg.Error,)
    placeholder = "%s"
    counted_sql = _FLAGGED
    event_from = _EVENT_FROM
    incident_from = _INCIDENT_FROM

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = redact(url)
        self._closed = True
        try:
            conn = self._connect()
        except psycopg.Error as err:
            raise StoreError(
                f"cannot connect to PostgreSQL: {_first_line(err)}",
                where=self.where,
                hint="check that the server runs, the database exists and the user may log in",
            ) from err
        # Each thread borrows a connection of its own (connections.py): readers do not queue.
        self._lock = ConnectionPool(self._connect, first=conn, usable=lambda c: not (c.closed or c.broken))
        try:
            self.applied_migrations = migrate(conn, where=self.where)
            self._check_columns()
        except BaseException:
            conn.close()
            raise
        self._closed = False
        if 4 in self.applied_migrations:
            self._backfill_incidents()  # schema 4: the mentions stored before it become incidents

    def _connect(self) -> psycopg.Connection:
        conn = psycopg.connect(connection_url(self.url), autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        return register_storable_text(conn)  # NUL and lone surrogates become U+FFFD, not a failed batch

    @property
    def _conn(self) -> psycopg.Connection:
        """The calling thread's connection (inside ``with self._lock``)."""
        return self._lock.current

    def data_version(self) -> str | None:
        """The server's current snapshot (``xmin:xmax:in-progress ids``): it moves when any
        writing transaction of the cluster starts or ends, so a change to this database always
        changes it (and another database's writes do too, which only costs a recomputed answer)."""
        if self._closed:
            return None
        try:
            with self._lock:
                return self._conn.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        except psycopg.Error as err:
            log.debug("%s: data_version failed: %s", self.where, err)
            return None

    # -- writing -----------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection]:
        """One transaction on this thread's connection, rolled back on any exception."""
        with self._lock, self._conn.transaction():
            yield self._conn

    def add_document(self, doc: Document, events: Sequence[Event], *, report: Report | None = None,
                     signature: str | None = None, copy_of: tuple[str, float] | None = None) -> bool:
        """Store a document with its sections, references, mentions, incidents and aggregates in one
        transaction (False if already stored); its incidents join stored ones that tell the same events."""
        report = report if report is not None else consolidate(doc, events)
        if self._closed:
            raise StoreError("add_document failed: the store is closed", where=self.where)
        try:
            with self._transaction() as conn:
                if not self._claim_document(conn, doc):
                    log.debug("%s: document %s already stored", self.where, doc.id)
                    return False
                self._insert_parts(conn, doc)
                self._insert_mentions(conn, doc, events)
                self._hold_merges(conn)
                self._write_report(conn, doc, report, signature=signature, copy_of=copy_of)
        except psycopg.Error as err:
            raise StoreError(f"document could not be stored: {_first_line(err)}", where=doc.id) from err
        return True

    def _insert_mentions(self, conn: psycopg.Connection, doc: Document, events: Sequence[Event]) -> None:
        for event in events:
            check_event(doc, event)
            try:
                with conn.transaction():  # a savepoint, so the error below names the event
                    conn.execute(_EVENT_INSERT, event_row(event))
            except psycopg.IntegrityError as err:
                raise StoreError(
                    f"event could not be stored: {_first_line(err)}", where=f"{doc.id}#{event.event_id}",
                    hint="event ids must be unique and event_type, sub_event_type and evidence set",
                ) from err
            conn.execute(_KEYS_INSERT, _key_row(event))

    def _delete_mentions(self, conn: psycopg.Connection, document_id: str) -> None:
        conn.execute("DELETE FROM events WHERE document_id = %s", (document_id,))  # event_keys cascade

    def _serialize_jobs(self, conn: psycopg.Connection) -> None:
        # one claimer at a time: two processes must not both see "nothing running" and each start a job
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_JOBS_LOCK,))

    def _hold_merges(self, conn: psycopg.Connection) -> None:
        # one merger at a time: concurrent ingests must see each other's reports to join them
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MERGE_LOCK,))

    @staticmethod
    def _claim_document(conn: psycopg.Connection, doc: Document) -> bool:
        """Insert the document row unless its id or content hash is taken; True when this call inserted it.

        ON CONFLICT DO NOTHING (no target) covers both unique keys. A concurrent
        transaction inserting the same document makes this one wait on the index
        entry and then do nothing, so a document is never stored twice.
        """
        added_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        row = conn.execute(
            "INSERT INTO documents (id, content_hash, text, title, published, url, source, author, origin,"
            " added_at, n_words, language, notice) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT DO NOTHING RETURNING id",
            (doc.id, doc.content_hash, doc.text, doc.title, doc.published, doc.url, doc.source, doc.author,
             doc.origin, added_at, doc.word_count(), doc.language, doc.notice),
        ).fetchone()
        return row is not None

    @staticmethod
    def _insert_parts(conn: psycopg.Connection, doc: Document) -> None:
        with conn.cursor() as cur:
            cur.executemany(
                'INSERT INTO sections (document_id, idx, kind, "start", "end") VALUES (%s, %s, %s, %s, %s)',
                [(doc.id, i, s.kind, s.start, s.end) for i, s in enumerate(doc.sections)],
            )
            cur.executemany(
                "INSERT INTO doc_references (document_id, idx, author, title, outlet, date, date_text, text,"
                ' "start", "end") VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',
                [(doc.id, i, r.author, r.title, r.outlet, r.date, r.date_text, r.text, r.start, r.end)
                 for i, r in enumerate(doc.references)],
            )

    # -- documents ---------------------------------------------------------------

    @sql_errors
    def has_document(self, document_id: str | None = None, *, content_hash: str | None = None) -> bool:
        """Whether a document with this id or this content hash is stored."""
        if document_id is None and content_hash is None:
            raise ConfigError("has_document needs a document id or a content hash")
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM documents WHERE id = %s OR content_hash = %s LIMIT 1", (document_id, content_hash)
            ).fetchone()
        return row is not None

    @sql_errors
    def stored_documents(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these ids and content hashes are stored (one query, for batch skipping)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, content_hash FROM documents WHERE id = ANY(%s) OR content_hash = ANY(%s)",
                (list(ids), list(hashes)),
            ).fetchall()
        return {r[0] for r in rows}, {r[1] for r in rows}


    # -- events ------------------------------------------------------------------



    # -- search and stats --------------------------------------------------------

    @sql_errors
    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """tsquery search over document title/text and event evidence/actors/location, best first."""
        if limit < 1:
            raise ConfigError(f"limit must be 1 or more, not {limit}", where="limit")
        query_sql, query_params = tsquery_sql(text)
        with self._lock:
            doc_rows = self._conn.execute(
                f"WITH q AS (SELECT {query_sql} AS q) SELECT d.id, d.title,"
                f" ts_headline('{_TS_CONFIG}', coalesce(d.title, '') || ' … ' || d.text, q.q, %s),"
                " ts_rank(d.tsv, q.q) AS rank FROM documents d, q WHERE d.tsv @@ q.q"
                " ORDER BY rank DESC, d.id LIMIT %s",
                (*query_params, _HEADLINE, limit),
            ).fetchall()
            event_rows = self._conn.execute(
                f"WITH q AS (SELECT {query_sql} AS q) SELECT e.document_id, d.title,"
                f" ts_headline('{_TS_CONFIG}', concat_ws(' ', e.evidence_text, e.actor1, e.actor2, e.location), q.q, %s),"
                " ts_rank(k.tsv, q.q) AS rank, e.event_id FROM event_keys k"
                " JOIN events e ON e.event_id = k.event_id JOIN documents d ON d.id = e.document_id, q"
                " WHERE k.tsv @@ q.q ORDER BY rank DESC, e.event_id LIMIT %s",
                (*query_params, _HEADLINE, limit),
            ).fetchall()
        hits = [SearchHit(r[0], r[1], r[2], None, float(r[3])) for r in doc_rows]
        hits += [SearchHit(r[0], r[1], r[2], r[4], float(r[3])) for r in event_rows]
        hits.sort(key=lambda h: (-h.score, h.document_id, h.event_id or ""))
        return hits[:limit]


    @contextmanager
    def _streaming(self, sql: str, params: Sequence[Any], batch_size: int) -> Iterator[Iterator[list[Any]]]:
        """Batches of rows from a server-side cursor, on a connection of its own (a named cursor
        lives in a transaction, which a pooled autocommit connection has not)."""
        conn = register_storable_text(psycopg.connect(connection_url(self.url), connect_timeout=CONNECT_TIMEOUT_S))
        try:
            with conn.cursor(name="dateline_stream") as cursor:
                cursor.execute(sql, params)
                yield iter(lambda: cursor.fetchmany(batch_size), [])
        finally:
            conn.close()

    @property
    def usable(self) -> bool:
        """False once closed or once the connection to the server was lost (then open a new store)."""
        return not (self._closed or self._conn.closed or self._conn.broken)


    def _write_incident(self, conn: Any, incident: Incident, review: Any) -> None:
        super()._write_incident(conn, incident, review)
        # searchable by the words of every mention, as SQLite's search goes through the mentions
        texts = conn.execute("SELECT string_agg(evidence_text, ' ' ORDER BY event_id) FROM events WHERE event_id = ANY(%s)",
                             (list(incident.mention_ids),)).fetchone()[0]
        conn.execute(_KEYS_INSERT.replace("event_keys", "incident_keys"), _incident_key_row(incident, texts or ""))

    def _filter_sql(self, filters: EventFilter, *, extra: list[str] = (), extra_params: list = (),
                    listing: bool = True) -> tuple[str, list]:
        return _where(filters, extra=list(extra), extra_params=list(extra_params))  # the planner needs no hint

    def __repr__(self) -> str:
        return f"PostgresStore({self.where!r})"

    def _check_columns(self) -> None:
        """StoreError if the events table lacks a field of the Event model (a migration is missing)."""
        columns = {
            row[0] for row in self._conn.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = 'events'"
            )
        }
        missing = [name for name in EVENT_FIELDS if name not in columns]
        if missing:
            raise StoreError(
                f"events table lacks columns {', '.join(missing)}",
                where=self.where,
                hint="add a numbered migration in dateline/store/migrations/postgres that adds them",
            )


# -- migrations ------------------------------------------------------------------------


def migrate(conn: psycopg.Connection, *, where: str, directory=migrations.POSTGRES_DIR) -> list[int]:
    """Bring the database up to the newest schema; returns the versions applied now.

    Each migration runs in its own transaction holding an advisory lock, so
    workers that open a new database at the same moment apply it once.
    """
    available = migrations.available(directory)
    latest = available[-1].version if available else 0
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        _refuse_foreign_database(conn, where=where)
        conn.execute(_CREATE_MIGRATIONS_TABLE)
    done = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    if done and done[-1] > latest:
        raise StoreError(
            f"database schema version {done[-1]} is newer than this dateline supports ({latest})",
            where=where,
            hint="upgrade dateline, or use another database",
        )
    applied: list[int] = []
    for migration in available:
        if migration.version not in done and _apply(conn, migration, where=where):
            applied.append(migration.version)
    if applied:
        log.info("%s: applied schema migrations %s", where, applied)
    return applied


def _apply(conn: psycopg.Connection, migration: migrations.Migration, *, where: str) -> bool:
    """Run one migration in a transaction; False if another connection applied it first."""
    statements = migration.statements()
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            # Checked again under the lock: another worker may have applied it meanwhile.
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (migration.version,)).fetchone():
                return False
            for statement in statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                (migration.version, migration.name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
    except psycopg.Error as err:
        raise StoreError(
            f"migration postgres/{migration.path.name} failed: {_first_line(err)}",
            where=where,
            hint="the database was left at the previous schema version",
        ) from err
    return True


def _refuse_foreign_database(conn: psycopg.Connection, *, where: str) -> None:
    """StoreError if the schema already holds tables but was not made by dateline."""
    tables = {
        row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    }
    if tables and "schema_migrations" not in tables:
        raise StoreError(
            "is a PostgreSQL database but not a dateline one",
            where=where,
            hint="create an empty database for dateline (createdb dateline); this one was left untouched",
        )


# -- SQL building ----------------------------------------------------------------------


def tsquery_sql(text: str) -> tuple[str, list[str]]:
    """A tsquery expression (with parameters) for the search syntax of SQLite's fts_query.

    Words are ANDed, "quoted phrases" keep word order, word* matches a prefix, and
    OR joins groups (AND binds tighter, as in FTS5). Phrases go through
    phraseto_tsquery, so the server's parser splits them exactly as it split the
    indexed text; user text never becomes tsquery syntax.
    """
    groups = []
    params: list[str] = []
    for group in search_groups(text):
        parts = []
        for term in group:
            if term.prefix:
                words = _words(term.text)
                if words:
                    parts.append(f"to_tsquery('{_TS_CONFIG}', %s)")
                    params.append(" <-> ".join(f"'{w}'" for w in words) + ":*")
                    continue
            parts.append(f"phraseto_tsquery('{_TS_CONFIG}', %s)")
            params.append(term.text)
        groups.append("(" + " && ".join(parts) + ")")
    return "(" + " || ".join(groups) + ")", params


def _words(text: str) -> list[str]:
    """Runs of word characters, lower-cased: safe to quote inside tsquery syntax ("al-Sadr" -> al, sadr)."""
    return _WORD.findall(text.lower())


def _where(
    filters: EventFilter, *, extra: Sequence[str] = (), extra_params: Sequence[Any] = ()
) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) selecting events ``e`` (keys ``k``) that match ``filters``."""
    filters.validate()
    clauses, params = date_range_clauses(filters, placeholder="%s")
    if filters.place:
        clauses.append("%s IN (k.location_key, k.admin2_key, k.admin1_key, k.country_key)")
        params.append(place_param(filters.place, "place"))
    if filters.admin1:
        clauses.append("k.admin1_key = %s")
        params.append(place_param(filters.admin1, "admin1"))
    if filters.actor:
        clauses.append(f"strpos({_role_key(filters.actor_role)}, %s) > 0")
        params.append(filters.actor.casefold())
    if filters.event_type:
        clauses.append("(k.type_key = %s OR k.subtype_key = %s)")
        params += [filters.event_type.casefold()] * 2
    if filters.text:
        query_sql, query_params = tsquery_sql(filters.text)
        clauses.append(f"k.tsv @@ {query_sql}")
        params += query_params
    if filters.document_id:
        clauses.append("e.event_id IN (SELECT m.incident_id FROM events m WHERE m.document_id = %s)"
                       if filters.unit == "incidents" else "e.document_id = %s")
        params.append(filters.document_id)
    if not filters.include_flagged:
        clauses.append(_FLAGGED)
    reviewed = review_clause(filters)
    if reviewed:
        clauses.append(reviewed)
    clauses += extra
    params += extra_params
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params



def _key(value: str | None) -> str | None:
    return place_key(value) if value is not None else None



def _incident_key_row(incident: Incident, mention_texts: str) -> tuple[Any, ...]:
    """The incident_keys row: the record's keys, searchable by the evidence of every mention it holds."""
    row = list(_key_row(incident.record))
    row[-1] = f"{row[-1]} {mention_texts}"
    return tuple(row)


def _key_row(event: Event) -> tuple[Any, ...]:
    """The event_keys row: the same keys SQLite computes in SQL with dl_place and dl_fold."""
    actors = _UNIT_SEP.join(str(getattr(event, name) or "") for name in _ACTOR_FIELDS).casefold()
    searchable = " ".join(v for v in (event.evidence_text, event.actor1, event.actor2, event.location) if v)
    return (
        event.event_id, _key(event.location), _key(event.admin2), _key(event.admin1), _key(event.country), actors,
        _fold(event.event_type), _fold(event.sub_event_type), searchable,
    )


def _role_key(role: str) -> str:
    """SQL for the folded actor fields of one role, taken from ``actors_key`` (the fields of
    ``_ACTOR_FIELDS`` joined by the unit separator, folded as SQLite folds them)."""
    if role == "either":
        return "k.actors_key"
    parts = [f"split_part(k.actors_key, '{_UNIT_SEP}', {_ACTOR_FIELDS.index(name) + 1})" for name in ACTOR_ROLE_FIELDS[role]]
    return f" || '{_UNIT_SEP}' || ".join(parts)

"""Schema migrations: numbered .sql files applied in order, each in its own transaction.

Files live in ``store/migrations/`` and are named ``NNNN_what.sql``. Applied
versions are recorded in ``schema_migrations``, so opening an up-to-date
database applies nothing. A database whose newest version is above the newest
file here was made by a newer dateline and is refused rather than guessed at.

This runner speaks SQLite (``BEGIN IMMEDIATE``, ``sqlite_master``). PostgreSQL
keeps the same numbered sequence in ``migrations/postgres/`` (same versions,
same names, its own SQL where the dialects differ) and its runner lives in
``postgres.py``; ``check_dialects_agree`` holds the two sequences together.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
POSTGRES_DIR = MIGRATIONS_DIR / "postgres"
_NAME_RE = re.compile(r"^(\d{4})_([A-Za-z0-9_]+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema change."""

    version: int
    name: str
    path: Path

    def statements(self) -> list[str]:
        """The file's SQL statements, in order."""
        return split_statements(self.path.read_text(encoding="utf-8"))


def available(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migration files in ``directory``, ordered by version; StoreError on a malformed set."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _NAME_RE.match(path.name)
        if match is None:
            raise StoreError(
                "migration file name is not NNNN_name.sql", where=str(path), hint="rename it, e.g. 0002_add_column.sql"
            )
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version}", where=str(path), hint="renumber one of them")
        found[version] = Migration(version, match.group(2), path)
    return [found[v] for v in sorted(found)]


def check_dialects_agree(sqlite_dir: Path = MIGRATIONS_DIR, postgres_dir: Path = POSTGRES_DIR) -> list[tuple[int, str]]:
    """The one (version, name) sequence both dialects share; StoreError when they differ.

    A schema change is one numbered migration written once per dialect, so a
    database at version N has the same tables and columns whichever backend it is.
    """
    sqlite_seq = [(m.version, m.name) for m in available(sqlite_dir)]
    postgres_seq = [(m.version, m.name) for m in available(postgres_dir)]
    if sqlite_seq != postgres_seq:
        missing = sorted(set(sqlite_seq) ^ set(postgres_seq))
        raise StoreError(
            f"SQLite and PostgreSQL migrations differ: {missing}",
            where=str(postgres_dir),
            hint="write every numbered migration for both dialects, with the same number and name",
        )
    return sqlite_seq


def split_statements(sql: str) -> list[str]:
    """Split a script into statements at line ends where a statement is complete (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if _has_code(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if _has_code(buffer):
        raise StoreError("migration ends inside a statement", hint=f"add the missing ';' after: {buffer.strip()[:60]}")
    return statements


def _has_code(sql: str) -> bool:
    """Whether text holds anything besides whitespace and -- comments."""
    return any(line.split("--", 1)[0].strip() for line in sql.splitlines())


def applied_versions(conn: sqlite3.Connection) -> list[int]:
    """Versions recorded in schema_migrations, ascending (empty if the table is missing)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if exists is None:
        return []
    return [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]


def migrate(conn: sqlite3.Connection, *, where: str, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Bring the database up to the newest schema; returns the versions applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each
    migration runs inside its own BEGIN IMMEDIATE ... COMMIT.
    """
    migrations = available(directory)
    latest = migrations[-1].version if migrations else 0
    _refuse_foreign_database(conn, where=where)
    conn.execute(_CREATE_TABLE)
    done = applied_versions(conn)
    if done and done[-1] > latest:
        raise StoreError(
            f"database schema version {done[-1]} is newer than this dateline supports ({latest})",
            where=where,
            hint="upgrade dateline, or use another database file",
        )
    applied: list[int] = []
    for migration in migrations:
        if migration.version in done:
            continue
        if _apply(conn, migration, where=where):
            applied.append(migration.version)
    if applied:
        log.info("%s: applied schema migrations %s", where, applied)
    return applied


def _apply(conn: sqlite3.Connection, migration: Migration, *, where: str) -> bool:
    """Run one migration in a transaction; False if another connection applied it first."""
    statements = migration.statements()
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Checked again under the write lock: two processes may open a new file at once.
        if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)).fetchone():
            conn.execute("ROLLBACK")
            return False
        for statement in statements:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
    except sqlite3.Error as err:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(
            f"migration {migration.path.name} failed: {err}",
            where=where,
            hint="the database was left at the previous schema version",
        ) from err
    return True


def _refuse_foreign_database(conn: sqlite3.Connection, *, where: str) -> None:
    """StoreError if the file already holds tables but was not made by dateline."""
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    }
    if tables and "schema_migrations" not in tables:
        raise StoreError(
            "is a SQLite database but not a dateline one",
            where=where,
            hint="choose a new file name for the dateline database; this file was left untouched",
        )

"""Which backend a database target means, opened."""

from __future__ import annotations

import os

from .. import config
from ..errors import StoreError
from .base import Store, is_postgres_url, redact
from .sqlite import SQLiteStore

__all__ = ["open_store"]


def open_store(target: str | os.PathLike[str] | None = None) -> Store:
    """Open the store at ``target``: a path or sqlite:///path (SQLite), or postgresql://user@host/dbname.

    None uses config.database_path() ($DATELINE_DB or ./dateline.db).
    """
    location = config.database_path(target)
    if is_postgres_url(location):
        from .postgres import PostgresStore  # here: psycopg is only needed for PostgreSQL

        return PostgresStore(location)
    if location.startswith("sqlite://"):
        # SQLAlchemy convention: sqlite:///rel.db, sqlite:////abs.db, sqlite:// is in memory.
        location = location[len("sqlite://"):]
        location = location[1:] if location.startswith("/") else location
        location = location or ":memory:"
    elif "://" in location:
        raise StoreError(
            "unknown database URL scheme",
            where=redact(location),
            hint="use a file path, sqlite:///path or postgresql://...",
        )
    return SQLiteStore(location)

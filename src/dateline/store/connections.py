"""How a store's threads get a database connection: each its own from a small pool, or one shared.

The stores write ``with self._lock: self._conn.execute(...)``. ``_lock`` is one of the two
classes below and ``_conn`` the connection it handed the calling thread:

* ``ConnectionPool`` lends each thread a connection of its own for as long as it is inside
  the ``with`` (re-entrant: nested blocks of one thread share it), and takes it back after, so
  a web server's readers run side by side (SQLite in WAL mode and PostgreSQL both allow
  concurrent readers) instead of queueing for one connection;
* ``SharedConnection`` is one connection behind a lock, for an in-memory SQLite database (a
  second connection would open a second, empty database).

Outside any ``with`` block, ``current`` is the pool's first connection (the one the schema
was migrated on), for the store's own set-up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

__all__ = ["ConnectionPool", "SharedConnection"]

C = TypeVar("C")


class SharedConnection(Generic[C]):
    """One connection, one thread at a time (an RLock, so nested blocks of one thread pass)."""

    def __init__(self, conn: C) -> None:
        self._conn_obj = conn
        self._rlock = threading.RLock()

    @property
    def current(self) -> C:
        return self._conn_obj

    def __enter__(self) -> C:
        self._rlock.acquire()
        return self._conn_obj

    def __exit__(self, *exc: object) -> None:
        self._rlock.release()

    def close(self) -> None:
        with self._rlock:
            self._conn_obj.close()  # type: ignore[attr-defined]


class ConnectionPool(Generic[C]):
    """Connections lent per thread: ``with pool as conn`` gives this thread its own until the block ends.

    ``open`` makes a new connection; up to ``keep`` idle ones are kept for the next borrower (the
    rest are closed); ``usable(conn)`` says whether a returned connection may be lent again (a
    broken PostgreSQL connection may not). ``first`` is the connection the store was set up on.
    """

    def __init__(self, open: Callable[[], C], *, first: C, keep: int = 8,
                 usable: Callable[[C], bool] = lambda conn: True) -> None:
        self._open, self._keep, self._usable = open, keep, usable
        self._first = first
        self._idle: list[C] = []
        self._local = threading.local()
        self._guard = threading.Lock()
        self._closed = False

    @property
    def current(self) -> C:
        """This thread's connection inside a ``with`` block, else the first connection."""
        conn = getattr(self._local, "conn", None)
        return self._first if conn is None else conn

    def __enter__(self) -> C:
        local = self._local
        depth = getattr(local, "depth", 0)
        if depth == 0:
            with self._guard:
                conn = self._idle.pop() if self._idle else None
            local.conn = conn if conn is not None else self._open()
        local.depth = depth + 1
        return local.conn

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        local = self._local
        local.depth -= 1
        if local.depth:
            return
        conn, local.conn = local.conn, None
        with self._guard:
            if not self._closed and len(self._idle) < self._keep and self._usable(conn):
                self._idle.append(conn)
                return
        _close(conn)

    def close(self) -> None:
        """Close the idle connections and the first one; connections still lent close when returned."""
        with self._guard:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in [*idle, self._first]:
            _close(conn)


def _close(conn: Any) -> None:
    try:
        conn.close()
    except Exception as err:  # noqa: BLE001 - closing must not fail the caller's real work
        log.debug("closing a connection failed: %s", err)

"""Answers of the read API kept while the data they were computed from is unchanged, and computed
a few at a time.

The views ask the same few aggregates again and again (the timeline, map, network and facets of
100,000 events cost 100-400 ms each, mostly Python building and encoding the JSON), and many
analysts looking at one database ask the same ones. ``ReadCache`` keeps a 200 answer of a
cacheable GET together with the store's ``data_version()`` read before it was computed, and
replays it while the version is the same: any commit (an ingest in this server or a CLI
``dateline ingest`` into the same file, a review decision) changes the version, so no answer
outlives the data it shows. A store that cannot tell its version (None) is never cached.

Only paths whose answer depends on nothing but the URL and the data are cached (``CACHED_PATHS``),
and never a request that carries credentials (``Authorization`` or ``Cookie``): an answer that
may differ per user is not replayed to another. The cache sits inside the host, origin and body
guards, so a refused request is refused before it is looked up.

    DATELINE_WEB_CACHE_MB   memory for kept answers (default 64; 0 switches the cache off)
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import anyio

from ..config import env_number

__all__ = ["CACHED_PATHS", "CACHE_MB_ENV", "CacheStats", "ReadCache", "cache_bytes_from_env"]

CACHE_MB_ENV = "DATELINE_WEB_CACHE_MB"
_DEFAULT_MB = 64
# Read endpoints answered from the data alone (a prefix matches itself and what is below it).
CACHED_PATHS = ("/api/stats", "/api/facets", "/api/timeline", "/api/map", "/api/network", "/api/events",
                "/api/onthisday", "/api/documents")
_NOT_CACHED = ("/api/export",)  # streamed, and as large as the database
_CREDENTIALS = (b"authorization", b"cookie")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]


@dataclass(slots=True)
class CacheStats:
    """How many cacheable requests were answered from the cache, and how many were computed."""

    hits: int = 0
    misses: int = 0


@dataclass(frozen=True, slots=True)
class _Answer:
    version: Hashable
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


def cache_bytes_from_env() -> int:
    """$DATELINE_WEB_CACHE_MB in bytes (default 64 MB; 0: no cache)."""
    return int(env_number(CACHE_MB_ENV, float, _DEFAULT_MB, zero="no cache") * 2**20)


def _default_computing() -> int:
    return 2 * (os.cpu_count() or 1)


def _read_of_data(scope: Scope) -> bool:
    """A GET of a read endpoint answered from the data alone (what is limited, and may be kept)."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    path = scope["path"]
    return not path.startswith(_NOT_CACHED) and any(path == p or path.startswith(p + "/") for p in CACHED_PATHS)


def _carries_credentials(scope: Scope) -> bool:
    return any(name in _CREDENTIALS for name, _ in scope["headers"])


class ReadCache:
    """ASGI middleware: replay kept answers of cacheable GETs while ``version()`` is unchanged.

    At most ``computing`` answers are computed at once (default: two per core); the other
    requests wait their turn. Thirty aggregates of 100,000 rows built side by side do not finish
    sooner than one after another: they share the same cores and one interpreter lock, and each
    slows every other one's garbage collection, so unlimited, 30 clients got half the answers per
    second one client gets.

    ``version`` is the store's ``data_version`` (called on the event loop: a few microseconds on
    SQLite, one round trip on PostgreSQL). Least recently used answers go first once their
    bodies pass ``max_bytes``; an answer over a quarter of it is not kept.
    """

    def __init__(self, app: Callable[..., Any], *, version: Callable[[], Hashable | None], max_bytes: int,
                 computing: int | None = None, stats: CacheStats | None = None) -> None:
        self.app, self._version, self.max_bytes = app, version, max_bytes
        self.stats = stats if stats is not None else CacheStats()
        self._slots = anyio.Semaphore(computing or _default_computing())
        self._flights: dict[tuple[str, bytes], anyio.Event] = {}  # keys being computed (event loop only)
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._size = 0
        self._guard = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _read_of_data(scope):
            await self.app(scope, receive, send)
            return
        # with credentials: computed (within the limit) but never kept or replayed
        version = self._version() if self.max_bytes > 0 and not _carries_credentials(scope) else None
        if version is None:
            async with self._slots:
                self.stats.misses += 1
                await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        # Equal requests arriving together wait for the first one's answer instead of each computing it.
        while not await self._replay(key, version, send):
            computing = self._flights.get(key)
            if computing is None:
                break
            await computing.wait()
        else:
            return
        self._flights[key] = done = anyio.Event()
        try:
            async with self._slots:
                self.stats.misses += 1
                await self.app(scope, receive, self._recorder(key, version, send))
        finally:
            del self._flights[key]
            done.set()

    async def _replay(self, key: tuple[str, bytes], version: Hashable, send: Send) -> bool:
        answer = self._get(key, version)
        if answer is None:
            return False
        await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
        await send({"type": "http.response.body", "body": answer.body})
        return True

    def _recorder(self, key: tuple[str, bytes], version: Hashable, send: Send) -> Send:
        """``send``, passing every message on and keeping a complete 200 answer."""
        start: Message = {}
        parts: list[bytes] = []
        keep = True

        async def record(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                parts.append(message.get("body", b""))
                if sum(map(len, parts)) > self.max_bytes // 4:
                    keep, parts[:] = False, []
                elif not message.get("more_body", False):
                    self._put(key, _Answer(version, start["status"], list(start.get("headers", [])), b"".join(parts)))
            await send(message)

        return record

    def _get(self, key: tuple[str, bytes], version: Hashable) -> _Answer | None:
        with self._guard:
            answer = self._answers.get(key)
            if answer is None or answer.version != version:
                return None
            self._answers.move_to_end(key)
            self.stats.hits += 1
            return answer

    def _put(self, key: tuple[str, bytes], answer: _Answer) -> None:
        with self._guard:
            old = self._answers.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._answers[key] = answer
            self._size += len(answer.body)
            while self._size > self.max_bytes and self._answers:
                _, dropped = self._answers.popitem(last=False)
                self._size -= len(dropped.body)

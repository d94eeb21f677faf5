"""What runs on a Dask worker: the engine and store it keeps, and one batch of documents.

A worker process loads the spaCy pipeline, actor registry and gazetteer once
(``engine_for``, cached per process and per ``EngineSpec``) and keeps one store
connection per database URL (``store_for``), so a batch costs only its NLP and
its writes. The extraction itself is ``Engine.extract``, the same code the
single-process ``pipeline.ingest`` runs, with the sources' homes the client read from the store
before the run (``geo/source_homes.py``) shipped with each batch, so that a document is placed as
the single-process run places it.

Writes: with PostgreSQL the worker stores each document itself (one transaction
per document, ``add_document`` stores a document at most once, so a batch run
again after its worker died stores nothing twice). With SQLite, whose single
file cannot be shared by many machines, the worker returns the events and the
client writes them.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..annotate.pipeline import DEFAULT_MODEL
from ..errors import DatelineError
from ..geo.source_homes import StoredHomes
from ..models import Document, Event
from ..pipeline import Engine
from ..store import Store, open_store
from ..store.base import is_postgres_url

if TYPE_CHECKING:
    from ..geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)

STORED, PRESENT, FAILED, EXTRACTED = "stored", "present", "failed", "extracted"
REFRESHED = "refreshed"  # a stored document re-extracted (ingest --refresh)


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """How to load the engine on a worker (paths as the worker sees them; None = the defaults)."""

    gazetteer: str | None = None
    actors: str | None = None
    model: str = DEFAULT_MODEL

    def open_gazetteer(self) -> "Gazetteer":
        """The gazetteer this spec names (the default one, built first if missing, without a path)."""
        from ..geo.gazetteer import Gazetteer

        return Gazetteer(self.gazetteer) if self.gazetteer else Gazetteer.default()

    def load(self) -> Engine:
        from pathlib import Path

        return Engine.load(
            gazetteer=Path(self.gazetteer) if self.gazetteer else None,
            actors=Path(self.actors) if self.actors else None,
            model=self.model,
        )


@dataclass(slots=True)
class DocResult:
    """What became of one document of a batch."""

    document_id: str
    origin: str | None
    status: str  # STORED, PRESENT (already in the store), FAILED, EXTRACTED (events returned to the client), REFRESHED
    events: int = 0
    words: int = 0
    message: str | None = None
    conflicts: int = 0  # REFRESHED: incidents where the machine now disagrees with a person's value
    notices: list[str] = field(default_factory=list)  # REFRESHED: decided events no longer found


@dataclass(slots=True)
class BatchResult:
    """A finished batch: per-document outcomes, and the events when the client is to store them."""

    key: str
    worker: str
    results: list[DocResult]
    extracted: list[tuple[Document, list[Event]]] = field(default_factory=list)
    seconds: float = 0.0


_LOCK = threading.Lock()  # guards the caches: a worker may run with several threads
_ENGINES: dict[EngineSpec, Engine] = {}
_STORES: dict[str, Store] = {}


def engine_for(spec: EngineSpec) -> Engine:
    """This process's engine for ``spec``, loaded on first use and kept."""
    with _LOCK:
        engine = _ENGINES.get(spec)
        if engine is None:
            started = time.perf_counter()
            engine = _ENGINES[spec] = spec.load()
            log.info("worker %s: engine loaded in %.1fs", worker_name(), time.perf_counter() - started)
        return engine


def store_for(db: str) -> Store:
    """This process's store for ``db``, opened on first use and reopened if its connection was lost."""
    with _LOCK:
        store = _STORES.get(db)
        if store is None or not getattr(store, "usable", True):
            store = _STORES[db] = open_store(db)
        return store


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def preload(spec: EngineSpec) -> str:
    """Load the engine now (run on every worker with ``client.run``); returns the worker's name."""
    engine_for(spec)
    return worker_name()


def store_result(store: Store, document: Document, events: list[Event], done: DocResult, *, replace: bool) -> None:
    """Store one document's extraction (a new document, or the re-extraction of a stored one) and
    record the outcome in ``done``; StoreError escapes to the caller."""
    if replace:
        refreshed = store.replace_extraction(document, events)
        done.status, done.conflicts, done.notices = REFRESHED, refreshed.conflicts, refreshed.notices()
    else:
        done.status = STORED if store.add_document(document, events) else PRESENT


def run_batch(key: str, documents: list[Document], *, spec: EngineSpec, db: str | None,
              replace: frozenset[str] = frozenset(), homes: StoredHomes | None = None) -> BatchResult:
    """Extract the events of a batch; store them here when ``db`` is PostgreSQL, else return them.
    Documents named in ``replace`` are stored ones whose extraction is replaced (decisions hold).
    ``homes``: the sources' homes as the store held them when the run began (read, never added to).

    A document that fails is reported in its DocResult and the batch goes on. An
    error that leaves the store unusable (the server went away) is raised, so
    that Dask runs the batch again, on this or another worker.
    """
    started = time.perf_counter()
    engine = engine_for(spec)
    store = store_for(db) if db and is_postgres_url(db) else None
    outcome = BatchResult(key, worker_name(), [])
    for document, result in engine.extract(documents, homes=homes):
        done = DocResult(document.id, document.origin, FAILED, words=document.word_count())
        outcome.results.append(done)
        if isinstance(result, DatelineError):
            done.message = str(result)
            continue
        done.events = len(result)
        if store is None:
            done.status = EXTRACTED
            outcome.extracted.append((document, result))
            continue
        try:
            store_result(store, document, result, done, replace=document.id in replace)
        except DatelineError as err:
            if not getattr(store, "usable", True):
                raise  # lost the connection: let Dask retry the whole batch
            done.message = str(err)
    outcome.seconds = time.perf_counter() - started
    return outcome

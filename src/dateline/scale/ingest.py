"""The driver of a distributed ingest: read, batch, submit, collect, report.

The client reads the sources (the same readers as ``pipeline.ingest``), so every
document's id and content hash are known before any NLP runs: documents already
stored, or repeated within the run, are skipped up front, and each batch gets a
key made from its documents' ids and hashes. Batches are submitted through a
bounded window (a few per worker), so a corpus of millions of documents never
sits in the cluster's memory at once.

The client also reads the sources' homes from the store once, before the run
(``geo/source_homes.py``), and ships each batch the part its documents' sources
need: the same prior ``pipeline.ingest`` passes to its one engine, so ``--workers``
places a document as the single-process run does.

A worker that dies loses no document: the scheduler runs its unfinished batch
again on another worker (Dask's ``allowed-failures``, default 3), and because a
document is stored at most once (``Store.add_document``), what the dead worker
had already written is not written again.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..errors import DatelineError
from ..geo.source_homes import StoredHomes, homes_from_store, source_key
from ..ingest.day_first import DayFirstOption
from ..ingest.sources import DEFAULT_MAX_BYTES
from ..models import Document
from ..pipeline import Failure, IngestReport, documents_from
from ..store import Store, open_store
from ..store.base import is_postgres_url
from .cluster import worker_count
from .tasks import (
    EXTRACTED,
    FAILED,
    PRESENT,
    REFRESHED,
    STORED,
    BatchResult,
    DocResult,
    EngineSpec,
    run_batch,
    store_result,
)

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 8  # documents per task: big enough to amortise scheduling, small enough to balance
BATCHES_PER_WORKER = 3  # submission window: keeps every worker busy while the next batches wait


@dataclass(frozen=True, slots=True)
class Batch:
    """Documents submitted together; the key names their ids and content hashes."""

    key: str
    documents: list[Document]
    replace: frozenset[str] = frozenset()  # ids of stored documents re-extracted (refresh)


def batches(documents: Iterable[Document], *, store: Store, size: int, report: IngestReport,
            refresh: bool = False) -> Iterator[Batch]:
    """New documents in batches of ``size``; stored or repeated ones counted as duplicates and left out
    (with ``refresh``, documents stored under the same id go in as their stored text, to re-extract)."""
    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()
    pending: list[Document] = []
    copies = {copy for copy, _, _ in store.copies()} if refresh and hasattr(store, "copies") else set()

    def flush() -> Iterator[Batch]:
        stored_ids, stored_hashes = store.stored_documents([d.id for d in pending], [d.content_hash for d in pending])
        fresh = []
        replace = set()
        for doc in pending:
            if doc.id in copies:  # a stored copy keeps no incidents of its own (the original's are its)
                report.copies += 1
            elif refresh and doc.id in stored_ids:
                stored = store.get_document(doc.id)
                if stored.content_hash != doc.content_hash:
                    report.failures.append(Failure(doc.origin or doc.id, "the stored text of this document differs from "
                                                   "the input's; --refresh re-extracts stored text, so nothing was changed"))
                    continue
                fresh.append(stored)
                replace.add(stored.id)
            elif doc.id in stored_ids or doc.content_hash in stored_hashes:
                report.duplicates += 1
            else:
                fresh.append(doc)
        pending.clear()
        if fresh:
            mark = "refresh\n" if replace else ""
            digest = hashlib.sha1((mark + "\n".join(f"{d.id}\t{d.content_hash}" for d in fresh)).encode("utf-8"))
            yield Batch(f"dateline-batch-{digest.hexdigest()}", fresh, frozenset(replace))

    for doc in documents:
        if doc.id in seen_ids or doc.content_hash in seen_hashes:
            report.duplicates += 1  # the same article twice in this run
            continue
        seen_ids.add(doc.id)
        seen_hashes.add(doc.content_hash)
        pending.append(doc)
        if len(pending) >= size:
            yield from flush()
    if pending:
        yield from flush()


class ClusterProgress:
    """One line on stderr for the whole cluster: documents done, failed, words/s, workers."""

    def __init__(self, client, *, enabled: bool, every_s: float = 0.5) -> None:
        self.client = client
        self.enabled = enabled
        self.every_s = every_s
        self.started = time.perf_counter()
        self.last = 0.0
        self.done = self.failed = self.words = 0

    def update(self, results: Sequence[DocResult]) -> None:
        for result in results:
            self.done += 1
            self.failed += result.status == FAILED
            self.words += result.words if result.status != FAILED else 0
        now = time.perf_counter()
        if self.enabled and now - self.last >= self.every_s:
            self.last = now
            sys.stderr.write("\r" + self.line() + " ")
            sys.stderr.flush()

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (f"{self.done} documents done, {self.failed} failed, {self.words / elapsed:,.0f} words/s, "
                f"{worker_count(self.client)} worker(s)")

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + self.line() + "\n")
            sys.stderr.flush()


def distributed_ingest(
    sources: Sequence[str],
    *,
    db: str,
    client,
    spec: EngineSpec | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    day_first: DayFirstOption = False,
    progress: bool = False,
    on_batch: Callable[[BatchResult], None] | None = None,
    refresh: bool = False,
    source_homes: bool = True,
) -> IngestReport:
    """Ingest ``sources`` into ``db`` on the cluster behind ``client``; the report of pipeline.ingest.
    With ``refresh``, stored documents are re-extracted as ``pipeline.refresh`` does (every stored
    document when ``sources`` is empty), their decisions holding.

    PostgreSQL: workers write. SQLite: the client writes what the workers return.
    ``on_batch`` is called with each finished batch (after its documents are stored).
    ``source_homes``: as in ``pipeline.ingest``: each source's home, read from the store before the
    run (with the gazetteer of ``spec``), a weak prior for every document of the run.
    """
    from distributed import as_completed

    spec = spec or EngineSpec()
    report = IngestReport()
    started = time.perf_counter()
    worker_writes = is_postgres_url(db)
    with open_store(db) as store:  # creates or migrates the schema before any worker writes
        bar = ClusterProgress(client, enabled=progress)
        window = as_completed()
        submitted: dict[str, Batch] = {}
        homes = homes_from_store(store, spec.open_gazetteer()) if source_homes else None
        if refresh and not sources:
            from ..pipeline import stored_documents

            documents = stored_documents(store)
        else:
            documents = documents_from(sources, report=report, max_bytes=max_bytes, day_first=day_first)
        todo = batches(documents, store=store, size=batch_size, report=report, refresh=refresh)

        def submit_more() -> None:
            limit = BATCHES_PER_WORKER * worker_count(client)
            while len(submitted) < limit:
                batch = next(todo, None)
                if batch is None:
                    return
                submitted[batch.key] = batch
                window.add(client.submit(run_batch, batch.key, batch.documents, spec=spec, replace=batch.replace,
                                         homes=_batch_homes(homes, batch), db=db if worker_writes else None,
                                         key=batch.key, retries=2))

        try:
            submit_more()
            for future in window:
                batch = submitted.pop(future.key)
                outcome = _collect(future, batch, store=store, worker_writes=worker_writes)
                future.release()
                _account(outcome, report)
                bar.update(outcome.results)
                if on_batch:
                    on_batch(outcome)
                submit_more()
        finally:
            bar.close()
    report.seconds = time.perf_counter() - started
    return report


def _batch_homes(homes: StoredHomes | None, batch: Batch) -> StoredHomes | None:
    """What the batch's documents read of the run's homes (a task carries its own, however many
    sources the store holds)."""
    if homes is None:
        return None
    sources = {source_key(url=d.url, source=d.source) for d in batch.documents}
    return homes.restricted(sources, [d.id for d in batch.documents])


def _collect(future, batch: Batch, *, store: Store, worker_writes: bool) -> BatchResult:
    """The batch's result, with its documents stored by the client when workers do not write."""
    try:
        outcome: BatchResult = future.result()
    except Exception as err:  # noqa: BLE001 - any task error (KilledWorker, a bug) fails this batch only
        log.warning("batch %s failed: %s", batch.key, err)
        reason = f"batch failed on the cluster: {type(err).__name__}: {err}"
        return BatchResult(batch.key, "?", [DocResult(d.id, d.origin, FAILED, message=reason) for d in batch.documents])
    if worker_writes:
        return outcome
    by_id = {r.document_id: r for r in outcome.results}
    for document, events in outcome.extracted:
        done = by_id[document.id]
        try:
            store_result(store, document, events, done, replace=document.id in batch.replace)
        except DatelineError as err:
            done.status, done.message = FAILED, str(err)
    outcome.extracted = []
    return outcome


def _account(outcome: BatchResult, report: IngestReport) -> None:
    """Add a batch's outcomes to the report.

    PRESENT counts as stored: the batch's documents were not in the store when the
    run began, so a PRESENT one was written by an earlier attempt of this very
    batch (a worker that died after committing it).
    """
    for result in outcome.results:
        if result.status == REFRESHED:
            report.refreshed += 1
            report.events += result.events
            report.words += result.words
            report.conflicts += result.conflicts
            report.notices += [Failure(result.origin or result.document_id, line) for line in result.notices]
        elif result.status in (STORED, PRESENT):
            report.documents += 1
            report.events += result.events
            report.words += result.words
        elif result.status == FAILED:
            report.failures.append(Failure(result.origin or result.document_id, result.message or "failed"))
        elif result.status == EXTRACTED:  # the client was to store it and did not: a bug, said loudly
            report.failures.append(Failure(result.document_id, "extracted but not stored"))

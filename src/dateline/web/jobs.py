"""Background ingest jobs: documents added from the browser are extracted by one worker thread.

One worker is enough (the NLP pipeline is CPU-bound and the machine small) and keeps writes
serial. URLs are fetched for whoever used the browser, so by default through a client that
refuses the server's own network (ingest/guard.py). The engine (spaCy model, gazetteer, actor
registry) is loaded on the first job, or handed in ready-made by whoever created the app.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..ingest.guard import FetchPolicy
from ..ingest.url import is_url, new_client
from ..store.base import Store

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass
class Job:
    """One batch of inputs to ingest, and what became of it."""

    id: str
    label: str
    sources: list[str]
    status: str = QUEUED
    processed: int = 0  # documents read so far (stored, duplicate or failed)
    documents: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    message: str = ""
    created: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    workdir: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "status": self.status, "inputs": len(self.sources),
            "processed": self.processed, "documents": self.documents, "duplicates": self.duplicates,
            "events": self.events, "failures": self.failures, "message": self.message, "created": self.created,
        }


class JobRunner:
    """A queue of ingest jobs worked off by one daemon thread.

    ``fetch_policy`` decides which addresses URLs may be fetched from (default: public ones
    only); None fetches any address.
    """

    def __init__(self, store: Store, *, engine: Any | None = None, engine_loader: Callable[[], Any] | None = None,
                 fetch_policy: FetchPolicy | None = FetchPolicy()) -> None:  # noqa: B008 - frozen, shared safely
        self._store = store
        self._fetch_policy = fetch_policy
        self._engine = engine
        self._engine_loader = engine_loader
        self._jobs: dict[str, Job] = {}
        self._ids = itertools.count(1)
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # -- submitting ---------------------------------------------------------------

    def submit_texts(self, label: str, files: list[tuple[str, bytes]], urls: list[str] = ()) -> Job:  # type: ignore[assignment]
        """Queue uploaded or pasted files (name, content) and URLs; they are written to a private temp folder."""
        workdir = Path(tempfile.mkdtemp(prefix="dateline-upload-"))
        sources: list[str] = []
        for i, (name, content) in enumerate(files):
            safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in Path(name).name) or "document.txt"
            path = workdir / f"{i:03d}-{safe}"
            path.write_bytes(content)
            sources.append(str(path))
        sources += list(urls)
        with self._lock:
            job = Job(id=str(next(self._ids)), label=label, sources=sources, workdir=workdir)
            self._jobs[job.id] = job
        self._queue.put(job)
        self._ensure_worker()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: int(j.id), reverse=True)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the queue is empty (tests and shutdown); False on timeout."""
        done = threading.Event()
        threading.Thread(target=lambda: (self._queue.join(), done.set()), daemon=True).start()
        return done.wait(timeout)

    def close(self) -> None:
        """Stop the worker after the current job."""
        if self._thread is not None:
            self._queue.put(None)

    # -- working ------------------------------------------------------------------

    def _ensure_worker(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="dateline-ingest", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                self._run(job)
            finally:
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        from ..pipeline import ingest

        job.status = RUNNING
        try:
            if self._engine is None:
                job.message = "loading the language model"
                self._engine = (self._engine_loader or _load_engine)()
            job.message = "extracting events"

            def progress(_origin: str) -> None:
                job.processed += 1

            client = new_client(policy=self._fetch_policy) if any(map(is_url, job.sources)) else None
            try:
                report = ingest(job.sources, store=self._store, engine=self._engine, on_document=progress,
                                http_client=client)
            finally:
                if client is not None:
                    client.close()
        except DatelineError as err:
            job.status, job.message = FAILED, str(err)
            log.warning("ingest job %s failed: %s", job.id, err)
            return
        finally:
            if job.workdir is not None:
                shutil.rmtree(job.workdir, ignore_errors=True)
        job.documents, job.duplicates, job.events = report.documents, report.duplicates, report.events
        job.failures = [str(f) for f in report.failures]
        job.status = DONE if report.documents or report.duplicates or not report.failures else FAILED
        job.message = report.summary()
        log.info("ingest job %s: %s", job.id, job.message)


def _load_engine() -> Any:
    from ..pipeline import Engine

    return Engine.load()

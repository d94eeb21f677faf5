"""Background ingest jobs: documents added from the browser, queued in the store and extracted by a
worker thread of whichever server process claims them.

The jobs and their inputs live in the database (store/jobs.py), so every process serving it
(``dateline serve --workers N``) reports the same jobs, and one job runs at a time over the whole
database (the NLP pipeline is CPU-bound and the machine small; writes are serial anyway). The
process that queues a job wakes its own worker, which claims queued jobs until none is left,
waiting while another process runs one. A running job's heartbeat is renewed every few seconds;
a job whose process stopped is shown failed ("interrupted"), never "running" forever.

URLs are fetched for whoever used the browser, so by default through a client that refuses the
server's own network (ingest/guard.py). The engine (spaCy model, gazetteer, actor registry) is
loaded on the first job this process runs, or handed in ready-made by whoever created the app.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError, StoreError
from ..ingest.guard import FetchPolicy
from ..ingest.url import is_url, new_client
from ..store.jobs import DONE, FAILED, QUEUED, RUNNING, JobRecord, interrupted_message, is_interrupted
from .owners import new_owner, owner_gone, release

log = logging.getLogger(__name__)

__all__ = ["DONE", "FAILED", "QUEUED", "RUNNING", "Job", "JobRunner"]

HEARTBEAT_S = 5.0  # how often a running job tells it is alive
STALE_S = 60.0  # a running job silent this long is taken for interrupted
POLL_S = 1.0  # how often a worker looks again while another process runs a job
LISTED = 100  # jobs listed by all()


def _now_text(timespec: str = "microseconds") -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec=timespec)


@dataclass
class Job:
    """One batch of inputs to ingest, and what became of it, as the API shows it."""

    id: str
    label: str
    inputs: int
    status: str = QUEUED
    processed: int = 0  # documents read so far (stored, duplicate or failed)
    documents: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    message: str = ""
    created: str = ""

    @classmethod
    def from_record(cls, record: JobRecord, *, stale_s: float = STALE_S) -> Job:
        status, message = record.status, record.message
        if is_interrupted(record, now=time.time(), stale_s=stale_s, gone=owner_gone):
            status, message = FAILED, interrupted_message(record)
        return cls(str(record.id), record.label, record.inputs, status, record.processed, record.documents,
                   record.duplicates, record.events, list(record.failures), message, record.created_at)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "status": self.status, "inputs": self.inputs,
            "processed": self.processed, "documents": self.documents, "duplicates": self.duplicates,
            "events": self.events, "failures": self.failures, "message": self.message, "created": self.created,
        }


class JobRunner:
    """Queues ingest jobs in ``store`` and runs them on a daemon thread of this process.

    ``fetch_policy`` decides which addresses URLs may be fetched from (default: public ones
    only); None fetches any address. ``stale_s``: a running job whose heartbeat is older is
    taken for interrupted.
    """

    def __init__(self, store: Any, *, engine: Any | None = None, engine_loader: Callable[[], Any] | None = None,
                 fetch_policy: FetchPolicy | None = FetchPolicy(),  # noqa: B008 - frozen, shared safely
                 heartbeat_s: float = HEARTBEAT_S, stale_s: float = STALE_S, poll_s: float = POLL_S) -> None:
        self._store = store
        self._fetch_policy = fetch_policy
        self._engine = engine
        self._engine_loader = engine_loader
        self._heartbeat_s, self._stale_s, self._poll_s = heartbeat_s, stale_s, poll_s
        self.owner = new_owner()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pending = False  # a job was queued since the worker last looked
        self._stopping = threading.Event()

    # -- submitting and reading ---------------------------------------------------

    def submit_texts(self, label: str, files: list[tuple[str, bytes]], urls: list[str] = ()) -> Job:  # type: ignore[assignment]
        """Queue uploaded or pasted files (name, content) and URLs; the job as queued."""
        job_id = self._store.add_job(label, files, list(urls), created_at=_now_text("seconds"))
        self._wake()
        found = self.get(str(job_id))
        assert found is not None  # just stored
        return found

    def get(self, job_id: str) -> Job | None:
        if not job_id.isdigit() or len(job_id) > 18:
            return None
        record = self._store.job(int(job_id))
        return Job.from_record(record, stale_s=self._stale_s) if record else None

    def all(self) -> list[Job]:
        """The newest jobs, newest first."""
        return [Job.from_record(r, stale_s=self._stale_s) for r in self._store.jobs(limit=LISTED)]

    def start(self) -> None:
        """Work off jobs left queued in the store (by a process that stopped before running them)."""
        if self._store.has_queued_jobs():
            self._wake()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no job of the store is queued or running (tests); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while any(j.status in (QUEUED, RUNNING) for j in self.all()):
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def close(self) -> None:
        """Stop the worker; a job it is running is recorded as interrupted (the store closes next)."""
        self._stopping.set()
        release(self.owner)
        try:
            self._store.abandon_jobs(self.owner, "interrupted: the server stopped while it ran"
                                     " (add the inputs again; documents already stored are skipped)",
                                     finished_at=_now_text())
        except StoreError as err:
            log.warning("could not record the running job as interrupted: %s", err)

    # -- working ------------------------------------------------------------------

    def _wake(self) -> None:
        with self._lock:
            self._pending = True
            if self._thread is None and not self._stopping.is_set():
                self._thread = threading.Thread(target=self._work, name="dateline-ingest", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        try:
            while not self._stopping.is_set():
                with self._lock:
                    self._pending = False
                record = self._store.claim_job(self.owner, clock=lambda: (time.time(), _now_text()), stale_s=self._stale_s,
                                               gone=owner_gone)
                if record is not None:
                    self._run(record)
                    continue
                if self._store.has_queued_jobs():  # another process runs one: look again soon
                    self._stopping.wait(self._poll_s)
                    continue
                with self._lock:
                    if not self._pending:
                        return
        except StoreError as err:  # the store closed under a stopping server, or the database failed
            log.warning("the ingest worker stopped: %s", err)
        finally:
            with self._lock:
                self._thread = None

    def _run(self, record: JobRecord) -> None:
        from ..pipeline import ingest

        processed = 0
        workdir = Path(tempfile.mkdtemp(prefix="dateline-job-"))
        try:
            with _Heartbeat(self, record.id):
                sources = _write_inputs(self._store.job_inputs(record.id), workdir)
                if self._engine is None:
                    self._progress(record.id, message="loading the language model")
                    self._engine = (self._engine_loader or _load_engine)()
                self._progress(record.id, message="extracting events")

                def progress(_origin: str) -> None:
                    nonlocal processed
                    processed += 1
                    try:
                        self._progress(record.id, processed=processed)
                    except StoreError as err:  # progress shown late beats an ingest stopped
                        log.warning("job %s: progress not recorded: %s", record.id, err)

                client = new_client(policy=self._fetch_policy) if any(map(is_url, sources)) else None
                try:
                    report = ingest(sources, store=self._store, engine=self._engine, on_document=progress,
                                    http_client=client)
                finally:
                    if client is not None:
                        client.close()
        except Exception as err:  # noqa: BLE001 - whatever went wrong, the job ends failed, with why
            message = str(err) if isinstance(err, DatelineError) else f"internal error: {type(err).__name__}: {err}"
            log.log(logging.WARNING if isinstance(err, DatelineError) else logging.ERROR,
                    "ingest job %s failed: %s", record.id, message, exc_info=not isinstance(err, DatelineError))
            self._store.finish_job(record.id, self.owner, status=FAILED, documents=0, duplicates=0, events=0,
                                   processed=processed, failures=[], message=message, finished_at=_now_text())
            return
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        status = DONE if report.documents or report.duplicates or not report.failures else FAILED
        self._store.finish_job(record.id, self.owner, status=status, documents=report.documents,
                               duplicates=report.duplicates, events=report.events, processed=processed,
                               failures=[str(f) for f in report.failures], message=report.summary(),
                               finished_at=_now_text())
        log.info("ingest job %s: %s", record.id, report.summary())

    def _progress(self, job_id: int, *, processed: int | None = None, message: str | None = None) -> None:
        self._store.job_progress(job_id, self.owner, heartbeat_at=time.time(), processed=processed, message=message)


class _Heartbeat:
    """Renews a running job's heartbeat from a thread of its own while the job runs."""

    def __init__(self, runner: JobRunner, job_id: int) -> None:
        self._runner, self._job_id = runner, job_id
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"dateline-job-{job_id}-heartbeat", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _beat(self) -> None:
        while not self._done.wait(self._runner._heartbeat_s):
            try:
                self._runner._progress(self._job_id)
            except StoreError as err:  # a busy database: the next beat may pass
                log.warning("job %s: heartbeat not recorded: %s", self._job_id, err)


def _write_inputs(inputs: list[tuple[str, bytes | None]], workdir: Path) -> list[str]:
    """The job's files written into ``workdir`` under safe names, then its URLs, as ingest sources."""
    sources: list[str] = []
    for i, (name, content) in enumerate(inputs):
        if content is None:
            sources.append(name)
            continue
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in Path(name).name) or "document.txt"
        path = workdir / f"{i:03d}-{safe}"
        path.write_bytes(content)
        sources.append(str(path))
    return sources


def _load_engine() -> Any:
    from ..pipeline import Engine

    return Engine.load()

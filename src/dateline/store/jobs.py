"""Ingest jobs in the store: what was asked, who runs it, how far it got (schema 12).

A job is queued with its inputs (uploaded files' bytes, URLs), so any process on the database may
run it. ``claim_job`` takes the oldest queued job in one transaction, and only while no live job
runs: one job at a time over the whole database, as the NLP pipeline is CPU-bound and writes are
serial anyway. A running job's process renews its heartbeat; a job whose heartbeat went stale, or
whose process is known to be gone, is failed ("interrupted") by the next claim and shown as failed
before that (``is_interrupted``), never "running" forever.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import StoreError

__all__ = ["DONE", "FAILED", "JOB_STATUSES", "QUEUED", "RUNNING", "JobRecord", "JobStore", "is_interrupted"]

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
JOB_STATUSES = (QUEUED, RUNNING, DONE, FAILED)
_COLUMNS = ("id, label, status, inputs, processed, documents, duplicates, events, failures, message, created_at,"
            " started_at, finished_at, owner, heartbeat_at")

OwnerGone = Callable[[str], bool]  # whether the process an owner token names is known to have stopped


@dataclass(frozen=True, slots=True)
class JobRecord:
    """One stored job."""

    id: int
    label: str
    status: str
    inputs: int
    processed: int = 0
    documents: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    message: str = ""
    created_at: str = ""
    started_at: str | None = None
    finished_at: str | None = None
    owner: str | None = None
    heartbeat_at: float | None = None


def _record(row: Sequence[Any]) -> JobRecord:
    values = list(row)
    values[8] = json.loads(values[8] or "[]")
    return JobRecord(*values)


def is_interrupted(job: JobRecord, *, now: float, stale_s: float, gone: OwnerGone) -> bool:
    """Whether a running job's process stopped: its heartbeat is older than ``stale_s`` or ``gone`` says so."""
    if job.status != RUNNING:
        return False
    stale = job.heartbeat_at is None or job.heartbeat_at < now - stale_s
    return stale or (job.owner is not None and gone(job.owner))


def interrupted_message(job: JobRecord) -> str:
    return f"interrupted: the server process running it stopped after {job.processed} of {job.inputs} inputs" \
           " (add them again; documents already stored are skipped)"


class JobStore:
    """The job methods of a DB-API store (needs ``_transaction``, ``_sql``, ``_lock``, ``_conn``,
    ``driver_errors`` and ``_serialize_jobs``, which holds other claims off until the transaction ends)."""

    def _serialize_jobs(self, conn: Any) -> None:
        """Nothing: SQLite's BEGIN IMMEDIATE already lets one writer in at a time."""

    def _job_error(self, what: str, err: BaseException, where: object = "jobs") -> StoreError:
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        return StoreError(f"{what} failed: {first}", where=str(where))

    def add_job(self, label: str, files: Sequence[tuple[str, bytes]], urls: Sequence[str], *, created_at: str) -> int:
        """Queue a job for these files (name, content) and URLs; its id."""
        try:
            with self._transaction() as conn:
                row = conn.execute(self._sql(
                    "INSERT INTO jobs (label, status, inputs, created_at) VALUES (?, ?, ?, ?) RETURNING id"),
                    (label, QUEUED, len(files) + len(urls), created_at)).fetchone()
                job_id = int(row[0])
                inputs = [(job_id, i, name, content) for i, (name, content) in enumerate(files)]
                inputs += [(job_id, len(files) + i, url, None) for i, url in enumerate(urls)]
                for values in inputs:
                    conn.execute(self._sql("INSERT INTO job_inputs (job_id, idx, name, content) VALUES (?, ?, ?, ?)"), values)
        except self.driver_errors as err:
            raise self._job_error("queueing the job", err, label) from err
        return job_id

    def job(self, job_id: int) -> JobRecord | None:
        """The job of this id, None when there is none."""
        try:
            with self._lock:
                row = self._conn.execute(self._sql(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?"), (job_id,)).fetchone()
        except self.driver_errors as err:
            raise self._job_error("reading the job", err, job_id) from err
        return _record(row) if row else None

    def jobs(self, *, limit: int = 100) -> list[JobRecord]:
        """The newest ``limit`` jobs, newest first."""
        try:
            with self._lock:
                rows = self._conn.execute(self._sql(f"SELECT {_COLUMNS} FROM jobs ORDER BY id DESC LIMIT ?"),
                                          (limit,)).fetchall()
        except self.driver_errors as err:
            raise self._job_error("listing jobs", err) from err
        return [_record(r) for r in rows]

    def has_queued_jobs(self) -> bool:
        try:
            with self._lock:
                return self._conn.execute(self._sql("SELECT 1 FROM jobs WHERE status = ? LIMIT 1"),
                                          (QUEUED,)).fetchone() is not None
        except self.driver_errors as err:
            raise self._job_error("reading the job queue", err) from err

    def claim_job(self, owner: str, *, clock: Callable[[], tuple[float, str]], stale_s: float,
                  gone: OwnerGone) -> JobRecord | None:
        """Fail the running jobs whose process stopped, then, unless a live job still runs, make the
        oldest queued job this owner's; None when there is nothing to take now. ``clock()``: the moment as
        seconds since the epoch and as ISO text, read once the queue is this claim's alone (read before,
        a claim that waited for another process's finish would start before that job ended)."""
        try:
            with self._transaction() as conn:
                self._serialize_jobs(conn)
                now, at = clock()
                running = [_record(r) for r in conn.execute(
                    self._sql(f"SELECT {_COLUMNS} FROM jobs WHERE status = ?"), (RUNNING,)).fetchall()]
                live = False
                for job in running:
                    if is_interrupted(job, now=now, stale_s=stale_s, gone=gone):
                        self._end_job(conn, job.id, FAILED, interrupted_message(job), at)
                    else:
                        live = True
                if live:
                    return None
                row = conn.execute(self._sql("SELECT id FROM jobs WHERE status = ? ORDER BY id LIMIT 1"),
                                   (QUEUED,)).fetchone()
                if row is None:
                    return None
                conn.execute(self._sql(
                    "UPDATE jobs SET status = ?, owner = ?, heartbeat_at = ?, started_at = ? WHERE id = ? AND status = ?"),
                    (RUNNING, owner, now, at, row[0], QUEUED))
                claimed = conn.execute(self._sql(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?"), (row[0],)).fetchone()
        except self.driver_errors as err:
            raise self._job_error("claiming a job", err) from err
        return _record(claimed)

    def job_inputs(self, job_id: int) -> list[tuple[str, bytes | None]]:
        """The job's inputs in order: (file name, bytes) for a file, (URL, None) for a URL."""
        try:
            with self._lock:
                rows = self._conn.execute(self._sql("SELECT name, content FROM job_inputs WHERE job_id = ? ORDER BY idx"),
                                          (job_id,)).fetchall()
        except self.driver_errors as err:
            raise self._job_error("reading the job's inputs", err, job_id) from err
        return [(name, bytes(content) if content is not None else None) for name, content in rows]

    def job_progress(self, job_id: int, owner: str, *, heartbeat_at: float, processed: int | None = None,
                     message: str | None = None) -> bool:
        """Renew the heartbeat of this owner's running job (and its progress); False when the job is no
        longer this owner's running job (it was failed as interrupted)."""
        sets, params = ["heartbeat_at = ?"], [heartbeat_at]
        if processed is not None:
            sets.append("processed = ?")
            params.append(processed)
        if message is not None:
            sets.append("message = ?")
            params.append(message)
        try:
            with self._transaction() as conn:
                cursor = conn.execute(self._sql(f"UPDATE jobs SET {', '.join(sets)} WHERE id = ? AND owner = ? AND status = ?"),
                                      (*params, job_id, owner, RUNNING))
                return bool(cursor.rowcount)
        except self.driver_errors as err:
            raise self._job_error("recording the job's progress", err, job_id) from err

    def finish_job(self, job_id: int, owner: str, *, status: str, documents: int, duplicates: int, events: int,
                   processed: int, failures: Sequence[str], message: str, finished_at: str) -> None:
        """Record how this owner's job ended and drop its inputs. What it did is written even when it had
        been taken for interrupted meanwhile (a stalled heartbeat): the documents are stored."""
        if status not in (DONE, FAILED):
            raise StoreError(f"a job ends done or failed, not {status!r}", where=str(job_id))
        try:
            with self._transaction() as conn:
                conn.execute(self._sql(
                    "UPDATE jobs SET status = ?, documents = ?, duplicates = ?, events = ?, processed = ?, failures = ?,"
                    " message = ?, finished_at = ? WHERE id = ? AND owner = ?"),
                    (status, documents, duplicates, events, processed, json.dumps(list(failures)), message, finished_at,
                     job_id, owner))
                conn.execute(self._sql("DELETE FROM job_inputs WHERE job_id = ?"), (job_id,))
        except self.driver_errors as err:
            raise self._job_error("recording the job's end", err, job_id) from err

    def abandon_jobs(self, owner: str, message: str, *, finished_at: str) -> int:
        """Fail this owner's running jobs (its server is stopping); how many there were."""
        try:
            with self._transaction() as conn:
                ids = [r[0] for r in conn.execute(self._sql("SELECT id FROM jobs WHERE owner = ? AND status = ?"),
                                                  (owner, RUNNING)).fetchall()]
                for job_id in ids:
                    self._end_job(conn, job_id, FAILED, message, finished_at)
        except self.driver_errors as err:
            raise self._job_error("stopping the jobs", err, owner) from err
        return len(ids)

    def _end_job(self, conn: Any, job_id: int, status: str, message: str, finished_at: str) -> None:
        conn.execute(self._sql("UPDATE jobs SET status = ?, message = ?, finished_at = ? WHERE id = ?"),
                     (status, message, finished_at, job_id))
        conn.execute(self._sql("DELETE FROM job_inputs WHERE job_id = ?"), (job_id,))

"""Distributed ingest on a real LocalCluster: a worker killed mid-run loses no document and stores none twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.query import EventFilter
from dateline.scale import BatchResult, connect, distributed_ingest
from dateline.store import open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark corpus once (20 documents, about 17,000 words) in a directory."""
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    write_corpus(folder, copies=1)
    return folder


@pytest.fixture(scope="module")
def expected(corpus: Path, engine) -> dict[str, set[str]]:
    """Event ids per document from the single-process pipeline: what the cluster must store."""
    from dateline.pipeline import extract_sources

    return {doc.id: {e.event_id for e in events} for doc, events in extract_sources([str(corpus)], engine=engine)}


@pytest.fixture(scope="module")
def client():
    with connect(workers=2) as opened:
        yield opened


class KillOneWorker:
    """After the first finished batch, SIGKILL a worker process that is in the middle of a batch."""

    def __init__(self, client) -> None:
        self.client = client
        self.killed_keys: list[str] = []
        self.finished: dict[str, str] = {}  # batch key -> worker that finished it

    def __call__(self, outcome: BatchResult) -> None:
        self.finished[outcome.key] = outcome.worker
        if self.killed_keys:
            return
        busy = {addr: keys for addr, keys in self.client.processing().items() if keys}
        if not busy:
            return
        address, keys = next(iter(busy.items()))
        pid = self.client.run(os.getpid, workers=[address])[address]
        self.killed_keys = list(keys)
        self.killed_pid = pid
        os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("backend", ["postgres", "sqlite"])
def test_killed_worker_loses_nothing_and_stores_nothing_twice(
    backend: str, client, corpus: Path, expected: dict[str, set[str]], request: pytest.FixtureRequest, tmp_path: Path,
    engine,
) -> None:
    db = request.getfixturevalue("pg_url") if backend == "postgres" else str(tmp_path / "scale.db")
    killer = KillOneWorker(client)
    report = distributed_ingest([str(corpus)], db=db, client=client, batch_size=2, on_batch=killer)

    assert killer.killed_keys, "no worker was busy when the first batch finished"
    for key in killer.killed_keys:  # the dead worker's batch was finished by a live worker process
        assert key in killer.finished
        assert not killer.finished[key].endswith(f":{killer.killed_pid}")
    assert report.ok, report.failures
    assert report.documents == len(expected) and report.duplicates == 0
    with open_store(db) as store:
        stats = store.stats()
        stored = store.events(EventFilter(include_flagged=True))
        listed = [d.id for d in store.documents()]
    assert sorted(listed) == sorted(expected)  # each document exactly once
    by_document: dict[str, set[str]] = {doc_id: set() for doc_id in expected}
    for event in stored:
        by_document[event.document_id].add(event.event_id)
    assert by_document == expected  # the events of the single-process pipeline, none lost, none extra
    assert stats["events"] == len(stored) == report.events == sum(len(v) for v in expected.values())

    again = distributed_ingest([str(corpus)], db=db, client=client, batch_size=2)
    assert again.documents == 0 and again.duplicates == len(expected)

    # the incidents do not depend on which worker stored which document first: a serial run agrees
    from dateline.pipeline import ingest

    with open_store(tmp_path / "serial.db") as serial:
        ingest([str(corpus)], store=serial, engine=engine, source_homes=False)
        want = incident_sets(serial)
    with open_store(db) as store:
        got = incident_sets(store)
    assert got == want and len(got) > 0


def incident_sets(store) -> set[tuple[str, ...]]:
    """Each incident as the sorted ids of its mentions."""
    rows = store.incidents(EventFilter(include_flagged=True))
    details = store.incident_details([r.event_id for r in rows])
    return {tuple(sorted(details[r.event_id].mention_ids)) for r in rows}


@pytest.mark.slow  # a cluster of worker processes, each loading the full model
def test_cli_ingest_on_local_workers(request: pytest.FixtureRequest, sample_path: Path) -> None:
    """`dateline ingest --workers 2 --db postgresql://...`, then the other commands read that database."""
    url = request.getfixturevalue("pg_url")
    dateline = [str(Path(sys.executable).with_name("dateline"))]
    run = subprocess.run([*dateline, "ingest", str(sample_path), "--workers", "2", "--db", url, "--progress"],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert "1 document(s) stored" in run.stderr and "documents done" in run.stderr
    listed = subprocess.run([*dateline, "events", "--all", "--format", "jsonl", "--db", url],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    with open_store(url) as store:
        assert len(records) == store.stats()["events"] > 0
    searched = subprocess.run([*dateline, "search", "Maysan", "--format", "json", "--db", url],
                              capture_output=True, text=True, timeout=60)
    assert searched.returncode == 0 and json.loads(searched.stdout), searched.stderr


def test_workers_and_scheduler_together_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, ["ingest", "x.txt", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "not both" in result.output


@pytest.mark.parametrize("backend", ["postgres", "sqlite"])
@pytest.mark.slow  # a cluster of worker processes, each loading the full model
def test_refresh_on_the_cluster_keeps_decisions(backend: str, client, sample_path: Path, request: pytest.FixtureRequest,
                                                tmp_path: Path) -> None:
    """`ingest --refresh --workers`: stored documents are re-extracted on the workers (PostgreSQL: the
    workers write; SQLite: the client), their extraction replaced and people's decisions kept."""
    from dateline import review

    db = request.getfixturevalue("pg_url") if backend == "postgres" else str(tmp_path / "refresh.db")
    first = distributed_ingest([str(sample_path)], db=db, client=client)
    assert first.documents == 1 and first.ok
    with open_store(db) as store:
        before = store.stats()
        counted = store.incidents()
        edited, rejected = counted[0], counted[-1]
        review.edit(store, edited.event_id, {"fatalities": "99"}, author="ana", follow=False)
        review.reject(store, rejected.event_id, reason="not an event", author="ana")
    report = distributed_ingest([], db=db, client=client, refresh=True)
    assert report.ok, report.failures
    assert report.refreshed == 1 and report.documents == 0 and report.duplicates == 0
    with open_store(db) as store:
        assert store.stats()["events"] == before["events"]  # replaced, not added beside the old ones
        assert store.resolve_incident(edited.event_id).record.fatalities == 99
        assert store.review_of(rejected.event_id).status == "rejected"
        assert rejected.event_id not in {i.event_id for i in store.incidents()}


@pytest.mark.parametrize("backend", ["postgres", "sqlite"])
def test_the_cluster_reads_the_same_source_homes(backend: str, client, engine, request: pytest.FixtureRequest,
                                                 tmp_path: Path) -> None:
    """The same stored state, then the same batch on the cluster and in one process: the same places.
    The client reads the sources' homes from the store and ships them with the tasks, so the Town
    Talk's "Alexandria" is its home's, Louisiana, on the workers too (not Egypt's)."""
    from dateline.pipeline import ingest
    from test_source_homes_prior import BATCH, HISTORY, _jsonl, places

    history = _jsonl(tmp_path / "history.jsonl", HISTORY)
    batch = _jsonl(tmp_path / "batch.jsonl", BATCH)
    plain, spread = str(tmp_path / "plain.db"), (request.getfixturevalue("pg_url") if backend == "postgres"
                                                 else str(tmp_path / "spread.db"))
    for db in (plain, spread):
        with open_store(db) as store:
            assert ingest([history], store=store, engine=engine).documents == 2
    with open_store(plain) as store:
        assert ingest([batch], store=store, engine=engine).documents == len(BATCH)
        want = places(store)
    report = distributed_ingest([batch], db=spread, client=client, batch_size=1)
    assert report.ok and report.documents == len(BATCH), report.failures
    with open_store(spread) as store:
        got = places(store)
    assert got == want
    assert {p[3] for p in got if p[0] == "a"} == {"Louisiana"}

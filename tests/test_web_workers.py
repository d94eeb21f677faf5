"""Ingest jobs and answers shared by the processes serving one database (``dateline serve --workers N``,
issue 16): a job queued in one app is seen from another, one app runs it, once; a job whose process was
killed shows failed; an answer kept by one app is not replayed after another app wrote; a login made
with one worker holds on the others. Real SQLite and PostgreSQL stores, the real apps, real processes;
the extraction engine is dateline's components on a blank spaCy pipeline (the jobs are under test,
not the NLP)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from dateline.pipeline import Engine
from dateline.store import open_store
from dateline.users import add_user
from dateline.web import create_app
from dateline.web.jobs import JobRunner
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures
from shared_data import REPO

KILLED = """
import sys, time
import spacy
from dateline.extract.events import Extractor
from dateline.pipeline import Engine
from dateline.resolve.actors import ActorRegistry
from dateline.store import open_store
from dateline.web.jobs import JobRunner

nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
runner = JobRunner(open_store(sys.argv[1]), engine=Engine(nlp, Extractor(registry=ActorRegistry.load())),
                   fetch_policy=None)
runner.start()
time.sleep(600)
"""


@pytest.fixture(scope="module")
def small_engine(blank_nlp, tiny_gazetteer) -> Engine:
    from dateline.extract.events import Extractor
    from dateline.resolve.actors import ActorRegistry

    return Engine(blank_nlp, Extractor(registry=ActorRegistry.load(), gazetteer=tiny_gazetteer))


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return request.getfixturevalue("pg_url") if request.param == "postgres" else str(tmp_path / "jobs.db")


def _record(n: int) -> bytes:
    text = f"Gunmen killed {n + 2} policemen at a checkpoint in Baquba on Sunday, police said (report {n})."
    return (json.dumps({"id": f"report-{n}", "text": text, "published": "2014-03-02", "source": "wire"}) + "\n").encode()


def _client(target: str, engine: Engine | None, **options) -> TestClient:
    return TestClient(create_app(target, engine=engine, tiles="none", **options), base_url="http://localhost",
                      headers={"Origin": "http://localhost"})


def _finished(client: TestClient, job_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while (state := client.get(f"/api/jobs/{job_id}").json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, state
        time.sleep(0.05)
    return state


def test_a_job_added_in_one_app_is_seen_from_another_on_the_same_database(target: str, small_engine: Engine) -> None:
    with _client(target, small_engine) as first, _client(target, None) as second:
        posted = first.post("/api/documents", files={"files": ("wire.jsonl", _record(1))})
        assert posted.status_code == 202, posted.text
        job_id = posted.json()["id"]
        # the second app has no engine: it only reports the job the first one runs
        state = _finished(second, job_id)
        assert state["status"] == "done" and state["documents"] == 1 and state["processed"] == 1, state
        assert state["label"] == "wire.jsonl" and state["inputs"] == 1
        assert [j["id"] for j in second.get("/api/jobs").json()["jobs"]] == [job_id]
        assert second.get("/api/stats").json()["documents"] == 1
        assert second.get("/api/jobs/999").status_code == 404 and second.get("/api/jobs/x1").status_code == 404


def test_two_apps_never_run_one_job_twice_nor_two_jobs_at_once(target: str, small_engine: Engine) -> None:
    with open_store(target) as one, open_store(target) as other:
        ids = [one.add_job(f"job {n}", [(f"{n}.jsonl", _record(n))], [], created_at="2014-03-02T00:00:00+00:00")
               for n in range(6)]
        runners = [JobRunner(store, engine=small_engine, fetch_policy=None, poll_s=0.02) for store in (one, other)]
        gate = threading.Barrier(2)
        starters = [threading.Thread(target=lambda r=r: (gate.wait(), r.start())) for r in runners]
        for thread in starters:
            thread.start()
        for thread in starters:
            thread.join()
        assert runners[0].wait(timeout=120)
        records = sorted((one.job(i) for i in ids), key=lambda r: r.started_at)
        for runner in runners:
            runner.close()
        assert [(r.status, r.documents, r.duplicates) for r in records] == [("done", 1, 0)] * 6, records
        assert {r.owner for r in records} <= {runners[0].owner, runners[1].owner}
        for earlier, later in zip(records, records[1:]):
            assert dt.datetime.fromisoformat(earlier.finished_at) <= dt.datetime.fromisoformat(later.started_at)
        assert one.stats()["documents"] == 6
        assert all(one.job_inputs(i) == [] for i in ids)  # the inputs go once the job has run


@contextlib.contextmanager
def _hanging_url() -> Iterator[str]:
    """A URL whose server accepts the connection and never answers: a job fetching it stays running."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield f"http://127.0.0.1:{server.getsockname()[1]}/slow"


@pytest.mark.slow(reason="kills a worker process with kill -9")
def test_a_job_whose_process_was_killed_shows_failed_and_the_queue_goes_on(tmp_path: Path, small_engine: Engine) -> None:
    db = tmp_path / "killed.db"
    with _hanging_url() as url, _client(str(db), small_engine) as client:
        job_id = str(client.app.state.store.add_job(url, [], [url], created_at="2014-03-02T00:00:00+00:00"))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
        worker = subprocess.Popen([sys.executable, "-c", KILLED, str(db)], env=env)
        try:
            deadline = time.monotonic() + 60
            while (state := client.get(f"/api/jobs/{job_id}").json())["status"] != "running":
                assert time.monotonic() < deadline and worker.poll() is None, state
                time.sleep(0.05)
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        state = client.get(f"/api/jobs/{job_id}").json()
        assert state["status"] == "failed" and state["message"].startswith("interrupted"), state
        # the dead job holds nothing up: the next one runs here, and the dead one is failed for good
        posted = client.post("/api/documents", files={"files": ("wire.jsonl", _record(7))})
        assert _finished(client, posted.json()["id"])["status"] == "done"
        stored = client.app.state.store.job(int(job_id))
        assert stored.status == "failed" and stored.message.startswith("interrupted")
        assert client.app.state.store.job_inputs(int(job_id)) == []


def test_a_job_seen_running_by_a_silent_process_is_failed_once_its_heartbeat_is_stale(tmp_path: Path,
                                                                                      small_engine: Engine) -> None:
    """A process on another host cannot be checked: its job is taken for interrupted when its heartbeat stops."""
    db = tmp_path / "silent.db"
    with open_store(db) as store:
        job_id = store.add_job("elsewhere", [("a.jsonl", _record(1))], [], created_at="2014-03-02T00:00:00+00:00")
        claimed = store.claim_job("other-host/pid:[1]/4242/abcd", clock=lambda: (time.time(), "t"), stale_s=60,
                                  gone=lambda owner: False)
        assert claimed is not None and claimed.id == job_id
        fresh = JobRunner(store, engine=small_engine, fetch_policy=None, stale_s=60)
        assert fresh.get(str(job_id)).status == "running"  # its heartbeat is recent: it may be running
        stale = JobRunner(store, engine=small_engine, fetch_policy=None, stale_s=0.01)
        time.sleep(0.05)
        assert stale.get(str(job_id)).status == "failed"
        fresh.close()
        stale.close()


def test_an_answer_kept_by_one_app_is_not_replayed_after_another_app_writes(target: str, small_engine: Engine) -> None:
    with _client(target, None) as reader, _client(target, small_engine) as writer:
        stats = reader.app.state.read_cache
        assert reader.get("/api/stats").json()["documents"] == 0
        replayed = reader.get("/api/stats")
        assert replayed.json()["documents"] == 0 and stats.hits == 1  # kept
        assert "default-src 'self'" in replayed.headers["content-security-policy"]  # replays carry the guards' headers
        assert replayed.headers["x-content-type-options"] == "nosniff"
        assert reader.get("/api/events").json()["total"] == 0
        posted = writer.post("/api/documents", files={"files": ("wire.jsonl", _record(1))})
        assert _finished(writer, posted.json()["id"])["status"] == "done"
        hits = stats.hits
        assert reader.get("/api/stats").json()["documents"] == 1
        assert reader.get("/api/documents").json()["total"] == 1
        assert stats.hits == hits  # computed again, not replayed


def test_a_login_made_with_one_worker_holds_on_another(tmp_path: Path) -> None:
    db = tmp_path / "login.db"
    with open_store(db) as store:
        add_user(store, "ana", "correct horse")
    with _client(str(db), None, require_login=True, session_key="one key") as first, \
            _client(str(db), None, require_login=True, session_key="one key") as second, \
            _client(str(db), None, require_login=True, session_key="another key") as stranger:
        answer = first.post("/api/login", json={"name": "ana", "password": "correct horse"})
        assert answer.status_code == 200, answer.text
        token, cookie = answer.json()["csrf"], first.cookies.get("dateline_session")
        second.cookies.set("dateline_session", cookie)
        stranger.cookies.set("dateline_session", cookie)
        assert second.get("/api/session").json()["user"] == "ana"
        assert second.post("/api/logout", json={}, headers={"X-CSRF-Token": token}).status_code == 200
        assert stranger.get("/api/session").json()["user"] is None  # a key of its own: not its cookie
        assert stranger.post("/api/logout", json={}, headers={"X-CSRF-Token": token}).status_code == 401


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


@pytest.mark.slow(reason="starts a cluster of worker processes")
def test_serve_with_workers_answers_from_every_process_with_one_session_key(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    with open_store(db) as store:
        add_user(store, "ana", "correct horse")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_SESSION_KEY"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])
    server = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", "2", "--login", "--tiles", "none"], env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        workers = [pid for pid in _children(server.pid) if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()]
        assert len(workers) == 2, _children(server.pid)
        login = httpx.post(f"{base}/api/login", json={"name": "ana", "password": "correct horse"},
                           headers={"Origin": base})
        assert login.status_code == 200, login.text
        cookie, token = login.cookies["dateline_session"], login.json()["csrf"]
        # a new connection each time: the kernel hands them to either worker
        for _ in range(12):
            with httpx.Client(base_url=base, cookies={"dateline_session": cookie}, headers={"Origin": base}) as http:
                assert http.get("/api/session").json()["user"] == "ana"
                assert http.post("/api/logout", json={}, headers={"X-CSRF-Token": token}).status_code == 200
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_connections_to_the_workers_socket_send_without_delay() -> None:
    """The socket handed to the worker processes gives each accepted connection TCP_NODELAY: without it an
    answer written in two parts (head, body) on a kept-alive connection waited ~40 ms for a delayed ACK."""
    import asyncio

    from dateline.web.workers import _Config

    listener = _Config("dateline.web.workers:app_from_env", factory=True, host="127.0.0.1", port=0).bind_socket()
    nodelay: list[int] = []

    async def main() -> None:
        def accepted(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            nodelay.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(accepted, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        for _ in range(100):
            if nodelay:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())
    assert nodelay == [1]


def test_workers_refuse_an_in_memory_database_in_one_line() -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", ":memory:", "--workers", "2", "--port", "0"])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: --db: workers cannot share an in-memory database (give a database file"
                                     " or a PostgreSQL URL, or serve with --workers 1)"), result.output

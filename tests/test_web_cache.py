"""The read API's answer cache and its limit on answers computed at once (web/cache.py, issue 16 load).

Answers are replayed only while the store's data_version is unchanged; a write by anyone (this
server, another process on the same file) changes it. Requests with credentials, exports and
jobs are never replayed. Real SQLite and PostgreSQL stores, the real app.
"""

from __future__ import annotations

import threading
from pathlib import Path

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient

from dateline.models import Document, Event, Section, make_event_id
from dateline.store import open_store
from dateline.web import create_app
from dateline.web.cache import CacheStats, ReadCache
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures


def _document(doc_id: str, sentence: str, place: tuple[str, str] = ("Amarah", "Maysan"),
              day: str = "2008-06-17") -> tuple[Document, list[Event]]:
    doc = Document(id=doc_id, text=sentence, title=doc_id, sections=[Section("body", 0, len(sentence))])
    event = Event(make_event_id(doc_id, 0, len(sentence)), doc_id, 0, len(sentence), sentence,
                  event_type="Violence against civilians", sub_event_type="Attack", location=place[0],
                  admin1=place[1], country="Iraq", date_start=day, time_precision=1, fatalities=3)
    return doc, [event]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cache.db"
    with open_store(path) as store:
        store.add_document(*_document("first", "Gunmen killed three policemen in Amarah on Tuesday."))
    return path


def _client(db: Path, **options) -> TestClient:
    return TestClient(create_app(str(db), tiles="none", **options), base_url="http://localhost")


def test_an_answer_is_replayed_until_anyone_writes(db: Path) -> None:
    with _client(db) as http:
        stats: CacheStats = http.app.state.read_cache
        first = http.get("/api/events").json()
        assert http.get("/api/events").json() == first and stats.hits == 1
        assert first["total"] == 1
        # another process (a CLI ingest into the same file) writes: the next answer is computed again
        with open_store(db) as other:
            other.add_document(*_document("second", "A roadside bomb killed two soldiers in Basra on Monday.",
                                          ("Basra", "Basra"), "2009-01-05"))
        after = http.get("/api/events").json()
        assert after["total"] == 2 and stats.hits == 1
        assert http.get("/api/stats").json()["documents"] == 2


@pytest.mark.parametrize("path, headers", [
    ("/api/events", {"Cookie": "session=a"}),
    ("/api/events", {"Authorization": "Bearer x"}),
    ("/api/jobs", {}),
    ("/api/export/events.csv", {}),
    ("/api/config", {}),
])
def test_answers_that_may_differ_per_caller_or_are_not_data_are_never_replayed(db: Path, path: str, headers) -> None:
    with _client(db) as http:
        for _ in range(3):
            assert http.get(path, headers=headers).status_code == 200
        assert http.app.state.read_cache.hits == 0


def test_the_cache_can_be_switched_off(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_WEB_CACHE_MB", "0")
    with _client(db) as http:
        for _ in range(3):
            http.get("/api/timeline")
        assert http.app.state.read_cache.hits == 0


def test_errors_are_not_kept(db: Path) -> None:
    with _client(db) as http:
        for _ in range(2):
            assert http.get("/api/events/no-such-event").status_code == 404
        assert http.app.state.read_cache.hits == 0


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return request.getfixturevalue("pg_url") if request.param == "postgres" else str(tmp_path / "v.db")


def test_data_version_changes_with_every_write_from_any_connection(target: str) -> None:
    with open_store(target) as store, open_store(target) as other:
        before = store.data_version()
        assert before is not None and store.data_version() == before  # reading changes nothing
        store.stats()
        assert store.data_version() == before
        store.add_document(*_document("own", "Gunmen killed three policemen in Amarah on Tuesday."))
        own_write = store.data_version()
        assert own_write != before
        other.add_document(*_document("other", "A roadside bomb killed two soldiers in Basra on Monday."))
        assert store.data_version() != own_write


def test_a_store_in_memory_is_never_cached() -> None:
    with open_store(":memory:") as store:
        assert store.data_version() is None


def test_no_more_answers_are_computed_at_once_than_the_limit_and_equal_ones_once() -> None:
    """Thirty requests at once: at most `computing` run inside, and the thirty equal ones are computed once."""
    running = peak = calls = 0
    lock = threading.Lock()

    async def slow_app(scope, receive, send) -> None:
        nonlocal running, peak, calls
        with lock:
            running, calls = running + 1, calls + 1
            peak = max(peak, running)
        await anyio.sleep(0.05)
        with lock:
            running -= 1
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": scope["query_string"]})

    async def load(version, headers=None) -> list[str]:
        cache = ReadCache(slow_app, version=version, max_bytes=1 << 20, computing=3)
        transport = httpx.ASGITransport(app=cache)
        answers: list[str] = []
        async with httpx.AsyncClient(transport=transport, base_url="http://t", headers=headers) as http:
            async def one(n: int) -> None:
                answers.append((await http.get("/api/map", params={"n": n % 10 if version() and not headers else n})).text)

            async with anyio.create_task_group() as group:
                for n in range(30):
                    group.start_soon(one, n)
        return answers

    answers = anyio.run(load, lambda: None)  # nothing kept: every request computed, three at a time
    assert len(answers) == 30 and calls == 30 and peak == 3
    calls = peak = 0
    answers = anyio.run(load, lambda: 7, {"Cookie": "s=1"})  # with credentials: limited, never replayed
    assert len(answers) == 30 and calls == 30 and peak == 3
    calls = peak = 0
    answers = anyio.run(load, lambda: 7)  # ten distinct URLs: each computed once, the rest replayed
    assert sorted(set(answers)) == sorted(f"n={n}" for n in range(10)) and calls == 10 and peak <= 3

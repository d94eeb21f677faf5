"""Readers that do not queue (store/connections.py) and events streamed in batches (iter_events),
on SQLite files, in-memory SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dateline import query
from dateline.models import Document, Event, make_event_id
from dateline.query import EventFilter
from dateline.store import open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "dateline.db")


def corpus(doc_id: str, n: int) -> tuple[Document, list[Event]]:
    sentences = [f"Clash {i} killed {i % 7} people in {'Basra' if i % 3 else 'Amarah'}." for i in range(n)]
    text = " ".join(sentences)
    doc = Document(id=doc_id, text=text)
    events, start = [], 0
    for i, sentence in enumerate(sentences):
        end = start + len(sentence)
        events.append(Event(make_event_id(doc_id, start, end), doc_id, start, end, sentence, event_type="Battles",
                            sub_event_type="Armed clash", location="Basra" if i % 3 else "Amarah",
                            admin1="Basra" if i % 3 else "Maysan", date_start=f"2008-{1 + i % 12:02d}-01",
                            fatalities=i % 7, hypothetical=i % 10 == 0))
        start = end + 1
    return doc, events


def test_a_reader_does_not_wait_for_another_threads_connection(target: str) -> None:
    with open_store(target) as store:
        store.add_document(*corpus("doc-1", 5))
        holding, release = threading.Event(), threading.Event()

        def hold() -> None:
            with store._lock:  # a long read in progress on this thread's connection
                holding.set()
                release.wait(20)

        holder = threading.Thread(target=hold)
        holder.start()
        assert holding.wait(10)
        answers: list[int] = []
        reader = threading.Thread(target=lambda: answers.append(store.stats()["events"]))
        reader.start()
        reader.join(5)
        finished_meanwhile = not reader.is_alive()
        # and a write from a third thread goes through too, visible to the next reader
        writer = threading.Thread(target=lambda: store.add_document(*corpus("doc-2", 3)))
        writer.start()
        writer.join(10)
        wrote_meanwhile = not writer.is_alive()
        release.set()
        holder.join()
        reader.join()
        writer.join()
        assert finished_meanwhile and answers == [5]
        assert wrote_meanwhile and store.stats()["events"] == 8


def test_connections_are_kept_few_and_closed_with_the_store(tmp_path: Path) -> None:
    store = open_store(tmp_path / "dateline.db")
    store.add_document(*corpus("doc-1", 3))
    threads = [threading.Thread(target=store.stats) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    pool = store._lock
    assert 1 <= len(pool._idle) <= pool._keep
    idle = list(pool._idle)
    store.close()
    for conn in idle:
        with pytest.raises(Exception, match="closed"):
            conn.execute("SELECT 1")


def test_an_in_memory_database_is_one_database_for_every_thread() -> None:
    with open_store(":memory:") as store:
        writer = threading.Thread(target=lambda: store.add_document(*corpus("doc-1", 4)))
        writer.start()
        writer.join()
        seen: list[int] = []
        reader = threading.Thread(target=lambda: seen.append(store.stats()["events"]))
        reader.start()
        reader.join()
        assert seen == [4] and list(store.iter_events()) == store.events()


@pytest.mark.parametrize("filters", [
    EventFilter(), EventFilter(include_flagged=True), EventFilter(admin1="Maysan"),
    EventFilter(date_from="2008-03", date_to="2008-06", include_flagged=True), EventFilter(limit=7, offset=5),
])
def test_iter_events_and_incidents_stream_the_same_records_in_the_same_order(target: str, filters: EventFilter) -> None:
    with open_store(target) as store:
        store.add_document(*corpus("doc-1", 40))
        store.add_document(*corpus("doc-2", 25))
        streamed = list(store.iter_events(filters, batch_size=3))
        assert streamed == store.events(filters) and streamed
        assert list(query.iter_events(store, filters)) == streamed
        incidents = list(store.iter_incidents(filters, batch_size=3))
        assert incidents == store.incidents(filters) and incidents
        assert list(query.iter_incidents(store, filters)) == incidents


def test_iter_events_reads_in_batches_beside_writes(tmp_path: Path) -> None:
    with open_store(tmp_path / "dateline.db") as store:
        store.add_document(*corpus("doc-1", 30))
        stream = store.iter_events(EventFilter(include_flagged=True), batch_size=4)
        first = [next(stream) for _ in range(5)]
        store.add_document(*corpus("doc-2", 10))  # the stream's snapshot is not disturbed, nor does it block
        rest = list(stream)
        assert len(first) + len(rest) == 30
        assert store.count_events(EventFilter(include_flagged=True)) == 40

"""The store: transactional per-document writes, migrations, opening rules, concurrency.

One suite for every backend: the ``target`` fixture is a new SQLite file or a new
database on a PostgreSQL server the tests start themselves (tests/pg_server.py).
Tests about one backend's files or SQL only (SQLite pragmas, the SQLite migration
runner) are not parametrized.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest

from dateline import query
from dateline.errors import ConfigError, StoreError
from dateline.models import EVENT_FIELDS, REFERENCES, Document, Event, Reference, Section, make_event_id
from dateline.query import EventFilter
from dateline.store import Store, migrations, open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

LATEST = migrations.available()[-1].version  # the schema a new store is at

TEXT = (
    "Gunmen killed three policemen in Amarah on Tuesday. "
    "A roadside bomb wounded two soldiers near Basra.\n"
    "References: Reuters, 26 March 2008."
)


def make_doc(doc_id: str = "doc-1", text: str = TEXT, **kwargs) -> Document:
    body_end = text.index("References") if "References" in text else len(text)
    kwargs.setdefault("sections", [Section("body", 0, body_end), Section(REFERENCES, body_end, len(text))])
    return Document(id=doc_id, text=text, title=kwargs.pop("title", "Attacks in the south"), **kwargs)


def make_event(doc: Document, sentence: str, **kwargs) -> Event:
    start = doc.text.index(sentence)
    end = start + len(sentence)
    values = dict(event_type="Violence against civilians", sub_event_type="Attack")
    values.update(kwargs)
    return Event(make_event_id(doc.id, start, end), doc.id, start, end, sentence, **values)


def two_events(doc: Document) -> list[Event]:
    return [
        make_event(doc, "Gunmen killed three policemen in Amarah on Tuesday.", fatalities=3, location="Amarah",
                   admin1="Maysan", date_start="2008-03-25", time_precision=1, spans={"fatalities": [14, 19]}),
        make_event(doc, "A roadside bomb wounded two soldiers near Basra.", event_type="Explosions/Remote violence",
                   sub_event_type="Remote explosive/landmine/IED", injured=2, latitude=30.5, longitude=47.8,
                   hypothetical=True, perpetrators_killed=1),
    ]


BACKENDS = ["sqlite", "postgres"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dateline.db"


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty database of each backend is: a file path or a postgresql:// URL."""
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "dateline.db")


@pytest.fixture
def store(target: str):
    with open_store(target) as opened:
        yield opened


def raw(target: str, sql: str) -> list[tuple[Any, ...]]:
    """Run SQL on the database behind ``target`` without dateline (rows of every table, not only the API's)."""
    if target.startswith("postgresql://"):
        with psycopg.connect(target, autocommit=True) as conn:
            cursor = conn.execute(sql)
            return cursor.fetchall() if cursor.description else []
    with sqlite3.connect(target) as conn:
        return conn.execute(sql).fetchall()


def test_document_and_events_round_trip(store: Store) -> None:
    doc = make_doc(published="2008-03-26", url="http://example.org/a", source="Example", author="A. Writer",
                   origin="/tmp/a.html",
                   references=[Reference("Reuters, 26 March 2008.", 113, 136, outlet="Reuters", date="2008-03-26")])
    events = two_events(doc)
    assert store.add_document(doc, events) is True
    assert store.get_document(doc.id) == doc
    assert {e.event_id: e for e in store.events(filters=None)} == {events[0].event_id: events[0]}
    assert store.get_event(events[1].event_id) == events[1]  # flagged, but fetched by id


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(lambda: make_doc("doc-1", TEXT + " Updated."), id="same id, other text"),
        pytest.param(lambda: make_doc("other-id", "  " + TEXT.upper()), id="same normalised text, other id"),
    ],
)
def test_same_document_is_stored_once(store: Store, second) -> None:
    first = make_doc()
    assert store.add_document(first, two_events(first)) is True
    again = second()
    assert store.add_document(again, []) is False
    assert store.stats()["documents"] == 1
    assert store.stats()["events"] == 2
    assert [d.id for d in store.documents()] == ["doc-1"]


def _bad_null_type(doc: Document) -> list[Event]:
    good, bad = two_events(doc)
    bad.event_type = None  # NOT NULL violated by the database, after the first event was written
    return [good, bad]


def _bad_duplicate_id(doc: Document) -> list[Event]:
    good, bad = two_events(doc)
    bad.event_id = good.event_id
    return [good, bad]


def _bad_other_document(doc: Document) -> list[Event]:
    good, bad = two_events(doc)
    bad.document_id = "doc-0"  # exists, so only our own check stops it
    return [good, bad]


def _bad_span(doc: Document) -> list[Event]:
    good, bad = two_events(doc)
    bad.evidence_end = len(doc.text) + 5
    return [good, bad]


@pytest.mark.parametrize("make_events", [_bad_null_type, _bad_duplicate_id, _bad_other_document, _bad_span])
def test_failed_document_leaves_nothing_behind(store: Store, target: str, make_events) -> None:
    earlier = make_doc("doc-0", "Protesters gathered in Kut on Friday.", sections=[])
    earlier_events = [make_event(earlier, "Protesters gathered in Kut on Friday.", event_type="Protests",
                                 sub_event_type="Peaceful protest")]
    assert store.add_document(earlier, earlier_events)
    doc = make_doc()
    with pytest.raises(StoreError) as caught:
        store.add_document(doc, make_events(doc))
    assert "doc-1" in str(caught.value) or two_events(doc)[1].event_id in str(caught.value)
    assert not store.has_document("doc-1")
    assert not store.has_document(content_hash=doc.content_hash)
    assert store.stats() == {"documents": 1, "events": 1, "counted_events": 1, "incidents": 1, "counted_incidents": 1,
                             "aggregates": 0, "copies": 0, "references": 0, "schema_version": LATEST}
    assert store.search("roadside") == [] and store.search("Gunmen") == []
    for table in ("documents", "sections", "doc_references"):
        assert raw(target, f"SELECT COUNT(*) FROM {table} WHERE {'id' if table == 'documents' else 'document_id'} = 'doc-1'") == [(0,)]
    assert store.events() == earlier_events
    # The failure did not poison the connection: the document can be stored once fixed.
    assert store.add_document(doc, two_events(doc)) is True


def test_has_document_needs_a_key(store: Store) -> None:
    with pytest.raises(ConfigError):
        store.has_document()


def test_get_missing_document_and_event(store: Store) -> None:
    with pytest.raises(StoreError, match="no such document"):
        store.get_document("nope")
    with pytest.raises(StoreError, match="no such event"):
        store.get_event("nope")


def test_migrations_recorded_and_reopen_is_noop(target: str) -> None:
    with open_store(target) as first:
        assert first.applied_migrations == [m.version for m in migrations.available()]
    assert raw(target, "SELECT version, name FROM schema_migrations ORDER BY version") == [
        (1, "initial"), (2, "view_indexes"), (3, "perpetrators"), (4, "incidents"),
        (5, "type_source_language"), (6, "decisions"), (7, "actor_reasons"), (8, "users"),
        (9, "queue_keys"), (10, "incident_view_keys"), (11, "flag_reason"), (12, "jobs")]
    with open_store(target) as second:
        assert second.applied_migrations == []
        assert second.stats()["schema_version"] == LATEST
    assert raw(target, "SELECT COUNT(*) FROM schema_migrations") == [(len(migrations.available()),)]


def test_database_from_newer_version_is_refused(target: str) -> None:
    open_store(target).close()
    raw(target, "INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    with pytest.raises(StoreError, match="newer"):
        open_store(target)


def test_foreign_database_is_refused_and_untouched(target: str) -> None:
    raw(target, "CREATE TABLE cities (name TEXT)")
    with pytest.raises(StoreError, match="not a dateline one"):
        open_store(target)
    tables = "SELECT name FROM sqlite_master WHERE type = 'table'"
    if target.startswith("postgresql://"):
        tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    assert raw(target, tables) == [("cities",)]


def test_events_table_holds_the_event_fields(target: str) -> None:
    open_store(target).close()
    if target.startswith("postgresql://"):
        columns = [r[0] for r in raw(target, "SELECT column_name FROM information_schema.columns WHERE"
                                             " table_name = 'events' ORDER BY ordinal_position")]
    else:
        columns = [r[1] for r in raw(target, "PRAGMA table_info(events)")]
    assert columns == list(EVENT_FIELDS)


def test_migration_sequences_agree_across_dialects() -> None:
    assert migrations.check_dialects_agree() == [(1, "initial"), (2, "view_indexes"), (3, "perpetrators"), (4, "incidents"),
                                                 (5, "type_source_language"), (6, "decisions"), (7, "actor_reasons"), (8, "users"),
                                                 (9, "queue_keys"), (10, "incident_view_keys"), (11, "flag_reason"), (12, "jobs")]


def test_differing_migration_sequences_are_refused(tmp_path: Path) -> None:
    (tmp_path / "pg").mkdir()
    (tmp_path / "0001_initial.sql").write_text("SELECT 1;\n")
    (tmp_path / "0002_more.sql").write_text("SELECT 1;\n")
    (tmp_path / "pg" / "0001_initial.sql").write_text("SELECT 1;\n")
    with pytest.raises(StoreError, match=r"differ: \[\(2, 'more'\)\]"):
        migrations.check_dialects_agree(tmp_path, tmp_path / "pg")


def test_sqlite_pragmas_and_schema(db_path: Path) -> None:
    store = open_store(db_path)
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    columns = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    assert columns == list(EVENT_FIELDS)
    indexed = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_by_date", "events_by_place", "events_by_actor", "events_by_type", "events_listed"} <= indexed
    store.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,text\n1,hello\n", "is not a SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "not a usable SQLite database"),
    ],
)
def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as caught:
        open_store(path)
    assert str(path) in str(caught.value)
    assert caught.value.hint
    assert path.read_bytes() == content


@pytest.mark.parametrize("path", ["folder", "missing/dir/x.db"])
def test_unusable_paths(tmp_path: Path, path: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(StoreError):
        open_store(tmp_path / path)


def test_open_store_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url_path = tmp_path / "url.db"
    with open_store(f"sqlite:///{url_path}") as by_url:
        assert Path(by_url.path) == url_path
    assert url_path.exists()
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "env.db"))
    with open_store() as by_env:
        assert by_env.path == str(tmp_path / "env.db")
    with open_store(":memory:") as memory:
        assert memory.stats()["documents"] == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://me:secret@127.0.0.1:1/dateline", "cannot connect to PostgreSQL"),  # nothing listens on port 1
        ("mysql://me:secret@db/x", "unknown"),
    ],
)
def test_unusable_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(url)
    assert "secret" not in str(caught.value)
    assert caught.value.hint


def test_documents_listing(store: Store) -> None:
    docs = [make_doc(f"doc-{i}", f"Report number {i}: clashes near Kut.", sections=[]) for i in range(3)]
    for doc in docs:
        store.add_document(doc, [])
    first = make_doc("doc-x")
    store.add_document(first, two_events(first))
    listing = store.documents()
    assert [d.id for d in listing] == ["doc-0", "doc-1", "doc-2", "doc-x"]
    assert listing[-1].n_events == 2 and listing[0].n_events == 0
    assert listing[0].n_words == 6
    assert listing[-1].title == "Attacks in the south" and listing[-1].added_at
    assert [d.id for d in store.documents(limit=2, offset=1)] == ["doc-1", "doc-2"]
    with pytest.raises(ConfigError):
        store.documents(limit=-1)


def test_stats_counts(store: Store) -> None:
    doc = make_doc(references=[Reference("Reuters, 26 March 2008.", 113, 136)])
    store.add_document(doc, two_events(doc))
    assert store.stats() == {"documents": 1, "events": 2, "counted_events": 1, "incidents": 2, "counted_incidents": 1,
                             "aggregates": 0, "copies": 0, "references": 1, "schema_version": LATEST}


def test_closed_store_raises_store_error(target: str) -> None:
    store = open_store(target)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError):
        store.stats()


def _in_threads(*workers) -> list[BaseException]:
    """Run each callable in its own thread; the exceptions they raised."""
    errors: list[BaseException] = []

    def run(work) -> None:
        try:
            work()
        except BaseException as err:  # noqa: BLE001 - surfaced to the test
            errors.append(err)

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_connections_writing_both_land(target: str) -> None:
    open_store(target).close()

    def writer(prefix: str):
        def work() -> None:
            with open_store(target) as own:
                for i in range(15):
                    doc = make_doc(f"{prefix}-{i}", f"{prefix} report {i}: " + TEXT)
                    assert own.add_document(doc, two_events(doc))
        return work

    assert _in_threads(writer("alpha"), writer("beta")) == []
    with open_store(target) as check:
        assert check.stats()["documents"] == 30
        assert check.stats()["events"] == 60
        assert check.has_document("alpha-14") and check.has_document("beta-14")


def test_two_writers_of_the_same_documents_store_each_once(target: str) -> None:
    """What a retried batch does: both writers try every document; each lands once, with its events."""
    open_store(target).close()
    stored: list[bool] = []

    def work() -> None:
        with open_store(target) as own:
            for i in range(15):
                doc = make_doc(f"doc-{i}", f"report {i}: " + TEXT)
                stored.append(own.add_document(doc, two_events(doc)))

    assert _in_threads(work, work) == []
    assert sorted(stored) == [False] * 15 + [True] * 15
    with open_store(target) as check:
        assert check.stats()["documents"] == 15 and check.stats()["events"] == 30
    assert raw(target, "SELECT COUNT(DISTINCT document_id), COUNT(*) FROM sections") == [(15, 30)]


def test_split_statements_keeps_trigger_bodies() -> None:
    sql = (
        "-- header comment;\nCREATE TABLE a (x INTEGER);\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 1;\n  DELETE FROM a;\nEND;\n-- tail\n"
    )
    statements = migrations.split_statements(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_failing_migration_is_rolled_back(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE one (x INTEGER);\n")
    (folder / "0002_broken.sql").write_text("CREATE TABLE two (x INTEGER);\nINSERT INTO nowhere VALUES (1);\n")
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    with pytest.raises(StoreError, match="0002_broken.sql"):
        migrations.migrate(conn, where="m.db", directory=folder)
    assert migrations.applied_versions(conn) == [1]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "one" in tables and "two" not in tables
    (folder / "0002_broken.sql").write_text("CREATE TABLE two (x INTEGER);\n")
    assert migrations.migrate(conn, where="m.db", directory=folder) == [2]
    conn.close()


@pytest.mark.parametrize("name", ["2_short.sql", "0002-dash.sql"])
def test_badly_named_migration_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("SELECT 1;\n")
    with pytest.raises(StoreError, match="NNNN_name.sql"):
        migrations.available(tmp_path)


# -- queries: the same answers from every backend -----------------------------------------

QUERY_TEXT = (
    "Mahdi Army fighters clashed with Iraqi troops in Amarah on 25 March, leaving five dead. "
    "A roadside bomb killed two people in Basra between 27 and 31 March. "
    "Hundreds protested in Al-Kūt. "
    "Police denied that gunmen attacked Majar al-Kabir."
)


def _query_corpus() -> tuple[Document, list[Event]]:
    doc = Document(id="q-doc", text=QUERY_TEXT, title="Weekly report", published="2008-04-01")
    return doc, [
        make_event(doc, "Mahdi Army fighters clashed with Iraqi troops in Amarah on 25 March, leaving five dead.",
                   event_type="Battles", sub_event_type="Armed clash", actor1="Mahdi Army",
                   actor2="Military Forces of Iraq", location="Amarah", admin1="Maysan", country="Iraq",
                   date_start="2008-03-25", time_precision=1, fatalities=5),
        make_event(doc, "A roadside bomb killed two people in Basra between 27 and 31 March.",
                   event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                   assoc_actor_1="Sadrist Movement", actor2_id="civilians-iraq", location="Basra", admin1="Basrah",
                   country="Iraq", date_start="2008-03-27", date_end="2008-03-31", time_precision=2, fatalities=2),
        make_event(doc, "Hundreds protested in Al-Kūt.", event_type="Protests", sub_event_type="Peaceful protest",
                   location="Al-Kūt", admin1="Wasit", country="Iraq", date_start="2007-03", time_precision=3),
        make_event(doc, "Police denied that gunmen attacked Majar al-Kabir.", location="Majar al-Kabir",
                   admin1="Maysan", date_start="2009-03-25", time_precision=1, negated=True),
    ]


@pytest.fixture
def query_store(store: Store) -> Store:
    store.add_document(*_query_corpus())
    return store


def _words_of(events: list[Event]) -> set[str]:
    """Each event named by the first word of its evidence."""
    return {e.evidence_text.split()[0] for e in events}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), {"Mahdi", "A", "Hundreds"}),
        (EventFilter(include_flagged=True), {"Mahdi", "A", "Hundreds", "Police"}),
        (EventFilter(place="AMARAH"), {"Mahdi"}),
        (EventFilter(place="Al-Kut"), {"Hundreds"}),  # accents and the article do not matter
        (EventFilter(place="Amar"), set()),  # whole names, not substrings
        (EventFilter(admin1="maysan", include_flagged=True), {"Mahdi", "Police"}),
        (EventFilter(actor="FORCES OF IRAQ"), {"Mahdi"}),
        (EventFilter(actor="sadrist"), {"A"}),  # associated actor
        (EventFilter(actor="civilians-iraq"), {"A"}),  # actor id
        (EventFilter(event_type="armed CLASH"), {"Mahdi"}),
        (EventFilter(text="roadside"), {"A"}),
        (EventFilter(text="Kut"), {"Hundreds"}),  # diacritics removed
        (EventFilter(text="al-Kabir", include_flagged=True), {"Police"}),
        (EventFilter(date_from="2008-03-31"), {"A"}),  # a range's last day still overlaps
        (EventFilter(date_from="2007-03-31", date_to="2007-03-31"), {"Hundreds"}),  # a month-precise date
        (EventFilter(date_to="2008-03-26"), {"Mahdi", "Hundreds"}),
    ],
    ids=repr,
)
def test_filters_match_the_same_events(query_store: Store, filters: EventFilter, expected: set[str]) -> None:
    assert _words_of(query_store.events(filters)) == expected
    assert query_store.count_events(filters) == len(expected)


def test_order_limit_offset_timeline_and_on_this_day(query_store: Store) -> None:
    ordered = [e.evidence_text.split()[0] for e in query_store.events(EventFilter(include_flagged=True))]
    assert ordered == ["Hundreds", "Mahdi", "A", "Police"]
    assert _words_of(query_store.events(EventFilter(limit=1, offset=1))) == {"Mahdi"}
    by_month = [(r.period, r.events, r.fatalities) for r in query_store.timeline(by="month")]
    assert by_month == [("2007-03", 1, 0), ("2008-03", 2, 7)]
    assert [r.period for r in query_store.timeline(by="week")] == ["2008-W13"]
    day = query_store.on_this_day(3, 25, EventFilter(include_flagged=True))
    assert [e.date_start for e in day] == ["2008-03-25", "2009-03-25"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roadside bomb", {"doc", "A"}),
        ("Kut", {"doc", "Hundreds"}),
        ("protest*", {"doc", "Hundreds"}),
        ('"five dead"', {"doc", "Mahdi"}),
        ('"dead five"', set()),
        ("governor OR roadside", {"doc", "A"}),
        ("governor roadside", set()),
        ("Weekly", {"doc"}),  # titles are indexed
        ("-Kabir", {"doc", "Police"}),  # operator characters in user text do not break the query
        ("Qal'at OR Amarah", {"doc", "Mahdi"}),  # the location is indexed with the evidence
    ],
)
def test_search(query_store: Store, text: str, expected: set[str]) -> None:
    hits = query.search(query_store, text)
    found = {"doc" if h.event_id is None else query_store.get_event(h.event_id).evidence_text.split()[0] for h in hits}
    assert found == expected
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert all(h.title == "Weekly report" for h in hits)
    if hits and text == "roadside bomb":
        assert all("**roadside**" in h.snippet for h in hits)


def test_search_rejects_empty_text_and_bad_limit(query_store: Store) -> None:
    with pytest.raises(ConfigError):
        query_store.search("  ")
    with pytest.raises(ConfigError):
        query_store.search("Kut", limit=0)


def test_ingest_end_to_end(target: str, engine, sample_path: Path, tmp_path: Path) -> None:
    """The real pipeline into each backend: the same events, stored once on a second run."""
    from dateline.pipeline import extract_sources, ingest

    expected = [events for _doc, events in extract_sources([str(sample_path)], engine=engine)][0]
    with open_store(target) as store:
        first = ingest([str(sample_path)], store=store, engine=engine)
        again = ingest([str(sample_path)], store=store, engine=engine)
        stored = store.events(EventFilter(include_flagged=True))
        assert first.documents == 1 and first.events == len(expected) > 0 and first.ok
        assert again.documents == 0 and again.duplicates == 1
        key = lambda e: e.event_id  # noqa: E731
        assert all(e.incident_id for e in stored)  # every mention belongs to an incident
        assert sorted((dataclasses.replace(e, incident_id=None) for e in stored), key=key) == sorted(expected, key=key)
        assert store.get_document(stored[0].document_id).text.startswith(
            sample_path.read_text(encoding="utf-8")[:40].strip()[:20])


def test_a_schema_2_database_is_upgraded_and_keeps_its_events(tmp_path: Path) -> None:
    """A database made before schema 3 gains the perpetrators_killed column and loses nothing."""
    old = tmp_path / "old-migrations"
    old.mkdir()
    for name in ("0001_initial.sql", "0002_view_indexes.sql"):
        (old / name).write_text((migrations.MIGRATIONS_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrations.migrate(conn, where=str(path), directory=old) == [1, 2]
    columns = [name for name in EVENT_FIELDS
               if name not in ("perpetrators_killed", "reported_by", "incident_id", "type_source", "type_reason",
                               "actor1_reason", "actor2_reason", "flag_reason")]
    doc = make_doc()
    event = two_events(doc)[0]
    conn.execute("INSERT INTO documents (id, text, content_hash, added_at) VALUES (?, ?, ?, ?)",
                 (doc.id, doc.text, doc.content_hash, "2008-03-26T00:00:00"))
    record = event.to_record()
    record["spans"] = "{}"
    conn.execute(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                 [record[name] for name in columns])
    conn.close()
    with open_store(str(path)) as store:
        assert store.applied_migrations == [m.version for m in migrations.available() if m.version > 2]
        (kept,) = store.events(filters=None)
        assert (kept.event_id, kept.fatalities, kept.perpetrators_killed) == (event.event_id, 3, None)
        # schema 4 made incidents of the stored mentions: the old chronicle is still counted
        (incident,) = query.incidents(store)
        assert kept.incident_id == incident.event_id and incident.fatalities == 3
        assert (kept.type_source, store.get_document(doc.id).language) == (None, None)


def test_language_notice_and_type_source_are_stored(store: Store) -> None:
    """Schema 5: a document's language and notice, and who decided an event's sub-type, come back as stored."""
    foreign = make_doc("doc-fr", "Des hommes armés ont tué cinq personnes à Bamako.", sections=[], language="fr",
                       notice="the text is in French (fr, 1.00): events are extracted from English only")
    assert store.add_document(foreign, [])
    back = store.get_document("doc-fr")
    assert (back.language, back.notice) == ("fr", foreign.notice)
    doc = make_doc(language="en")
    first, second = two_events(doc)
    first.type_source, first.type_reason = "model", "the model (0.91) over the trigger 'killed' (Attack)"
    second.type_source, second.type_reason = "trigger", "the trigger 'bomb'; the model agrees (0.88)"
    assert store.add_document(doc, [first, second])
    stored = {e.event_id: (e.type_source, e.type_reason) for e in store.events(EventFilter(include_flagged=True))}
    assert stored == {first.event_id: ("model", first.type_reason), second.event_id: ("trigger", second.type_reason)}
    assert (store.get_document("doc-1").language, store.get_document("doc-1").notice) == ("en", None)

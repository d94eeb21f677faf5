"""The store: transactional per-document writes, migrations, opening rules, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from dateline.errors import ConfigError, StoreError
from dateline.models import EVENT_FIELDS, REFERENCES, Document, Event, Reference, Section, make_event_id
from dateline.store import SQLiteStore, open_store
from dateline.store import migrations

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
                   hypothetical=True),
    ]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dateline.db"


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as opened:
        yield opened


def test_document_and_events_round_trip(store: SQLiteStore) -> None:
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
def test_same_document_is_stored_once(store: SQLiteStore, second) -> None:
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
def test_failed_document_leaves_nothing_behind(store: SQLiteStore, make_events) -> None:
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
    assert store.stats() == {"documents": 1, "events": 1, "counted_events": 1, "references": 0, "schema_version": 1}
    assert store.search("roadside") == [] and store.search("Gunmen") == []
    with sqlite3.connect(store.path) as raw:  # rows of every table, not only what the API shows
        assert raw.execute("SELECT COUNT(*) FROM sections WHERE document_id = 'doc-1'").fetchone() == (0,)
    assert store.events() == earlier_events
    # The failure did not poison the connection: the document can be stored once fixed.
    assert store.add_document(doc, two_events(doc)) is True


def test_has_document_needs_a_key(store: SQLiteStore) -> None:
    with pytest.raises(ConfigError):
        store.has_document()


def test_get_missing_document_and_event(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="no such document"):
        store.get_document("nope")
    with pytest.raises(StoreError, match="no such event"):
        store.get_event("nope")


def test_migrations_recorded_and_reopen_is_noop(db_path: Path) -> None:
    with SQLiteStore(db_path) as first:
        assert first.applied_migrations == [1]
    with sqlite3.connect(db_path) as raw:
        recorded = raw.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert recorded == [(1, "initial")]
    with SQLiteStore(db_path) as second:
        assert second.applied_migrations == []
        assert second.stats()["schema_version"] == 1
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM schema_migrations").fetchone() == (1,)


def test_database_from_newer_version_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)


def test_pragmas_and_schema(store: SQLiteStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    columns = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    assert columns == list(EVENT_FIELDS)
    indexed = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_date_start", "events_admin1", "events_event_type", "events_actor1", "events_actor2"} <= indexed


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


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE cities (name TEXT)")
    with pytest.raises(StoreError, match="not a dateline one"):
        open_store(path)
    with sqlite3.connect(path) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"cities"}


@pytest.mark.parametrize("target", ["folder", "missing/dir/x.db"])
def test_unusable_paths(tmp_path: Path, target: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(StoreError):
        open_store(tmp_path / target)


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
    [("postgresql://me:secret@db/dateline", "PostgreSQL backend not available yet"), ("mysql://db/x", "unknown")],
)
def test_unsupported_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(url)
    assert "secret" not in str(caught.value)
    assert caught.value.hint


def test_documents_listing(store: SQLiteStore) -> None:
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


def test_stats_counts(store: SQLiteStore) -> None:
    doc = make_doc(references=[Reference("Reuters, 26 March 2008.", 113, 136)])
    store.add_document(doc, two_events(doc))
    assert store.stats() == {"documents": 1, "events": 2, "counted_events": 1, "references": 1, "schema_version": 1}


def test_closed_store_raises_store_error(db_path: Path) -> None:
    store = open_store(db_path)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError):
        store.stats()


def test_two_connections_writing_both_land(db_path: Path) -> None:
    open_store(db_path).close()
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        try:
            with open_store(db_path) as own:
                for i in range(15):
                    doc = make_doc(f"{prefix}-{i}", f"{prefix} report {i}: " + TEXT)
                    assert own.add_document(doc, two_events(doc))
        except BaseException as err:  # noqa: BLE001 - surfaced to the test below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(p,)) for p in ("alpha", "beta")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(db_path) as check:
        assert check.stats()["documents"] == 30
        assert check.stats()["events"] == 60
        assert check.has_document("alpha-14") and check.has_document("beta-14")


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

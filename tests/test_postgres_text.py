"""PostgreSQL and characters its text type cannot hold (issue 16, item 5).

PostgreSQL refuses NUL in ``text`` (SQLite stores it); before the fix one NUL-bearing record
aborted a batch on PostgreSQL and stored nothing. Two layers keep that from happening: the
readers drop control characters (ingest/decode.py), and the store makes every string parameter
storable (store/pg_text.py) for whatever reaches it another way.
"""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from dateline.models import Document, Event, Section, make_event_id
from dateline.pipeline import ingest
from dateline.store import open_store
from dateline.store.pg_text import REPLACEMENT, storable_text
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

GOOD = [
    {"id": "good-1", "text": "Gunmen killed three policemen in Amarah on Tuesday, police said."},
    {"id": "good-2", "text": "A roadside bomb wounded four soldiers near Kirkuk on Wednesday."},
]
# NUL in every field a JSON line can give: JSON's "\u0000" escape decodes to a real NUL.
NUL_RECORD = {
    "id": "nul\u0000id", "text": "A car bomb \u0000 killed two people in Basra on 3 May 2008.",
    "title": "Basra\u0000", "url": "https://news.example/\u0000a", "source": "Wire\u0000",
    "author": "Reporter\u0000", "published": "2008-05-0\u00003",
}
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed&#0;</title>'
    "<item><title>Mosul&#0;attack</title><link>https://feed.example/&#0;1</link><author>a&#0;b</author>"
    "<description>An attack \x01 in Mosul killed ten people on 4 June 2008.</description></item>"
    "</channel></rss>"
)
HTML = ("<html><head><title>Najaf&#0;</title></head><body><p>Clashes &#0; in Najaf killed five"
        " people on 2 June 2008.</p></body></html>")


def _text_columns(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' AND data_type = 'text'").fetchall()


def _cells_with_nul_or_replacement(url: str) -> dict[str, int]:
    """How many cells of each text column hold U+FFFD (NUL cannot be there: PostgreSQL refuses it)."""
    found = {}
    with psycopg.connect(url) as conn:
        for table, column in _text_columns(url):
            count = conn.execute(f'SELECT count(*) FROM "{table}" WHERE strpos("{column}", %s) > 0',
                                 (REPLACEMENT,)).fetchone()[0]
            if count:
                found[f"{table}.{column}"] = count
    return found


def test_one_nul_record_costs_nothing_else_on_postgres(engine, pg_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    lines = [GOOD[0], NUL_RECORD, GOOD[1]]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    (folder / "feed.xml").write_text(FEED, encoding="utf-8")
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    (folder / "stray.txt").write_bytes(b"Fighting in Hilla killed six \x00 people on 5 June 2008.")
    with open_store(pg_url) as store:
        report = ingest([str(folder)], store=store, engine=engine)
        ids = {summary.id for summary in store.documents()}
        stored = {i: store.get_document(i) for i in ids}
    # everything with text is stored; the NUL-bearing record with its NUL dropped, not refused
    assert {"good-1", "good-2", "nulid"} <= ids and len(ids) == 5, ids
    nul = stored["nulid"]
    assert nul.text == "A car bomb  killed two people in Basra on 3 May 2008."
    assert (nul.title, nul.source, nul.author, nul.url) == ("Basra", "Wire", "Reporter", "https://news.example/a")
    assert all("\x00" not in (d.text + (d.title or "") + (d.url or "")) for d in stored.values())
    # a file with a NUL byte is binary: one line naming it, the rest of the batch stored
    assert [f.where for f in report.failures] == [str(folder / "stray.txt")]
    assert all("\n" not in str(f) for f in report.failures)
    assert report.documents == 5


def _event(doc: Document, start: int, end: int) -> Event:
    return Event(make_event_id(doc.id, start, end), doc.id, start, end, doc.text[start:end],
                 event_type="Violence against civilians", sub_event_type="Attack", location="Am\x00arah",
                 actor1="Gun\x00men")


def test_the_store_itself_makes_nul_storable(pg_url: str) -> None:
    """A document built in Python (no reader cleaned it) with NUL in its id, text, title and its
    event's evidence is stored with U+FFFD, offsets unchanged, and found again by its raw id."""
    text = "Gunmen\x00killed three policemen in Amarah on Tuesday."
    doc = Document(id="api\x00doc", text=text, title="T\x00", url="https://x.example/\x00",
                   sections=[Section("body", 0, len(text))])
    event = _event(doc, 0, len(text))
    with open_store(pg_url) as store:
        assert store.add_document(doc, [event]) is True
        assert store.has_document("api\x00doc")  # a lookup is cleaned the same way
        back = store.get_document("api\x00doc")
        (stored_event,) = store.events()
    assert back.id == f"api{REPLACEMENT}doc" and back.text == text.replace("\x00", REPLACEMENT)
    assert back.title == f"T{REPLACEMENT}" and len(back.text) == len(text)
    assert back.text[stored_event.evidence_start:stored_event.evidence_end] == stored_event.evidence_text
    assert stored_event.location == f"Am{REPLACEMENT}arah"
    assert _cells_with_nul_or_replacement(pg_url)["documents.text"] == 1


@pytest.mark.parametrize("raw, cleaned", [
    ("plain", "plain"),
    ("a\x00b\x00", f"a{REPLACEMENT}b{REPLACEMENT}"),
    ("lone \ud800 high, lone \udfff low", f"lone {REPLACEMENT} high, lone {REPLACEMENT} low"),
    ("emoji \U0001F600 kept", "emoji \U0001F600 kept"),
])
def test_storable_text_keeps_length_and_good_characters(raw: str, cleaned: str) -> None:
    assert storable_text(raw) == cleaned and len(storable_text(raw)) == len(raw)

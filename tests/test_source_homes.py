"""A source's home province: learned from its documents, used as a weak prior, wired into ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import PlaceResolver
from dateline.geo.source_homes import SourceHomes, domain_country, homes_from_store, source_key
from dateline.models import Document, Event
from dateline.pipeline import ingest
from dateline.store import open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

MA = ("US", "Massachusetts")
IL = ("US", "Illinois")


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


@pytest.mark.parametrize(
    "url, source, expected",
    [
        ("http://www.thetowntalk.com/article/2009/rss", None, "thetowntalk.com"),
        ("thetowntalk.com", None, "thetowntalk.com"),  # LGL's <domain>: a bare host
        ("https://News.PostBulletin.com/x", "Post-Bulletin", "news.postbulletin.com"),
        (None, " The Town Talk ", "the town talk"),
        (None, None, None),
        ("", "", None),
    ],
)
def test_source_key(url: str | None, source: str | None, expected: str | None) -> None:
    assert source_key(url=url, source=source) == expected


@pytest.mark.parametrize(
    "votes, leave_out, expected",
    [
        ([MA, MA, IL], (), MA),  # 2 of 3 agree
        ([MA, IL], (), None),  # one vote each: no leading province with 2 votes
        ([MA, MA, IL, IL], (), MA),  # a tie of 2/4 still holds half; the first counted leads
        ([MA, MA, None, None, None], (), None),  # 2 of 5: a source of world news has no home
        ([MA, MA, MA], (MA,), MA),  # the document's own vote left out: 2 others agree
        ([MA, MA, IL], (MA,), None),  # left out, 1 MA of 2 remains
        ([MA, MA, None], (None,), MA),  # a document without a province focus left out
    ],
)
def test_home_needs_agreeing_documents(votes: list, leave_out: tuple, expected: tuple | None) -> None:
    homes = SourceHomes()
    for vote in votes:
        homes.add("paper.com", vote)
    assert homes.home("paper.com", leave_out=leave_out) == expected
    assert homes.home("other.com") is None
    assert homes.homes() == ({"paper.com": homes.home("paper.com")} if homes.home("paper.com") else {})


@pytest.mark.parametrize(
    "source, country, home",
    [
        ("richmondandtwickenhamtimes.co.uk", "GB", None),  # a British paper has no home in Virginia
        ("lokalzeitung.de", "DE", None),
        ("masslive.com", None, ("US", "Virginia")),
        ("radio.fm", None, ("US", "Virginia")),  # a ccTLD used as a generic one
        ("the town talk", None, ("US", "Virginia")),  # a source name, not a domain
    ],
)
def test_a_country_domain_must_agree_with_the_home(source: str, country: str | None, home: tuple | None) -> None:
    assert domain_country(source) == country
    homes = SourceHomes()
    for _ in range(3):
        homes.add(source, ("US", "Virginia"))
    assert homes.home(source) == home


def test_thresholds_are_settings() -> None:
    homes = SourceHomes(min_documents=3, min_share=0.75)
    for vote in (MA, MA, IL):
        homes.add("paper.com", vote)
    assert homes.home("paper.com") is None  # 2 votes < 3
    homes.add("paper.com", MA)
    assert homes.home("paper.com") == MA  # 3 of 4 = 0.75
    homes.add(None, MA)  # no source: ignored
    assert set(homes.documents) == {"paper.com"}


@pytest.mark.parametrize(
    "names, home, expected",
    [
        (["Springfield"], MA, MA),
        (["Springfield"], IL, IL),
        (["Alexandria"], ("US", "Louisiana"), ("US", "Louisiana")),  # the home's country outweighs Egypt's
        (["Alexandria", "Virginia"], ("US", "Louisiana"), ("US", "Virginia")),  # a state the text names wins
        (["Cairo", "Egypt"], IL, ("EG", "Cairo")),  # a country the text names wins
        (["Kansas"], IL, ("US", "Kansas")),  # the state, not Kansas, Illinois: a town named like a state
    ],
)
def test_home_is_a_weak_prior(resolver: PlaceResolver, names: list[str], home: tuple, expected: tuple) -> None:
    context = resolver.context([(n, None) for n in names], home=home)
    resolved = resolver.resolve(names[0], context=context, nearby=names)
    assert resolved is not None
    assert (resolved.place.country_code, resolved.place.admin1) == expected
    if expected == home:
        assert "home province" in resolved.reason


def test_without_home_the_ranking_is_unchanged(resolver: PlaceResolver) -> None:
    plain = resolver.resolve("Springfield", context=resolver.context([("Springfield", None)]))
    homed = resolver.resolve("Springfield", context=resolver.context([("Springfield", None)], home=MA))
    assert plain is not None and homed is not None
    assert plain.place.admin1 != "Massachusetts" and homed.place.admin1 == "Massachusetts"


def _event(document_id: str, n: int, country: str, admin1: str) -> Event:
    return Event(event_id=f"{document_id}-{n}", document_id=document_id, evidence_start=0, evidence_end=1,
                 evidence_text="t", event_type="Violence against civilians", sub_event_type="Attack",
                 country=country, admin1=admin1, location=admin1, latitude=0.0, longitude=0.0)


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "homes.db")


def test_homes_from_the_store(target: str, resolver: PlaceResolver) -> None:
    with open_store(target) as store:
        for i, (province, other) in enumerate([("Massachusetts", "Illinois"), ("Massachusetts", None),
                                               ("Massachusetts", None)]):
            doc = Document(id=f"d{i}", text=f"text number {i}", url=f"https://www.masslive.com/{i}")
            events = [_event(doc.id, 0, "United States", province), _event(doc.id, 1, "United States", province)]
            if other:
                events.append(_event(doc.id, 2, "United States", other))
            store.add_document(doc, events)
        store.add_document(Document(id="w", text="world news", source="Wire"),
                           [_event("w", 0, "Iraq", "Baghdad")])
        rows = store.document_provinces()
        assert {(r[0], r[4], r[6]) for r in rows} >= {("d0", "Massachusetts", 2), ("d0", "Illinois", 1)}
        homes = homes_from_store(store, resolver.gazetteer)
    assert homes.home("masslive.com") == MA
    assert homes.home("wire") is None  # one document only
    assert homes.documents["masslive.com"] == 3  # one vote per document, not per event


def _jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def test_ingest_learns_a_sources_home(engine, tmp_path: Path) -> None:
    """Stories of one paper that name Massachusetts, once stored, teach its home; a later run's story
    that names only "Springfield" is placed there."""
    url = "https://www.masslive.com/news/{}"
    named = [{"id": f"m{i}", "url": url.format(i), "published": "2009-03-0{}".format(i + 1),
              "text": f"Police arrested {i + 2} men in Worcester, Massachusetts, on Monday after a robbery."}
             for i in range(3)]
    lone = {"id": "s", "url": url.format(9), "published": "2009-03-09",
            "text": "Police arrested three men in Springfield on Monday after a robbery."}
    db = tmp_path / "ingest.db"
    with open_store(db) as store:
        first = ingest([_jsonl(tmp_path / "a.jsonl", named)], store=store, engine=engine)
        assert first.events >= 3
        ingest([_jsonl(tmp_path / "b.jsonl", [lone])], store=store, engine=engine)
        events = [e for e in store.events() if e.document_id == "s"]
    assert events and events[0].admin1 == "Massachusetts"
    assert "home province" in (events[0].place_reason or "")
    with open_store(tmp_path / "off.db") as store:  # the same story without the paper's history
        ingest([_jsonl(tmp_path / "c.jsonl", [lone])], store=store, engine=engine, source_homes=False)
        (event,) = [e for e in store.events() if e.document_id == "s"]
    assert event.admin1 != "Massachusetts"

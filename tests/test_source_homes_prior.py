"""Source homes as an immutable prior: read once from the store per run, never learned inside it,
so that the order of a batch changes no document's place (the Dask path: tests/test_scale.py)."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from dateline.geo.source_homes import SourceHomes, SourcePrior, StoredHomes
from dateline.pipeline import ingest
from dateline.query import EventFilter
from dateline.store import open_store

LA = ("US", "Louisiana")
VA = ("US", "Virginia")

# One outlet, the Alexandria Town Talk: two stored stories name Louisiana (its home, once stored);
# in the new batch, three name Virginia and one names only "Alexandria", whose reading the home decides.
URL = "http://www.thetowntalk.com/{}"
HISTORY = [
    {"id": "l1", "url": URL.format("l1"), "published": "2009-03-20",
     "text": "Gunmen shot dead a man in Pineville, Louisiana, on Friday, police in Rapides Parish said."},
    {"id": "l2", "url": URL.format("l2"), "published": "2009-03-21",
     "text": "A woman was killed in a shooting in Leesville, Louisiana, on Saturday."},
]
BATCH = [
    {"id": "v1", "url": URL.format("v1"), "published": "2009-03-23",
     "text": "Gunmen shot dead a man in Roanoke, Virginia, on Monday, police said."},
    {"id": "v2", "url": URL.format("v2"), "published": "2009-03-24",
     "text": "A woman was killed in a shooting in Lynchburg, Virginia, on Tuesday."},
    {"id": "v3", "url": URL.format("v3"), "published": "2009-03-25",
     "text": "Two men were shot dead in Norfolk, Virginia, on Wednesday, police said."},
    {"id": "a", "url": URL.format("a"), "published": "2009-03-26",
     "text": "Two men were shot dead in Alexandria on Thursday, police said."},
]


def _jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def places(store) -> list[tuple]:
    """Every stored mention's place, in a fixed order."""
    return sorted((e.document_id, e.location, e.country, e.admin1, e.latitude, e.longitude, e.place_reason)
                  for e in store.events(EventFilter(include_flagged=True)))


def test_the_order_of_a_batch_changes_no_place(engine, tmp_path: Path) -> None:
    """The same stored history, then the same batch in two orders, into two fresh stores: the same
    places. (Learning inside the batch read "Alexandria" in Virginia once three Virginia stories
    came before it, in Louisiana when it came first.)"""
    found = []
    for name, batch in (("forward", BATCH), ("reversed", BATCH[::-1])):
        with open_store(tmp_path / f"{name}.db") as store:
            first = ingest([_jsonl(tmp_path / f"{name}-history.jsonl", HISTORY)], store=store, engine=engine)
            assert first.documents == 2 and first.ok
            second = ingest([_jsonl(tmp_path / f"{name}-batch.jsonl", batch)], store=store, engine=engine)
            assert second.documents == 4 and second.ok
            found.append(places(store))
    forward, backward = found
    assert forward == backward
    alexandria = [p for p in forward if p[0] == "a"]
    assert alexandria and {(p[1], p[2], p[3]) for p in alexandria} == {("Alexandria", "United States", "Louisiana")}
    assert {p[3] for p in forward if p[0].startswith("v")} == {"Virginia"}


def test_refresh_reads_the_homes_of_the_stored_state(engine, tmp_path: Path) -> None:
    """Re-extracting the stored documents reads the homes the store held when the refresh began,
    each document's own stored vote left out: "Alexandria" stays in Louisiana on the two other
    stories' word (without the prior it would be Egypt's)."""
    from dateline.pipeline import refresh

    with open_store(tmp_path / "refresh.db") as store:
        ingest([_jsonl(tmp_path / "history.jsonl", HISTORY)], store=store, engine=engine)
        ingest([_jsonl(tmp_path / "lone.jsonl", BATCH[-1:])], store=store, engine=engine)
        before = places(store)
        report = refresh(store=store, engine=engine)
        assert report.refreshed == 3 and report.ok
        assert places(store) == before
    assert {p[3] for p in before if p[0] == "a"} == {"Louisiana"}


def test_the_web_apps_added_documents_read_the_same_homes(engine, tmp_path: Path) -> None:
    """Documents added in the browser (the web app's job queue) are placed as `dateline ingest`
    places them for the same stored state."""
    from dateline.web.jobs import JobRunner

    found = []
    for name in ("cli", "web"):
        with open_store(tmp_path / f"{name}.db") as store:
            ingest([_jsonl(tmp_path / f"{name}-history.jsonl", HISTORY)], store=store, engine=engine)
            if name == "cli":
                ingest([_jsonl(tmp_path / "cli-batch.jsonl", BATCH)], store=store, engine=engine)
            else:
                runner = JobRunner(store, engine=engine, fetch_policy=None)
                content = "".join(json.dumps(r) + "\n" for r in BATCH[::-1]).encode("utf-8")
                job = runner.submit_texts("paper", [("batch.jsonl", content)])
                assert runner.wait(timeout=120)
                runner.close()
                done = runner.get(job.id)
                assert done is not None and done.documents == len(BATCH), done
            found.append(places(store))
    assert found[0] == found[1]
    assert {p[3] for p in found[1] if p[0] == "a"} == {"Louisiana"}


# -- the prior itself: frozen, leaves a stored document's own vote out, ships to a worker whole


def _stored(votes: list[tuple[str, tuple[str, str] | None]]) -> StoredHomes:
    homes = SourceHomes()
    for _doc, vote in votes:
        homes.add("paper.com", vote)
    return homes.frozen({doc: ("paper.com", vote, 1) for doc, vote in votes})


def test_stored_homes_cannot_be_changed() -> None:
    homes = _stored([("d1", LA), ("d2", LA)])
    assert not hasattr(homes, "add")
    with pytest.raises(dataclasses.FrozenInstanceError):
        homes.votes = {}  # type: ignore[misc]


def test_a_stored_document_is_no_evidence_for_itself() -> None:
    homes = _stored([("d1", LA), ("d2", LA), ("d3", VA)])
    assert homes.prior("paper.com") == SourcePrior(home=LA)  # a new document: 2 of 3
    assert homes.prior("paper.com", document_id="d3") == SourcePrior(home=LA)  # 2 of 2 others
    assert homes.prior("paper.com", document_id="d1").home is None  # 1 Louisiana, 1 Virginia left
    assert homes.prior("other.com") == SourcePrior()
    assert homes.home("paper.com") == LA and homes.homes() == {"paper.com": LA}


def test_a_batchs_part_gives_the_same_priors_and_pickles() -> None:
    homes = SourceHomes()
    for source, vote in [("paper.com", LA), ("paper.com", LA), ("other.com", VA), ("other.com", VA)]:
        homes.add(source, vote)
    stored = homes.frozen({"d1": ("paper.com", LA, 1), "o1": ("other.com", VA, 1)})
    part = pickle.loads(pickle.dumps(stored.restricted(["paper.com", None], ["d1", "o1", "new"])))
    assert set(part.votes) == {"paper.com"} and set(part.own) == {"d1"}
    for document_id in ("d1", "new"):
        assert part.prior("paper.com", document_id=document_id) == stored.prior("paper.com", document_id=document_id)
    assert part.prior("other.com") == SourcePrior() != stored.prior("other.com")

"""Re-extraction of stored documents (``dateline ingest --refresh``), on SQLite and PostgreSQL:
the new extraction replaces the old, and people's decisions hold. A machine value that changes under
an accepted or edited field is a conflict to review, never applied; rejections stay; merges and
splits hold while their reports still exist, and lapse (kept, reported) when they do not."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import test_review as told  # the invented Kut, Hilla and Najaf reports
from dateline import review
from dateline.cli import main
from dateline.errors import StoreError
from dateline.models import Document, Event, make_event_id
from dateline.query import EventFilter
from dateline.review.api import review_records
from dateline.store import open_store
from dateline.store.refresh import carry_ids
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_server").new_database()
    return str(tmp_path / "refresh.db")


def reextracted(key: str, *, span_end: int = 0, **changes) -> tuple[Document, list[Event]]:
    """The story as a newer extractor might find it: other values, and (``span_end``) an evidence
    span that ends ``span_end`` characters earlier, so its mention id and report id are new."""
    doc, events = told.story(key)
    out = []
    for event in events:
        end = event.evidence_end - span_end
        out.append(dataclasses.replace(event, event_id=make_event_id(doc.id, event.evidence_start, end),
                                       evidence_end=end, evidence_text=doc.text[event.evidence_start:end],
                                       incident_id=None, **changes))
    return doc, out


def test_accepted_value_changed_by_the_machine_becomes_a_conflict(url: str) -> None:
    with open_store(url) as store:
        told.add(store, "one", "hilla")
        kut = told.by_place(store, "Kut")
        review.accept(store, kut.event_id, author="ana")
        done = store.replace_extraction(*reextracted("one", fatalities=12))
        held = told.by_place(store, "Kut")
        assert held.event_id == kut.event_id and held.fatalities == 9  # the person's value, not 12
        assert done.conflicts == 1 and done.kept == [kut.event_id] and not done.gone
        state = store.review_of(held.event_id)
        assert state.status == "accepted"
        conflict = next(c for c in state.conflicts if c.field == "fatalities")
        assert (conflict.held, conflict.machine_then, conflict.machine_now) == (9, 9, 12)
        assert review.queue(store)[0].incident.incident_id == held.event_id  # surfaced first
        record = review_records(store, [held.event_id])[held.event_id]
        assert record["conflicts"][0]["machine_now"] == 12
        # the mention itself is the new extraction (mentions are the machine's, not reviewed)
        assert [m.fatalities for m in store.mentions_of(held.event_id)] == [12]


def test_edit_is_carried_when_the_evidence_span_moves(url: str) -> None:
    with open_store(url) as store:
        told.add(store, "one")
        kut = told.by_place(store, "Kut")
        review.edit(store, kut.event_id, {"location": "Kut market"}, author="ana", follow=False)
        doc, events = reextracted("one", span_end=1, location="Kut city")
        assert events[0].event_id != store.mentions_of(kut.event_id)[0].event_id
        done = store.replace_extraction(doc, events)
        assert done.kept == [kut.event_id] and not done.new and not done.decided_gone
        incident = store.incidents(EventFilter(review="all"))
        assert [(i.event_id, i.location) for i in incident] == [(kut.event_id, "Kut market")]
        state = store.review_of(kut.event_id)
        assert state.edited == {"location": "Kut market"}
        assert [(c.field, c.machine_now) for c in state.conflicts] == [("location", "Kut city")]
        assert store.mentions_of(kut.event_id)[0].event_id == events[0].event_id
        assert store.stats()["events"] == 1  # the old mention is gone, not kept beside the new


def test_unchanged_reextraction_changes_nothing_and_rejection_stays(url: str) -> None:
    with open_store(url) as store:
        told.add(store, "one", "hilla")
        hilla = told.by_place(store, "Hilla")
        review.reject(store, hilla.event_id, reason="a robbery", author="ana")
        before = store.stats()
        done = store.replace_extraction(*told.story("hilla"))
        assert done.conflicts == 0 and done.kept == [hilla.event_id]
        assert store.stats() == before
        assert [i.location for i in store.incidents()] == ["Kut"]  # still hidden
        assert store.review_of(hilla.event_id).status == "rejected"


def test_merge_and_split_hold_through_refresh(url: str) -> None:
    with open_store(url) as store:
        told.add(store, "one", "two", "hilla")
        kut, hilla = told.by_place(store, "Kut"), told.by_place(store, "Hilla")
        review.merge(store, kut.event_id, hilla.event_id, author="ana", reason="one attack")
        mention = told.story("two")[1][0].event_id
        review.split(store, kut.event_id, mention, author="ana", reason="another market")
        groups = sorted(told.by_place_doc(store))
        assert groups == [["hilla", "one"], ["two"]]
        for key in ("one", "two", "hilla"):
            store.replace_extraction(*reextracted(key, span_end=1))
        assert sorted(told.by_place_doc(store)) == groups


def test_decisions_on_an_event_no_longer_found_are_kept_and_reported(url: str) -> None:
    with open_store(url) as store:
        told.add(store, "one", "hilla")
        kut, hilla = told.by_place(store, "Kut"), told.by_place(store, "Hilla")
        review.merge(store, kut.event_id, hilla.event_id, author="ana")
        doc, _ = told.story("hilla")
        done = store.replace_extraction(doc, [])  # the newer extractor finds no event in it
        assert done.gone == done.decided_gone == [hilla.event_id]
        assert "apply to nothing" in done.notices()[0]
        assert [i.location for i in store.incidents(EventFilter(review="all"))] == ["Kut"]  # the merge lapsed
        assert store.resolve_incident(kut.event_id).document_ids == ["one"]
        assert any(d.action == "merge" for d, _ in review.history(store, kut.event_id))  # kept, on record


def test_refresh_refuses_changed_text_and_unknown_documents(url: str) -> None:
    with open_store(url) as store:
        told.add(store, "one")
        before = store.stats()
        doc, events = told.story("one")
        with pytest.raises(StoreError, match="differs"):
            store.replace_extraction(dataclasses.replace(doc, text=doc.text + " More.", content_hash=""), events)
        with pytest.raises(StoreError, match="no such document"):
            store.replace_extraction(*told.story("najaf"))
        assert store.stats() == before


def test_carry_ids_pairs_by_shared_evidence_one_to_one() -> None:
    old = {"a": [(0, 50)], "b": [(60, 100)], "c": [(200, 240)]}
    new = {"x": [(2, 48)], "y": [(40, 90)], "c": [(300, 320)]}
    # the same id first; then most shared characters; nothing shared, nothing carried
    assert carry_ids(old, new) == {"c": "c", "x": "a", "y": "b"}
    assert carry_ids({"a": [(0, 10)]}, {"z": [(20, 30)]}) == {}


# -- the command, with the real extractor ---------------------------------------------------------


def test_cli_refresh_keeps_decisions(tmp_path: Path, engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    cli = importlib.import_module("dateline.cli.main")  # the module (the package's "main" is the group)
    monkeypatch.setattr(cli, "load_engine", lambda: engine)  # the session's real engine, loaded once
    post = tmp_path / "post.txt"
    post.write_text("BAGHDAD, March 3, 2008 -- A roadside bomb killed four policemen in Baquba on Monday, "
                    "police said.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(post), "--db", db]).exit_code == 0
    rows = [json.loads(line) for line in runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output.splitlines()]
    assert rows
    first = rows[0]["incident_id"]
    assert runner.invoke(main, ["review", "edit", first, "fatalities=5", "--db", db, "--user", "ana"]).exit_code == 0
    result = runner.invoke(main, ["ingest", "--refresh", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 document(s) re-extracted" in result.output
    after = {json.loads(line)["incident_id"]: json.loads(line)
             for line in runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output.splitlines()}
    assert after[first]["fatalities"] == 5 and after[first]["review"]["status"] == "edited"
    # the given input again: re-extracted (not skipped as already stored)
    again = runner.invoke(main, ["ingest", "--refresh", str(post), "--db", db])
    assert again.exit_code == 0 and "1 document(s) re-extracted" in again.output
    assert runner.invoke(main, ["ingest", "--db", db]).exit_code == 2  # nothing to ingest


def test_refresh_leaves_stored_copies_without_incidents(tmp_path: Path, engine) -> None:
    from dateline.incidents.report import Report
    from dateline.pipeline import refresh

    text = "A roadside bomb killed four policemen in Baquba on Monday, police said."
    with open_store(tmp_path / "copies.db") as store:
        original = Document(id="orig", text=text, published="2008-03-03", source="AP")
        copy = Document(id="copy", text=text + " (AP)", published="2008-03-03", source="Other")
        events = next(iter(engine.extract([original])))[1]
        assert events
        store.add_document(original, events)
        assert store.add_document(copy, [], report=Report("copy"), copy_of=("orig", 0.97))
        before = store.stats()
        done = refresh(store=store, engine=engine)
        assert done.ok and done.refreshed == 1 and done.copies == 1
        assert store.stats()["events"] == before["events"] and store.stats()["incidents"] == before["incidents"]
        assert store.count_events(EventFilter(document_id="copy", include_flagged=True, unit="mentions")) == 0

"""The analyst's decisions, on SQLite and PostgreSQL: every action, the history, undo, and that no
re-run (re-ingest, more reports of the incident, re-grouping) overwrites a decision."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import review
from dateline.cli import main
from dateline.errors import ReviewError
from dateline.export import export_events
from dateline.incidents.report import consolidate
from dateline.models import Document, Event, make_event_id
from dateline.query import EventFilter
from dateline.review.api import review_records
from dateline.review.apply import Decision, apply_decisions
from dateline.store import open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

BOMB = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")
SHOOTING = dict(event_type="Violence against civilians", sub_event_type="Attack")
# Invented reports: one market bombing in Kut told by four outlets (tolls 9, 9, 11, 11), a shooting in
# Hilla the same day, and an unrelated bombing in Najaf a week later.
STORIES: dict[str, tuple[str, list[tuple[str, dict]]]] = {
    "one": ("Outlet One", [("A bomb killed 9 people at a market in Kut on Monday.",
                            dict(BOMB, fatalities=9, location="Kut", admin1="Wasit", latitude=32.5, longitude=45.8))]),
    "two": ("Outlet Two", [("Nine died when a bomb hit a Kut market on Monday.",
                            dict(BOMB, fatalities=9, location="Kut", admin1="Wasit", latitude=32.51, longitude=45.81))]),
    "three": ("Outlet Three", [("The toll of the Kut market bomb rose to 11 on Monday.",
                                dict(BOMB, fatalities=11, location="Kut", admin1="Wasit", latitude=32.5, longitude=45.8))]),
    "four": ("Outlet Four", [("Eleven were killed by the bomb in the Kut market on Monday.",
                              dict(BOMB, fatalities=11, location="Kut", admin1="Wasit", latitude=32.5, longitude=45.8))]),
    "hilla": ("Outlet Two", [("Gunmen killed 2 shopkeepers in Hilla on Monday.",
                              dict(SHOOTING, fatalities=2, location="Hilla", admin1="Babil", latitude=32.48, longitude=44.42))]),
    "basra": ("Outlet Three", [("A car bomb killed 6 near a Basra checkpoint on 4 May 2007.",
                                dict(BOMB, fatalities=6, location="Basra", admin1="Basra", latitude=30.5, longitude=47.8,
                                     date_start="2007-05-04", date_end="2007-05-04"))]),
    "najaf": ("Outlet One", [("A roadside bomb killed 4 in Najaf on Monday.",
                              dict(BOMB, fatalities=4, location="Najaf", admin1="Najaf", latitude=32.0, longitude=44.3,
                                   date_start="2009-05-11", date_end="2009-05-11"))]),
}


def story(key: str, *, doc_id: str | None = None) -> tuple[Document, list[Event]]:
    outlet, told = STORIES[key]
    doc_id = doc_id or key
    text = " ".join(sentence for sentence, _ in told)
    doc = Document(id=doc_id, text=text, source=outlet, published="2009-05-05")
    events = []
    for sentence, fields in told:
        start = text.index(sentence)
        values = dict(date_start="2009-05-04", date_end="2009-05-04", time_precision=1, date_reason="sentence: 'Monday'",
                      country="Iraq", geo_precision=1, place_reason="in sentence", source=outlet, published="2009-05-05",
                      confidence=0.8)
        values.update(fields)
        events.append(Event(make_event_id(doc_id, start, start + len(sentence)), doc_id, start, start + len(sentence),
                            sentence, **values))
    return doc, events


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_server").new_database()
    return str(tmp_path / "review.db")


def add(store, *keys: str) -> None:
    for key in keys:
        store.add_document(*story(key))


def by_place(store, place: str, *, scope: str = "all") -> Event:
    found = [i for i in store.incidents(EventFilter(review=scope)) if i.location == place]
    assert len(found) == 1, [(i.event_id, i.location) for i in store.incidents(EventFilter(review="all"))]
    return found[0]


# -- decisions survive re-runs ------------------------------------------------------------------


def test_edit_holds_when_more_reports_join_and_on_reingest(url: str) -> None:
    with open_store(url) as store:
        add(store, "one")
        kut = by_place(store, "Kut")
        review.edit(store, kut.event_id, {"location": "Kut market", "fatalities": "8"}, author="ana", follow=False)
        add(store, "two", "three")  # more reports of the same incident: the machine re-forms it
        assert store.add_document(*story("one")) is False  # re-ingest: nothing rewritten
        incident = by_place(store, "Kut market")
        assert incident.fatalities == 8
        assert store.count_incidents(EventFilter(review="all")) == 1
        assert len(store.resolve_incident(incident.event_id).document_ids) == 3
        state = store.review_of(incident.event_id)
        assert state.status == "edited" and state.edited == {"fatalities": 8, "location": "Kut market"}
        assert state.machine["location"] == "Kut"


def test_machine_change_under_an_accepted_field_is_a_conflict_not_applied(url: str) -> None:
    with open_store(url) as store:
        add(store, "one", "hilla")
        kut = by_place(store, "Kut")
        assert kut.fatalities == 9
        review.accept(store, kut.event_id, author="ana")
        add(store, "three", "four")  # two outlets say 11, one says 9: the machine's toll becomes 11
        held = by_place(store, "Kut")
        assert held.fatalities == 9  # the accepted value stays
        state = store.review_of(held.event_id)
        assert [c.field for c in state.conflicts if c.field == "fatalities"] == ["fatalities"]
        conflict = next(c for c in state.conflicts if c.field == "fatalities")
        assert (conflict.held, conflict.machine_then, conflict.machine_now) == (9, 9, 11)
        queued = review.queue(store)
        assert queued[0].incident.incident_id == held.event_id and "pinned" in queued[0].reasons[0]
        # accepting again with the machine's values resolves it
        review.accept(store, held.event_id, author="bo", take_machine=True)
        after = by_place(store, "Kut")
        assert after.fatalities == 11 and not store.review_of(after.event_id).conflicts
        assert held.event_id not in [q.incident.incident_id for q in review.queue(store)]


def test_decision_follows_its_report_when_the_incident_id_changes(url: str) -> None:
    with open_store(url) as store:
        add(store, "two")
        first = by_place(store, "Kut")
        review.edit(store, first.event_id, {"fatalities": "7"}, author="ana")
        # a further report whose report incident id sorts first: the incident takes that id
        candidates = [f"k{n}" for n in range(60)]
        ids = {c: consolidate(*story("one", doc_id=c)).incidents[0].incident_id for c in candidates}
        earlier = next(c for c in candidates if ids[c] < first.event_id)
        store.add_document(*story("one", doc_id=earlier))
        moved = by_place(store, "Kut")
        assert moved.event_id == ids[earlier] != first.event_id
        assert moved.fatalities == 7
        # the old id still finds the incident
        assert store.resolve_incident(first.event_id).incident_id == moved.event_id
        assert [d.action for d, _ in review.history(store, first.event_id)] == ["edit", "edit", "edit"]


# -- every action -------------------------------------------------------------------------------


def test_reject_hides_it_unless_all_and_reviewed_keeps_only_checked(url: str) -> None:
    with open_store(url) as store:
        add(store, "one", "hilla", "najaf")
        hilla, najaf = by_place(store, "Hilla"), by_place(store, "Najaf")
        review.reject(store, hilla.event_id, reason="a robbery, not political violence", author="ana")
        review.accept(store, najaf.event_id, author="ana")
        published = {i.location for i in store.incidents()}
        assert published == {"Kut", "Najaf"}
        assert {i.location for i in store.incidents(EventFilter(review="all"))} == {"Kut", "Najaf", "Hilla"}
        assert [i.location for i in store.incidents(EventFilter(review="reviewed"))] == ["Najaf"]
        assert store.count_incidents(EventFilter(review="reviewed")) == 1
        assert sum(r.events for r in store.timeline(EventFilter(), by="year")) == 2
        assert sorted(e.location for e in store.on_this_day(5, 4, EventFilter(review="all"))) == ["Hilla", "Kut"]
        assert [e.location for e in store.on_this_day(5, 4)] == ["Kut"]
        state = store.review_of(hilla.event_id)
        assert state.status == "rejected" and state.reason.startswith("a robbery")


def test_merge_holds_through_regrouping_and_undo_separates(url: str) -> None:
    with open_store(url) as store:
        add(store, "one", "hilla")
        kut, hilla = by_place(store, "Kut"), by_place(store, "Hilla")
        review.merge(store, kut.event_id, hilla.event_id, author="ana", reason="one attack, two streets")
        assert store.count_incidents() == 1
        merged = store.incidents()[0]
        assert sorted(store.resolve_incident(merged.event_id).document_ids) == ["hilla", "one"]
        add(store, "two")  # the machine re-clusters the Kut reports: the person's merge must hold
        assert store.count_incidents() == 1
        assert any("merged by ana" in r for r in store.resolve_incident(merged.event_id).merge_reasons)
        review.undo(store, merged.event_id, author="ana")
        assert sorted(i.location for i in store.incidents()) == ["Hilla", "Kut"]
        assert sorted(by_place_doc(store)) == [["hilla"], ["one", "two"]]


def by_place_doc(store) -> list[list[str]]:
    return [sorted(store.resolve_incident(i.event_id).document_ids) for i in store.incidents()]


def test_split_keeps_a_report_apart_and_undo_rejoins(url: str) -> None:
    with open_store(url) as store:
        add(store, "one", "two")
        kut = by_place(store, "Kut")
        mention = story("two")[1][0].event_id
        review.split(store, kut.event_id, mention, author="ana", reason="another market")
        assert sorted(by_place_doc(store)) == [["one"], ["two"]]
        add(store, "three")  # links to both: the split must hold, three may join either side
        groups = by_place_doc(store)
        assert not any({"one", "two"} <= set(g) for g in groups)
        review.undo(store, kut.event_id, author="ana")
        assert by_place_doc(store) == [["one", "three", "two"]]


def test_note_and_history_with_authors_and_values(url: str) -> None:
    with open_store(url) as store:
        add(store, "one")
        kut = by_place(store, "Kut")
        review.note(store, kut.event_id, "check the hospital's figure", author="bo")
        review.edit(store, kut.event_id, {"actor1": "Unidentified Armed Group (Iraq)"}, author="ana", reason="claim unverified")
        review.undo(store, kut.event_id, author="ana")
        found = review.history(store, kut.event_id)
        assert [(d.action, d.author, active) for d, active in found] == [
            ("note", "bo", True), ("edit", "ana", False), ("undo", "ana", True)]
        edit = found[1][0]
        assert (edit.field, edit.before, edit.after, edit.reason) == ("actor1", None, "Unidentified Armed Group (Iraq)", "claim unverified")
        assert by_place(store, "Kut").actor1 is None  # undone
        assert store.review_of(kut.event_id).notes[0]["note"] == "check the hospital's figure"


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, i: review.edit(s, i, {"confidence": "1"}, author="ana"), "cannot be edited"),
    (lambda s, i: review.edit(s, i, {"fatalities": "many"}, author="ana"), "not a count"),
    (lambda s, i: review.edit(s, i, {"date_start": "2009-13-01"}, author="ana"), "date_start"),
    (lambda s, i: review.edit(s, i, {"event_type": ""}, author="ana"), "cannot be empty"),
    (lambda s, i: review.reject(s, i, reason=" ", author="ana"), "needs a reason"),
    (lambda s, i: review.undo(s, i, author="ana"), "no decision to undo"),
    (lambda s, i: review.merge(s, i, i, author="ana"), "itself"),
    (lambda s, i: review.accept(s, "nope", author="ana"), "no such incident"),
])
def test_bad_decisions_are_refused_and_write_nothing(tmp_path: Path, call, message: str) -> None:
    with open_store(tmp_path / "r.db") as store:
        add(store, "one")
        kut = by_place(store, "Kut")
        with pytest.raises(ReviewError, match=message):
            call(store, kut.event_id)
        assert review.history(store, kut.event_id) == []
        assert by_place(store, "Kut") == kut


def test_no_author_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_USER", raising=False)
    with open_store(tmp_path / "r.db") as store:
        add(store, "one")
        with pytest.raises(ReviewError, match="DATELINE_USER"):
            review.accept(store, by_place(store, "Kut").event_id)
        monkeypatch.setenv("DATELINE_USER", "cy")
        assert review.accept(store, by_place(store, "Kut").event_id)[0].author == "cy"


# -- applying, pure -----------------------------------------------------------------------------


def _d(i: int, action: str, **kw) -> Decision:
    return Decision(id=i, incident_key="k", incident_id="k", action=action, author="ana", at=f"t{i}", **kw)


def test_latest_pin_wins_and_undone_decisions_do_nothing() -> None:
    machine = story("one")[1][0]
    record, state = apply_decisions(machine, [
        _d(1, "edit", field="fatalities", before=9, after=5, machine=9),
        _d(2, "edit", field="fatalities", before=5, after=6, machine=9),
        _d(3, "edit", field="location", before="Kut", after="X", machine="Kut"),
        _d(4, "undo", target="3"),
    ])
    assert (record.fatalities, record.location, state.status, state.conflicts) == (6, "Kut", "edited", [])
    record, state = apply_decisions(machine, [_d(1, "edit", field="fatalities", before=9, after=5, machine=12)])
    assert record.fatalities == 5 and [c.machine_now for c in state.conflicts] == [9]


# -- the command line and exports ---------------------------------------------------------------


def run(*args: str, user: str | None = "ana"):
    env = {"DATELINE_USER": user} if user else {"DATELINE_USER": ""}
    return CliRunner().invoke(main, list(args), env=env)


def test_cli_review_flow(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        add(store, "one", "hilla")
        kut, hilla = by_place(store, "Kut"), by_place(store, "Hilla")
    assert run("review", "edit", kut.event_id, "fatalities=8", "--db", db).exit_code == 0
    assert run("review", "reject", hilla.event_id, "--reason", "robbery", "--db", db).exit_code == 0
    queue = run("review", "queue", "--db", db, "--format", "jsonl")
    assert queue.exit_code == 0 and queue.output.strip() == ""  # both decided, no conflicts
    listed = run("incidents", "--db", db, "--format", "jsonl")
    records = [json.loads(line) for line in listed.output.splitlines()]
    assert [(r["location"], r["fatalities"], r["review"]["status"], r["review"]["edited"]) for r in records] == [
        ("Kut", 8, "edited", {"fatalities": 8, "fatalities_high": 8, "fatalities_low": 8})]
    everything = run("incidents", "--db", db, "--format", "jsonl", "--all")
    assert len(everything.output.splitlines()) == 2
    shown = run("show", kut.event_id, "--history", "--db", db)
    assert shown.exit_code == 0 and "History:" in shown.output and "ana: edit fatalities: 9 -> 8" in shown.output
    bad = run("review", "edit", kut.event_id, "speed=3", "--db", db)
    assert bad.exit_code == 1 and bad.output.startswith("Error:") and "cannot be edited" in bad.output
    anonymous = run("review", "accept", kut.event_id, "--db", db, user=None)
    assert anonymous.exit_code == 1 and "DATELINE_USER" in anonymous.output
    assert run("review", "undo", kut.event_id, "--db", db).exit_code == 0
    assert "edit fatalities: 9 -> 8  [undone]" in run("review", "history", kut.event_id, "--db", db).output


def test_exports_mark_human_values(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        add(store, "one", "najaf")
        kut = by_place(store, "Kut")
        review.edit(store, kut.event_id, {"fatalities": "8"}, author="ana")
        rows = store.incidents()
        reviews = review_records(store, [r.event_id for r in rows])
    out = io.StringIO()
    export_events(rows, "acled-csv", out)
    assert "reviewed:" not in out.getvalue()  # without reviews nothing is marked
    out = io.StringIO()
    export_events(rows, "acled-csv", out, reviews=reviews)
    tagged = [line for line in out.getvalue().splitlines() if "reviewed: edited by ana" in line]
    assert len(tagged) == 1 and "human values: fatalities" in tagged[0]
    out = io.StringIO()
    export_events(rows, "jsonl", out, reviews=reviews)
    records = {json.loads(line)["event_id"]: json.loads(line) for line in out.getvalue().splitlines()}
    assert "review" not in records[by_place_id(rows, "Najaf")]
    history = records[kut.event_id]["review"]["history"]
    assert [(h["action"], h["field"], h["after"], h["in_force"]) for h in history][0] == ("edit", "fatalities", 8, True)


def by_place_id(rows, place: str) -> str:
    return next(r.event_id for r in rows if r.location == place)


# -- publishing -----------------------------------------------------------------------------------


def test_sidebar_and_chronology_publish_reviewed_incidents_only(tmp_path: Path) -> None:
    db = str(tmp_path / "pub.db")
    with open_store(db) as store:
        add(store, "one", "hilla", "basra")
        kut, basra = by_place(store, "Kut"), by_place(store, "Basra")
        review.accept(store, kut.event_id, author="ana")
        review.edit(store, basra.event_id, {"fatalities": "7"}, author="ana")
    sidebar = run("onthisday", "05-04", "--format", "sidebar", "--markup", "text", "--db", db)
    assert sidebar.exit_code == 0
    lines = sidebar.output.splitlines()
    assert lines[0] == "This day in history: 4 May"
    assert lines[1:] == ["2009 — Remote explosive/landmine/IED, 9 killed, Kut, Wasit, Iraq (Outlet One)",
                         "2007 — Remote explosive/landmine/IED, 7 killed, Basra, Iraq (Outlet Three)"]  # Hilla: not reviewed
    as_html = run("onthisday", "05-04", "--format", "sidebar", "--markup", "html", "--db", db).output
    assert as_html.startswith('<aside class="this-day">') and as_html.count("<li>") == 2
    chronology = run("chronology", "--from", "2009", "--to", "2009", "--db", db)
    assert chronology.exit_code == 0
    assert chronology.output.splitlines()[2] == "- **2009-05-04** — Remote explosive/landmine/IED, 9 killed, Kut, Wasit, Iraq. Sources: Outlet One"
    assert "Basra" not in chronology.output and "Hilla" not in chronology.output


def test_queue_ranked_in_sql_is_the_python_ranking(url: str) -> None:
    """The store ranks the queue with each rule's SQL; it must give what the rules give in Python."""
    from dateline.review.queue import QUEUE_RULES, rank

    with open_store(url) as store:
        add(store, "one", "hilla", "basra", "najaf")
        review.accept(store, by_place(store, "Kut").event_id, author="ana")
        add(store, "three", "four")  # the toll under the accept changes: a conflict
        doc, events = story("najaf", doc_id="najaf-again")  # another outlet, another toll: sources disagree
        store.add_document(dataclasses.replace(doc, text=doc.text + " Later.", content_hash=""),
                           [dataclasses.replace(e, fatalities=5, source="Outlet Two") for e in events])
        doc, events = story("hilla", doc_id="weak")  # a battle elsewhere, a year earlier, placed and dated weakly
        store.add_document(dataclasses.replace(doc, text=doc.text + " Weak.", content_hash=""),
                           [dataclasses.replace(e, confidence=0.3, date_reason="published", latitude=None,
                                                     event_type="Battles", sub_event_type="Armed clash",
                                                     date_start="2008-01-01", date_end="2008-01-01",
                                                     location="Hilla road", fatalities=40) for e in events])
        python = rank(store.review_candidates(), rules=QUEUE_RULES)
        fired = {reason for q in python for reason in q.reasons}
        assert {"the machine changed a value a person had pinned", "sources disagree", "25 or more killed",
                "joined from several reports by the machine", "low confidence"} <= fired, fired
        for limit in (1, 2, len(python), 50):
            sql = review.queue(store, limit=limit)
            assert [(q.incident.incident_id, q.priority, q.reasons) for q in sql] == \
                [(q.incident.incident_id, q.priority, q.reasons) for q in python[:limit]]


def test_queue_keys_migration_counts_the_stored_lists(url: str) -> None:
    """Schema 8's backfill gives a database of schema 7 the counts the store now writes itself."""
    from dateline.store import migrations

    with open_store(url) as store:
        add(store, "one", "two", "three")  # tolls 9, 9, 11: one incident whose sources disagree
        incident = store.resolve_incident(store.incidents()[0].event_id)
        assert incident.disagreements and len(incident.document_ids) == 3
        folder = migrations.POSTGRES_DIR if url.startswith("postgresql") else migrations.MIGRATIONS_DIR
        step = next(m for m in migrations.available(folder) if m.name == "queue_keys")
        backfill = next(s for s in step.statements() if s.lstrip().upper().startswith("UPDATE"))
        written = store._conn.execute("SELECT n_disagreements, n_merge_reasons FROM incidents").fetchall()
        assert [tuple(r) for r in written] == [(len(incident.disagreements), len(incident.merge_reasons))]
        with store._transaction() as conn:
            conn.execute("UPDATE incidents SET n_disagreements = 0, n_merge_reasons = 0")
            conn.execute(backfill)
        assert [tuple(r) for r in store._conn.execute("SELECT n_disagreements, n_merge_reasons FROM incidents").fetchall()] == \
            [tuple(r) for r in written]

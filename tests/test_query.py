"""Filters, timeline, on-this-day and search over a small hand-made corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline import query
from dateline.errors import ConfigError
from dateline.models import Document, Event, make_event_id
from dateline.query import EventFilter, parse_date_arg, parse_date_range
from dateline.store import SQLiteStore, keys, open_store

DOC_A = (
    "Mahdi Army fighters clashed with Iraqi troops in Amarah on 25 March, leaving five dead. "
    "A roadside bomb killed two people in Basra between 27 and 31 March. "
    "Police denied that gunmen attacked Qal'at Salih."
)
DOC_B = (
    "Hundreds protested in Al-Kūt a year earlier. "
    "The governor resigned in Baghdad. "
    "Fighting was reported in Majar al-Kabir in March 2009."
)

# label -> (document, evidence sentence, fields)
EVENTS: dict[str, tuple[str, str, dict]] = {
    "clash": ("doc-a", "Mahdi Army fighters clashed with Iraqi troops in Amarah on 25 March, leaving five dead.", dict(
        event_type="Battles", sub_event_type="Armed clash", actor1="Mahdi Army", actor2="Military Forces of Iraq",
        inter1=3, inter2=1, location="Amarah", admin1="Maysan", country="Iraq",
        date_start="2008-03-25", date_end="2008-03-25", time_precision=1, fatalities=5)),
    "bomb": ("doc-a", "A roadside bomb killed two people in Basra between 27 and 31 March.", dict(
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group", assoc_actor_1="Sadrist Movement", actor2_id="civilians-iraq",
        location="Basra", admin1="Basrah", country="Iraq",
        date_start="2008-03-27", date_end="2008-03-31", time_precision=2, fatalities=2)),
    "denied": ("doc-a", "Police denied that gunmen attacked Qal'at Salih.", dict(
        event_type="Violence against civilians", sub_event_type="Attack", location="Qal'at Salih",
        admin1="Maysan", country="Iraq", date_start="2008-04-10", time_precision=1, fatalities=1, negated=True)),
    "protest": ("doc-b", "Hundreds protested in Al-Kūt a year earlier.", dict(
        event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)", location="Al-Kūt",
        admin1="Wasit", country="Iraq", date_start="2007-03-25", time_precision=1)),
    "resigned": ("doc-b", "The governor resigned in Baghdad.", dict(
        event_type="Strategic developments", sub_event_type="Other", location="Baghdad", admin1="Baghdad",
        country="Iraq")),
    "majar": ("doc-b", "Fighting was reported in Majar al-Kabir in March 2009.", dict(
        event_type="Battles", sub_event_type="Armed clash", location="Majar al-Kabir", admin1="Maysan",
        country="Iraq", date_start="2009-03-25", date_end="2009-03-31", time_precision=3, fatalities=4)),
}


def build(doc_id: str, text: str) -> tuple[Document, list[Event]]:
    doc = Document(id=doc_id, text=text, title=f"Report {doc_id}", published="2009-04-01")
    events = []
    for label, (owner, sentence, fields) in EVENTS.items():
        if owner != doc_id:
            continue
        start = text.index(sentence)
        events.append(Event(make_event_id(doc_id, start, start + len(sentence)), doc_id, start,
                            start + len(sentence), sentence, **fields))
    return doc, events


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with open_store(tmp_path_factory.mktemp("query") / "q.db") as opened:
        for doc_id, text in (("doc-a", DOC_A), ("doc-b", DOC_B)):
            opened.add_document(*build(doc_id, text))
        yield opened


def labels(events: list[Event]) -> list[str]:
    by_sentence = {sentence: label for label, (_, sentence, _) in EVENTS.items()}
    return [by_sentence[e.evidence_text] for e in events]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2008", ("2008-01-01", "2008-12-31")),
        ("2008-02", ("2008-02-01", "2008-02-29")),
        ("2007-02", ("2007-02-01", "2007-02-28")),
        (" 2008-03-05 ", ("2008-03-05", "2008-03-05")),
    ],
)
def test_parse_date_range(value: str, expected: tuple[str, str]) -> None:
    assert parse_date_range(value) == expected
    assert parse_date_arg(value) == expected[0]
    assert parse_date_arg(value, end=True) == expected[1]


@pytest.mark.parametrize("value", ["not-a-date", "2008-13", "2008-02-30", "08-03-05", "2008/03/05", ""])
def test_parse_date_range_rejects(value: str) -> None:
    with pytest.raises(ConfigError):
        parse_date_range(value)


def test_validate_message_names_the_field() -> None:
    with pytest.raises(ConfigError) as caught:
        EventFilter(date_from="not-a-date").validate()
    assert str(caught.value).startswith("date_from: 'not-a-date' is not an ISO date (YYYY-MM-DD)")


@pytest.mark.parametrize(
    "filters",
    [EventFilter(date_from="2008-04-01", date_to="2008-03-01"), EventFilter(limit=-1), EventFilter(offset=-2),
     EventFilter(date_to="2008-99")],
)
def test_validate_rejects(filters: EventFilter, store: SQLiteStore) -> None:
    with pytest.raises(ConfigError):
        filters.validate()
    with pytest.raises(ConfigError):  # the store validates before querying
        store.events(filters)


def test_default_order_is_chronological_with_undated_last(store: SQLiteStore) -> None:
    assert labels(store.events()) == ["protest", "clash", "bomb", "majar", "resigned"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(place="Amarah"), {"clash"}),
        (EventFilter(place="AMARAH"), {"clash"}),
        (EventFilter(place="maysan"), {"clash", "majar"}),  # the negated Qal'at Salih event is left out
        (EventFilter(place="Al-Kut"), {"protest"}),  # accent-insensitive
        (EventFilter(place="iraq"), {"clash", "bomb", "protest", "resigned", "majar"}),
        (EventFilter(place="Amar"), set()),  # places match whole names, not substrings
        (EventFilter(admin1="Maysan"), {"clash", "majar"}),
        (EventFilter(admin1="Amarah"), set()),
        (EventFilter(actor="mahdi"), {"clash"}),
        (EventFilter(actor="FORCES OF IRAQ"), {"clash"}),
        (EventFilter(actor="sadrist"), {"bomb"}),  # associated actor
        (EventFilter(actor="civilians-iraq"), {"bomb"}),  # actor id
        (EventFilter(event_type="battles"), {"clash", "majar"}),
        (EventFilter(event_type="Peaceful protest"), {"protest"}),
        (EventFilter(text="roadside"), {"bomb"}),
        (EventFilter(text="gunmen"), set()),  # only in the negated event
        (EventFilter(text="gunmen", include_flagged=True), {"denied"}),
        (EventFilter(text="Kut"), {"protest"}),  # diacritics removed by the tokenizer
        (EventFilter(text="al-Kabir"), {"majar"}),
        (EventFilter(document_id="doc-a"), {"clash", "bomb"}),
        (EventFilter(document_id="doc-a", include_flagged=True), {"clash", "bomb", "denied"}),
        (EventFilter(place="Maysan", include_flagged=True), {"clash", "denied", "majar"}),
        (EventFilter(place="Maysan", event_type="Battles", date_from="2009"), {"majar"}),
    ],
    ids=lambda v: "" if isinstance(v, set) else repr({k: x for k, x in vars(v).items() if x not in (None, 0, False)}),
)
def test_filters(store: SQLiteStore, filters: EventFilter, expected: set[str]) -> None:
    found = store.events(filters)
    assert set(labels(found)) == expected
    assert store.count_events(filters) == len(expected)


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        ("2008-03-28", "2008-03-28", {"bomb"}),  # inside the bomb's 27-31 March range
        ("2008-03-31", None, {"bomb", "majar"}),  # the range's last day still overlaps
        ("2008-04-01", "2009-02-28", set()),
        (None, "2008-03-26", {"protest", "clash"}),  # undated events never match a date filter
        ("2008-03", "2008-03", {"clash", "bomb"}),
        ("2008", None, {"clash", "bomb", "majar"}),
        (None, "2007", {"protest"}),
        ("2009-03-30", "2009-04-15", {"majar"}),
    ],
)
def test_date_range_overlap(store: SQLiteStore, date_from, date_to, expected: set[str]) -> None:
    assert set(labels(store.events(EventFilter(date_from=date_from, date_to=date_to)))) == expected


def test_coarse_stored_dates_overlap_by_their_whole_month(tmp_path: Path) -> None:
    doc = Document(id="coarse", text="Clashes went on through June.")
    event = Event("e-coarse", "coarse", 0, len(doc.text), doc.text, "Battles", "Armed clash",
                  date_start="2014-06", time_precision=3)
    with open_store(tmp_path / "c.db") as db:
        db.add_document(doc, [event])
        assert db.count_events(EventFilter(date_from="2014-06-20", date_to="2014-07-10")) == 1
        assert db.count_events(EventFilter(date_from="2014-07-01")) == 0
        assert db.count_events(EventFilter(date_to="2014-05-31")) == 0


@pytest.mark.parametrize("flag", ["negated", "hypothetical", "future", "background"])
def test_each_flag_is_excluded_by_default(tmp_path: Path, flag: str) -> None:
    doc = Document(id="flags", text="Troops may attack Kut. Troops attacked Kut.")
    flagged = Event("e1", "flags", 0, 22, doc.text[0:22], "Battles", "Armed clash", **{flag: True})
    plain = Event("e2", "flags", 23, 43, doc.text[23:43], "Battles", "Armed clash")
    with open_store(tmp_path / f"{flag}.db") as db:
        db.add_document(doc, [flagged, plain])
        assert [e.event_id for e in db.events()] == ["e2"]
        assert [e.event_id for e in db.events(EventFilter(include_flagged=True))] == ["e1", "e2"]
        assert db.stats()["counted_events"] == 1


@pytest.mark.parametrize("filters", [EventFilter(place=" - "), EventFilter(admin1="--")])
def test_place_without_a_name_is_rejected(store: SQLiteStore, filters: EventFilter) -> None:
    with pytest.raises(ConfigError, match="not a place name"):
        store.events(filters)


def test_limit_and_offset(store: SQLiteStore) -> None:
    page = store.events(EventFilter(limit=2, offset=1))
    assert labels(page) == ["clash", "bomb"]
    assert store.count_events(EventFilter(limit=2, offset=1)) == 5


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        # the bomb (a five-day range) and the 2009 event (month precision) are not day-precise
        ("day", [("2007-03-25", 1, 0), ("2008-03-25", 1, 5)]),
        ("week", [("2007-W12", 1, 0), ("2008-W13", 2, 7), ("2009-W13", 1, 4)]),
        ("month", [("2007-03", 1, 0), ("2008-03", 2, 7), ("2009-03", 1, 4)]),
        ("year", [("2007", 1, 0), ("2008", 2, 7), ("2009", 1, 4)]),
    ],
)
def test_timeline(store: SQLiteStore, by: str, expected: list[tuple[str, int, int]]) -> None:
    rows = query.timeline(store, by=by)
    assert [(r.period, r.events, r.fatalities) for r in rows] == expected


def test_timeline_counts_by_type_and_respects_filters(store: SQLiteStore) -> None:
    month = {r.period: r for r in store.timeline(EventFilter(include_flagged=True), by="month")}
    assert month["2008-03"].by_type == {"Battles": 1, "Explosions/Remote violence": 1}
    assert month["2008-04"].by_type == {"Violence against civilians": 1}
    assert [r.period for r in store.timeline(EventFilter(admin1="Maysan"), by="year")] == ["2008", "2009"]


def test_timeline_rejects_unknown_period(store: SQLiteStore) -> None:
    with pytest.raises(ConfigError, match="decade"):
        store.timeline(by="decade")


def test_on_this_day_across_years(store: SQLiteStore) -> None:
    # 25 March: 2007 protest and 2008 clash; the 2009 event has month precision only.
    assert labels(query.on_this_day(store, 3, 25)) == ["protest", "clash"]
    assert labels(store.on_this_day(3, 25, EventFilter(admin1="Maysan"))) == ["clash"]
    assert store.on_this_day(3, 27) == []  # the bomb's range has week precision
    assert labels(store.on_this_day(4, 10, EventFilter(include_flagged=True))) == ["denied"]


@pytest.mark.parametrize(("month", "day"), [(2, 30), (13, 1), (0, 5), (4, 31)])
def test_on_this_day_rejects_impossible_days(store: SQLiteStore, month: int, day: int) -> None:
    with pytest.raises(ConfigError):
        store.on_this_day(month, day)


def test_search_documents_and_events(store: SQLiteStore) -> None:
    hits = query.search(store, "roadside bomb")
    assert {(h.document_id, h.event_id is None) for h in hits} == {("doc-a", True), ("doc-a", False)}
    event_hit = next(h for h in hits if h.event_id)
    assert store.get_event(event_hit.event_id).evidence_text.startswith("A roadside bomb")
    assert "**roadside**" in event_hit.snippet
    assert all(h.title == "Report doc-a" for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)


@pytest.mark.parametrize(
    ("text", "documents"),
    [
        ("governor", {"doc-b"}),
        ("Kut", {"doc-b"}),
        ("Qal'at", {"doc-a"}),
        ("protest*", {"doc-b"}),
        ('"five dead"', {"doc-a"}),
        ("governor OR roadside", {"doc-a", "doc-b"}),
        ("governor roadside", set()),
        ("Report", {"doc-a", "doc-b"}),  # titles are indexed too
        ("-Kabir", {"doc-b"}),  # FTS operators in user text do not break the query
    ],
)
def test_search_syntax(store: SQLiteStore, text: str, documents: set[str]) -> None:
    assert {h.document_id for h in store.search(text)} == documents


def test_search_limit_and_empty_text(store: SQLiteStore) -> None:
    assert len(store.search("Iraq OR Basra OR Kut OR governor", limit=2)) <= 2
    with pytest.raises(ConfigError):
        store.search("  ")
    with pytest.raises(ConfigError):
        store.search("Kut", limit=0)


def test_query_functions_delegate(store: SQLiteStore) -> None:
    filters = EventFilter(admin1="Maysan")
    assert query.events(store, filters) == store.events(filters)
    assert query.count_events(store, filters) == 2


def test_place_key_falls_back_without_resolve_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "_NORMALISER", None)
    monkeypatch.setitem(sys.modules, "dateline.resolve.names", None)  # import now raises ImportError
    assert query.place_key("  Al-Kūt ") == "al kut"
    assert query.place_key(None) is None

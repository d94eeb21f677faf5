"""One sentence, several places: one incident per place told in parallel, the total kept apart (issue 14)."""

from __future__ import annotations

import unicodedata

from dateline.incidents import consolidate
from dateline.ingest import document_from_text


def plain(name: str | None) -> str | None:
    """The gazetteer's spelling without its diacritics (Herāt)."""
    return None if name is None else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def report_of(engine, text: str, published: str = "2009-05-12"):
    doc = document_from_text(text, id="t", published=published)
    ((document, events),) = list(engine.extract([doc]))
    return events, consolidate(document, events)


def test_a_total_over_a_list_of_towns_is_an_aggregate_and_each_town_an_incident(engine) -> None:
    events, told = report_of(engine, "Fighting broke out in several cities on Monday, leaving some 30 people dead "
                                     "in Kandahar, Herat and Kunduz.")
    places = sorted(plain(i.record.location) for i in told.incidents)
    assert places == ["Herat", "Kandahar", "Kunduz"], [(i.record.location, i.record.place_reason) for i in told.incidents]
    assert all(i.record.fatalities is None for i in told.incidents)  # the total is no town's toll
    assert [a.fatalities for a in told.aggregates] == [30]
    assert "Herat" in told.aggregates[0].area and "Kunduz" in told.aggregates[0].area
    assert len({e.event_id for e in events}) == len(events)  # every part has its own id
    assert all("told in parallel" in i.record.place_reason for i in told.incidents)


def test_an_event_in_two_towns_without_a_figure_is_two_incidents(engine) -> None:
    _, told = report_of(engine, "Thousands of people protested in Herat and Jalalabad on Friday.")
    assert sorted(plain(i.record.location) for i in told.incidents) == ["Herat", "Jalalabad"]
    assert told.aggregates == []


def test_places_of_separate_clauses_are_no_parts(engine) -> None:
    events, told = report_of(engine, "A bomb exploded in Kandahar on Monday and gunmen attacked a checkpoint in Kunduz.")
    bombs = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert [plain(e.location) for e in bombs] == ["Kandahar"], [(e.location, e.trigger) for e in events]


def test_a_province_beside_a_town_qualifies_it(engine) -> None:
    _, told = report_of(engine, "A bomb killed four people in Herat, in western Afghanistan, on Monday.")
    assert [(plain(i.record.location), i.record.fatalities) for i in told.incidents] == [("Herat", 4)]


def test_each_independent_clause_tells_its_own_event_with_its_own_figures(engine) -> None:
    events, told = report_of(engine, "A bomb exploded in Kandahar on Monday, and gunmen shot dead two policemen in Kunduz.")
    by_place = {plain(e.location): e for e in events}
    assert set(by_place) == {"Kandahar", "Kunduz"}, [(e.trigger, e.location) for e in events]
    assert by_place["Kandahar"].sub_event_type == "Remote explosive/landmine/IED"
    assert (by_place["Kandahar"].fatalities, by_place["Kunduz"].fatalities) == (None, 2)
    assert len({e.event_id for e in events}) == 2 and len(told.incidents) == 2


def test_a_clause_under_another_is_no_event_of_its_own(engine) -> None:
    events, _ = report_of(engine, "Gunmen killed three policemen who were guarding a checkpoint in Kunduz on Monday.")
    assert [(plain(e.location), e.fatalities) for e in events] == [("Kunduz", 3)]

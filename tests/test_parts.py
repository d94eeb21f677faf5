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


def test_a_protest_and_its_dispersal_are_one_incident_typed_as_it_ended(engine) -> None:
    _, told = report_of(engine, "Thousands of protesters marched through central Kharkiv on Sunday demanding the "
                                "resignation of the governor. Police used tear gas to disperse them in Kharkiv.")
    kinds = [i.record.sub_event_type for i in told.incidents if not i.record.hypothetical]
    assert kinds == ["Protest with intervention"], [(i.record.sub_event_type, i.record.location) for i in told.incidents]


def test_the_dateline_places_an_event_only_when_the_sentence_names_no_other_place(engine) -> None:
    events, _ = report_of(engine, "KABUL, Afghanistan (Reuters) - Insurgents attacked a police checkpoint in the "
                                  "southern province of Kandahar overnight, killing seven policemen.")
    assert [(plain(e.location), e.fatalities) for e in events] == [("Kandahar", 7)], [(e.location, e.place_reason) for e in events]
    events, _ = report_of(engine, "KABUL, Afghanistan (Reuters) - A bomb exploded outside a bank on Sunday, killing five people.")
    assert [plain(e.admin1) for e in events] == ["Kabul"], [(e.location, e.place_reason) for e in events]


def test_a_sea_is_no_event_place(engine) -> None:
    events, _ = report_of(engine, "Yemeni officials said warships shelled fishing boats off the Red Sea coast of "
                                  "Yemen on Wednesday.")
    assert events and all(e.country == "Yemen" for e in events), [(e.location, e.country, e.place_reason) for e in events]


def test_a_sentence_naming_the_attack_told_before_adds_to_it(engine) -> None:
    _, told = report_of(engine, "Militants stormed a hotel in Kandahar on Friday, killing at least 15 people, officials "
                                "said. The attack began when a car bomb exploded at the hotel's gate in Kandahar.")
    assert len(told.incidents) == 1, [(i.record.sub_event_type, i.record.evidence_text[:40]) for i in told.incidents]


def test_the_second_attack_is_another_incident(engine) -> None:
    _, told = report_of(engine, "A car bomb exploded near a market in Kandahar on Friday, killing six people. "
                                "The second attack came an hour later when gunmen shot dead two policemen in Kandahar.")
    assert len(told.incidents) == 2, [(i.record.sub_event_type, i.record.evidence_text[:40]) for i in told.incidents]


def test_protesters_are_actor1_and_the_force_that_fired_actor2(engine) -> None:
    events, _ = report_of(engine, "Security forces opened fire on protesters in Khartoum on Thursday, killing three "
                                  "people, a doctors' committee said.")
    (event,) = events
    assert (event.event_type, event.actor1, event.actor2) == ("Protests", "Protesters (Sudan)", "Military Forces of Sudan")
    assert event.fatalities == 3 and "intervened" in (event.actor2_reason or "")


def test_only_the_later_sentence_can_refer_back(engine) -> None:
    # the first sentence tells a clash of its own (past tense: "has killed" would be a running toll)
    _, told = report_of(engine, "Fighting in Kandahar killed many civilians on Sunday, officials said on Monday. "
                                "Two aid workers were abducted in Kandahar on Monday.")
    kinds = sorted(i.record.sub_event_type for i in told.incidents if not i.record.hypothetical)
    assert "Abduction/forced disappearance" in kinds and len(kinds) == 2, kinds


def test_a_clause_telling_the_toll_and_weapon_of_the_first_is_no_event_of_its_own(engine) -> None:
    events, told = report_of(engine, "Ten people were killed and 19 others wounded in a suicide attack in Kunduz city "
                                     "on Monday.")
    counted = [e for e in events if not e.hypothetical]
    assert len(counted) == 1 and counted[0].event_type == "Explosions/Remote violence", \
        [(e.trigger, e.event_type, e.fatalities) for e in events]
    assert counted[0].fatalities == 10


def test_each_town_keeps_its_own_figure_in_a_gapped_list(engine) -> None:
    """ "killed four people in X and six in Y": one incident per town, each with its own dead, never the sum."""
    for text in ("Gunmen killed four people in Kandahar and six in Kunduz on Monday, officials said.",
                 "Roadside bombs killed four civilians in Kandahar and six in Kunduz on Monday."):
        _, told = report_of(engine, text)
        got = sorted((plain(i.record.location), i.record.fatalities) for i in told.incidents)
        assert got == [("Kandahar", 4), ("Kunduz", 6)], (text, got)
        assert told.aggregates == []  # neither figure is a total of the towns


def test_a_gapped_figure_is_counted_where_it_is_told() -> None:
    from dateline.annotate.quantities import find_quantities

    found = [(q.kind, q.value) for q in find_quantities("Gunmen killed four people in Kandahar and six in Kunduz.")]
    assert found == [("killed", 4), ("killed", 6)]
    # "and wounded six": the wounded, not a gapped toll; "and six in Kunduz were wounded" is no dead either
    assert [(q.kind, q.value) for q in find_quantities("Gunmen killed four people in Kandahar and wounded six in Kunduz.")] == [
        ("killed", 4), ("injured", 6)]
    assert [q.value for q in find_quantities("Gunmen killed four people in Kandahar and six in Kunduz were wounded.")
            if q.kind == "killed"] == [4]

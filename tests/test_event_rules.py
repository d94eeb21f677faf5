"""Casualty counting and not-an-event flags on sentences written for each rule (issue 3)."""

from __future__ import annotations

import pytest

from dateline.ingest import document_from_text
from dateline.merge import document_counts


def events_of(engine, text: str, published: str = "2008-06-20"):
    doc = document_from_text(text, id="t", published=published)
    ((_, events),) = list(engine.extract([doc]))
    return events


@pytest.mark.parametrize(
    ("text", "killed", "low", "high"),
    [
        ("Gunmen killed twelve people in Baquba on Monday.", 12, None, None),
        ("A car bomb killed 12 people in Kirkuk on Monday.", 12, None, None),
        ("A car bomb killed at least 12 people in Kirkuk on Monday.", 12, 12, None),
        ("Between 10 and 15 people were killed when a bomb exploded in Mosul on Monday.", 10, 10, 15),
        ("Dozens of people were killed when a bomb exploded in Mosul on Monday.", None, 24, None),  # at least two dozen
        ("A policeman and two civilians were killed when a roadside bomb exploded in Tikrit on Monday.", 3, None, None),
        ("Gunmen shot dead a television presenter in Mosul on Sunday.", 1, None, None),
        ("Gunmen stormed the house of a tribal leader in Baquba on Sunday, killing him and five of his relatives.", 6, None, None),
        ("Gunmen abducted five farmers near Samarra on Monday and killed them execution-style.", 5, None, None),
        ("Militants shot dead Karim Hassan, a local councillor, and his brother in Tuz Khurmatu on Friday.", 2, None, None),
        ("Police found the bodies of nine men in eastern Baghdad on Tuesday.", 9, None, None),
        ("No fewer than six people were killed when gunmen attacked a wedding in Diyala on Friday.", 6, 6, None),
        ("A local imam was shot and killed in Samarra on Friday.", 1, None, None),
        ("Five villagers were feared killed in a clash near Hawija on Friday.", 5, None, None),
        # a single victim told without a number (session 3)
        ("Seven people died and eight were hurt as a result of the explosion near a market in Kirkuk.", 7, None, None),
        ("A teacher was on Monday night attacked and murdered with an axe in Samarra.", 1, None, None),
        ("After an attack by unknown men in Diyala on Saturday, a tribal leader lost his life.", 1, None, None),
        ("A local councillor was fatally shot on his way home in Baquba on Sunday.", 1, None, None),
        ("Gunmen killed provincial council member Ahmed Jasim Ali Sunday in Mosul's Zuhur district.", 1, None, None),
        ("Eleven villagers -- four women and seven men -- were yesterday killed in an attack on a village near Tuz.", 11, None, None),
        ("At least 30 persons were yesterday confirmed dead after a suicide bomber struck a procession in Hilla.", 30, 30, None),
        ("Two of the bank's guards were killed along with another person when gunmen raided a bank in Kirkuk on Monday.", 3, None, None),
        ("A cleric has been shot dead with his wife and child in Mosul on Sunday.", 3, None, None),
        ("A tribal elder and former chairman of the provincial council has been killed in Ramadi on Monday.", 1, None, None),
        ("Eight men from two rival groups were killed in a shootout in Basra on Sunday.", 8, None, None),
        ("Five guards were killed when gunmen attacked a prison in Tikrit in revenge for the deaths of eight militants.", 5, None, None),
        ("At least nine people from a single family were killed when an air strike hit a house near Baiji.", 9, 9, None),
        ("A car bomb went off near a mosque in Kirkuk on Friday, killing five worshippers, a police officer and witness told AFP.", 5, None, None),
        ("The death toll in the Tuz clashes has risen to five after another man was killed on Wednesday.", 5, None, None),
        ("Militants stormed the village of Bashir, slaughtering at least twenty-four people.", 24, 24, None),
        ("The mayor of Hit, Ahmed Salim, and his driver were killed in an ambush near Hit this morning.", 2, None, None),
        ("Eight guards have been killed and three others wounded in an attack on a checkpoint near Baiji.", 8, None, None),
        ("Inmates who rioted in the Taji prison killed five fellow prisoners, beheading at least two of them.", 5, None, None),
        ("Six bodies were dumped at a shrine in Karbala on Tuesday.", 6, None, None),
        ("The bodies of four men were found with gunshot wounds in a field near Baquba on Wednesday.", 4, None, None),
        ("More than a hundred deaths were reported in the battle for Tikrit on Monday.", 100, 100, None),
        ("Gunmen attacked a house in Basra on Friday and stabbed a journalist to death.", 1, None, None),
        ("Seven Iraqi fishermen working on the lake have been killed by gunmen near Haditha.", 7, None, None),
        ("At least seven people have died and a dozen were injured by gunfire in Kut on Monday.", 7, 7, None),
        ("Five bus drivers and one other worker were found dead in Baghdad on Monday after an attack.", 6, None, None),
        ("A woman, her husband and their three children were axed to death in an attack in Diyala on Sunday.", 5, None, None),
        ("The death toll in the clash between soldiers and militants near Hawija is 28, while 400 houses were burnt down.", 28, None, None),
        ("Gunmen shot and killed at least 34 people, with 25 others severely injured, in a village near Tuz on Monday.", 34, 34, None),
        ("Militants killed seven fishermen on the lake near Haditha ``They killed seven fishermen, injured 15 others,'' a fisherman said.", 7, None, None),
    ],
)
def test_killed_counts(engine, text, killed, low, high) -> None:
    events = [e for e in events_of(engine, text) if e.counted]
    assert events, text
    assert document_counts(events)[0] == killed
    main = max(events, key=lambda e: e.fatalities or 0)
    assert (main.fatalities_low, main.fatalities_high) == (low, high)


def test_wounded_counted_apart(engine) -> None:
    events = events_of(engine, "A suicide bomber killed seven people and wounded 30 others at a market in Baghdad on Thursday.")
    assert document_counts(events) == (7, 30)


def test_total_repeated_in_a_later_sentence_is_not_double_counted(engine) -> None:
    text = "A car bomb killed 18 people in a market in Hilla on Monday. Eighteen people were killed in the blast, police said."
    assert document_counts(events_of(engine, text))[0] == 18


def test_toll_restated_by_another_source_is_counted_once(engine) -> None:
    text = ("Soldiers killed seven protesters in Hawija on Tuesday, a local official said. "
            "A defence ministry spokesman confirmed that the army had killed seven people.")
    assert document_counts([e for e in events_of(engine, text) if e.counted])[0] == 7


def test_further_victims_add_up(engine) -> None:
    text = "Six people were killed when a car bomb went off in central Baghdad on Monday. Six more people were killed in bomb attacks in Baghdad on Monday."
    assert document_counts(events_of(engine, text))[0] == 12


def test_follow_up_sentence_gives_the_wounded(engine) -> None:
    text = "Two car bombs killed at least 17 people south of Baghdad on Monday. The twin blasts also wounded 52 people, officials said."
    assert document_counts(events_of(engine, text)) == (17, 52)


def test_counts_not_taken_from_another_event(engine) -> None:
    text = "Police arrested five men in Kirkuk on Monday.\n\nIn a separate incident, a bomb killed three soldiers in Mosul on Tuesday."
    events = events_of(engine, text)
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].fatalities is None and arrests[0].arrested == 5


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The army denied that anyone was killed in the raid on Fallujah.", "negated"),
        ("Police did not arrest anyone in Basra.", "negated"),
        ("The militia threatened to attack the police station in Amara.", "hypothetical"),
        ("Insurgents could attack the convoy near Tikrit.", "hypothetical"),
        ("Troops will attack the town of Tal Afar next week.", "future"),
        ("In 2006 there was open fighting in the streets of Amara between militiamen and police.", "background"),
        ("The Sadrists and the police have often fought for control of Amara.", "background"),
    ],
)
def test_not_an_event(engine, text, flag) -> None:
    events = events_of(engine, text)
    assert events, text
    assert all(getattr(e, flag) and not e.counted for e in events), [(e.trigger, e.negated, e.hypothetical, e.future, e.background) for e in events]


def test_reported_speech_keeps_its_source(engine) -> None:
    text = "Gunmen killed three policemen in Baquba on Monday, police said."
    (event,) = [e for e in events_of(engine, text) if e.counted]
    assert event.document_id == "t" and "police said" in event.evidence_text


def test_unknown_armed_group_kept_with_its_name(engine) -> None:
    (event,) = [e for e in events_of(engine, "The Islamic Resistance Brigades attacked a police station in Mosul on Monday.") if e.counted]
    assert event.actor1 == "Islamic Resistance Brigades" and event.actor1_id is None and event.inter1 == 3


def test_place_relative_to_a_town_is_moved_and_less_precise(engine) -> None:
    (event,) = [e for e in events_of(engine, "A roadside bomb killed two soldiers 30 km south of Kirkuk on Monday.") if e.counted]
    assert event.geo_precision == 2 and "south" in event.place_reason
    assert event.latitude < 35.47 - 0.15  # Kirkuk is at about 35.47 N


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a date in a clause about the victim does not date the killing (nor make it future)
        ("Gunmen shot dead Ali Hamid, who was running in elections scheduled for next month.", "2008-06-20"),
        ("Gunmen killed a judge who had sentenced militants in March.", "2008-06-20"),
        # one about the subject does
        ("The offensive, which began on June 19, killed 12 people.", "2008-06-19"),
    ],
)
def test_date_in_a_clause_about_someone_else(engine, text, date) -> None:
    events = [e for e in events_of(engine, text) if e.counted]
    assert events and events[0].date_start == date, [(e.date_start, e.date_reason) for e in events]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # nor the next sentence's: it is not the narrative's time
        ("Gunmen killed a judge who had sentenced militants in March. Police arrested two men in Basra.", "2008-06-20"),
        # a date that dates its own sentence's event carries on
        ("Gunmen killed a judge in Basra on June 17. Police arrested two men in Basra.", "2008-06-17"),
    ],
)
def test_narrative_time_skips_a_clause_about_someone_else(engine, text, date) -> None:
    events = [e for e in events_of(engine, text) if e.counted]
    assert len(events) == 2 and events[1].date_start == date, [(e.date_start, e.date_reason) for e in events]


def test_nobody_killed_is_no_victim(engine) -> None:
    events = events_of(engine, "Gunmen attacked a checkpoint in Baquba on Monday. It was announced that no one had been injured or killed in the attack.")
    assert document_counts([e for e in events if e.counted])[0] in (None, 0)


def test_a_fight_that_died_down_is_no_victim(engine) -> None:
    events = events_of(engine, "Clashes broke out in Hawija on Monday. Officials said the fighting had died down by the evening.")
    assert document_counts([e for e in events if e.counted])[0] in (None, 0)


def test_a_killing_named_as_the_motive_is_another_incident(engine) -> None:
    text = "Gunmen stormed a village near Tuz on Sunday, killing at least 22 people, saying they came to avenge the killing of one man days ago."
    assert document_counts([e for e in events_of(engine, text) if e.counted])[0] == 22


def test_also_in_a_later_sentence_adds_victims(engine) -> None:
    text = ("Gunmen attacked mourners in Baquba on Monday and killed four persons. "
            "The gunmen also attacked a village near Baquba, killing a couple and their daughter.")
    assert document_counts([e for e in events_of(engine, text) if e.counted])[0] == 7


def test_killed_and_wounded_together_is_no_death_count(engine) -> None:
    events = events_of(engine, "More than 130 tribesmen were killed and wounded in clashes near Muqdadiya on Saturday.")
    assert document_counts([e for e in events if e.counted])[0] is None


def test_who_found_the_bodies_did_not_kill(engine) -> None:
    (event,) = [e for e in events_of(engine, "Police found the bodies of nine men in eastern Baghdad on Tuesday.") if e.counted]
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 9)
    assert event.actor1 is None or "Police" not in event.actor1


def test_a_shooting_then_a_bomb_in_one_text_are_two_incidents(engine) -> None:
    text = ("Seven workers were killed by gunmen on Tuesday morning in a village in Diyala province, police said. "
            "When their families took the bodies to a washing hall, a bomb exploded, killing six family members.")
    assert document_counts([e for e in events_of(engine, text, published="2014-05-05") if e.counted])[0] == 13


@pytest.mark.parametrize(
    ("text", "killed", "attackers"),
    [
        ("A suicide bomber blew himself up in a market in Baghdad on Monday, killing 12 people.", 12, 1),
        ("Thirteen people, including the bomber, were killed when a suicide bomber struck a mosque in Kirkuk on Friday.", 12, 1),
        ("A car bomb killed 14 people, including the attacker, in Hilla on Sunday.", 13, 1),
        ("Two suicide bombers blew themselves up at a checkpoint near Samarra on Tuesday, killing 20 soldiers.", 20, 2),
        ("Gunmen killed three policemen in Baquba on Monday.", 3, None),
    ],
)
def test_attackers_who_blew_themselves_up_are_counted_apart(engine, text: str, killed: int, attackers: int | None) -> None:
    (event,) = [e for e in events_of(engine, text, published="2014-05-05") if e.counted]
    assert (event.fatalities, event.perpetrators_killed) == (killed, attackers)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        # no date anywhere: the report's day bounds the event, so not day precision
        ("Gunmen killed two policemen in Basra.", 2),
        # the sentence's own date is a day
        ("Gunmen killed two policemen in Basra on June 18.", 1),
    ],
)
def test_publication_date_fallback_is_not_day_precision(engine, text, precision) -> None:
    events = [e for e in events_of(engine, text) if e.counted]
    assert events and events[0].date_start in ("2008-06-18", "2008-06-20")
    assert events[0].time_precision == precision, events[0].date_reason


def test_fallback_dated_events_stay_off_on_this_day(engine, tmp_path) -> None:
    from dateline import query
    from dateline.store import open_store

    store = open_store(tmp_path / "d.db")
    docs = [document_from_text("Gunmen killed two policemen in Basra.", published="2008-06-20"),
            document_from_text("Gunmen killed a judge in Mosul on June 20.", published="2008-06-21")]
    for doc, events in engine.extract(docs):
        store.add_document(doc, events)
    assert [e.location for e in query.on_this_day(store, 6, 20)] == ["Mosul"]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # the month dates the earlier campaign, so the operation's name only refers back
        ("Operation Lion's Roar follows the plan the minister set out in his March speech in Mosul.", False),
        # a date of its own makes it an event
        ("Operation Lion's Roar began in Mosul on March 3.", True),
    ],
)
def test_a_named_operation_needs_its_own_date(engine, text, starts) -> None:
    events = events_of(engine, "Gunmen killed two policemen in Basra on June 18. " + text)
    assert (len(events) == 2) == starts, [(e.trigger, e.date_reason) for e in events]


@pytest.mark.parametrize("text", [
    "The army has managed to capture or kill about 2/3s of the rebel commanders in Kivu.",
    "The militia killed 10 percent of the villagers near Goma in 1996.",
])
def test_a_share_is_no_head_count(engine, text) -> None:
    assert all(e.fatalities is None for e in events_of(engine, text))


@pytest.mark.parametrize("text", [
    "The cleric was attacked with an F-16-launched bomb in Gaza City on Monday.",
    "Warplanes fired missiles at a house in Rafah on Monday, killing three people.",
])
def test_a_bomb_or_missile_from_aircraft_is_an_air_strike(engine, text) -> None:
    (event,) = [e for e in events_of(engine, text) if not e.hypothetical]
    assert event.sub_event_type == "Air/drone strike", (event.trigger, event.sub_event_type, event.type_reason)

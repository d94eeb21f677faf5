"""A wire story told over several paragraphs: the dateline after a headline, a quoted witness speaking
from elsewhere, and later paragraphs that name the attackers already told (issues 14 and 15)."""

from __future__ import annotations

import pytest

from dateline.incidents import consolidate
from dateline.ingest import document_from_text
from dateline.models import Document
from dateline.rules import switched_off


def story(engine, text: str, published: str = "2011-10-02"):
    doc = document_from_text(text, id="story", published=published)
    ((document, events),) = list(engine.extract([doc]))
    return events, consolidate(document, events)


def incidents_on_and_off(engine, text: str, published: str, rules: list[str]):
    """The report of the story with every rule on, and with ``rules`` switched off."""
    _, on = story(engine, text, published=published)
    with switched_off(rules):
        _, off = story(engine, text, published=published)
    return on, off


def mentions_on_and_off(engine, text: str, published: str, rules: list[str]):
    """The story's mentions with every rule on, and with ``rules`` switched off."""
    on, _ = story(engine, text, published=published)
    with switched_off(rules):
        off, _ = story(engine, text, published=published)
    return on, off


BOKO_HARAM = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"  # ACLED's name for the group

_HEADLINE = "Militants kill 11 in Somali village\n\n"


def test_a_dateline_after_the_headline_places_nothing_when_the_lede_names_the_scene(engine) -> None:
    text = (_HEADLINE + "MOGADISHU, Somalia, Oct 2, 2011 (Reuters) - Al Shabaab militants killed at least 11 people "
            "in an attack on a village in the Lower Shabelle region on Saturday, elders said.")
    events, _ = story(engine, text)
    assert events and all(e.location != "Mogadishu" for e in events), [(e.location, e.place_reason) for e in events]


def test_a_quoted_witness_speaking_from_elsewhere_does_not_place_the_event(engine) -> None:
    text = (_HEADLINE + "Al Shabaab militants killed at least 11 people in Afgooye on Saturday, elders said.\n\n"
            "\"They shot everyone they found in the market,\" a resident told Reuters by telephone from Mogadishu.")
    events, _ = story(engine, text)
    assert events and not any(e.location == "Mogadishu" for e in events), [(e.location, e.place_reason) for e in events]
    with switched_off(["placing.not_where_told"]):
        events, _ = story(engine, text)
    assert any(e.location == "Mogadishu" for e in events)  # the rule is what keeps the speaker's town out


def test_later_paragraphs_naming_the_attackers_told_are_the_same_incident(engine) -> None:
    text = ("Gunmen killed seven villagers in an attack on Bani Hushaish on Tuesday, residents said.\n\n"
            "The attackers arrived in two cars at dawn and opened fire on soldiers guarding the mosque, a resident said.\n\n"
            "\"They killed anyone who moved,\" he said.")
    _, told = story(engine, text, published="2012-05-16")
    assert len(told.incidents) == 1, [(i.record.sub_event_type, i.record.evidence_text[:40]) for i in told.incidents]
    assert told.incidents[0].record.fatalities == 7
    with switched_off(["incidents.definite_actor"]):
        _, told = story(engine, text, published="2012-05-16")
    assert len(told.incidents) > 1


def test_new_attackers_in_a_later_paragraph_are_another_incident(engine) -> None:
    text = ("Gunmen killed seven villagers in an attack on Bani Hushaish on Tuesday, residents said.\n\n"
            "In a separate attack, other gunmen opened fire on a checkpoint in Arhab, killing two soldiers.")
    _, told = story(engine, text, published="2012-05-16")
    assert sorted(i.record.fatalities for i in told.incidents) == [2, 7]


def test_the_owner_of_a_strike_is_its_attacker_and_its_victims_never_are(engine) -> None:
    """ "a NATO air strike killed 12 civilians" parsed with the strike hanging from the sentence's comma: the
    strike's owner is actor1, the civilians killed in the strike's own clause are actor2, never actor1."""
    text = ("Taliban fighters attacked a police post in Helmand on Friday.\n\n"
            "Separately, a NATO air strike killed at least 12 civilians in the western province of Farah on Thursday, villagers said.")
    events, _ = story(engine, text, published="2009-06-12")
    (strike,) = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strike.actor1 is not None and "NATO" in strike.actor1, (strike.actor1, strike.actor2)
    assert strike.actor2 is not None and strike.actor2.startswith("Civilians")


def test_bodies_bearing_signs_of_torture_are_one_killing_by_unknown_hands(engine) -> None:
    events, _ = story(engine, "Police found the bodies of nine men, bound and bearing signs of torture, in the Shula district "
                              "of Baghdad on Tuesday.", published="2006-11-08")
    (event,) = [e for e in events if e.counted]
    assert event.fatalities == 9 and (event.actor1 is None or "Police" not in event.actor1), (event.trigger, event.actor1)
    with switched_off(["triggers.marks"]):
        events, _ = story(engine, "Police found the bodies of nine men, bound and bearing signs of torture, in the Shula "
                                  "district of Baghdad on Tuesday.", published="2006-11-08")
    assert any(e.trigger == "torture" for e in events)


def test_a_total_over_the_country_covers_the_country_not_the_main_province(engine) -> None:
    text = ("A car bomb killed nine people in Ramadi, the capital of Anbar province, on Sunday, police said.\n\n"
            "More than 16,000 civilians were killed in Iraq last year, according to the United Nations.")
    _, told = story(engine, text, published="2007-01-15")
    (total,) = [a for a in told.aggregates if a.fatalities == 16000]
    assert (total.area, total.admin1, total.country) == ("Iraq", None, "Iraq"), (total.area, total.admin1)


def test_victims_of_a_conjoined_passive_are_never_the_attackers(engine) -> None:
    events, _ = story(engine, "Two civilians were killed and four wounded when rockets hit a market in Kramatorsk on Friday, "
                              "officials said.", published="2015-02-14")
    (event,) = [e for e in events if e.counted]
    assert event.actor1 is None or not event.actor1.startswith("Civilians"), (event.actor1, event.actor2)
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_a_total_naming_no_place_covers_the_country_not_the_dateline_town(engine) -> None:
    text = ("KHARKIV, Ukraine, Feb 14, 2015 (AP) - Rockets hit a market in Kramatorsk on Friday, killing two civilians.\n\n"
            "The United Nations says more than 5,000 people have been killed.")
    _, told = story(engine, text, published="2015-02-14")
    (total,) = [a for a in told.aggregates if a.fatalities == 5000]
    assert (total.area, total.admin1) == ("Ukraine", None)


def test_what_has_gone_on_since_a_month_is_no_incident_but_a_few_days_toll_is(engine) -> None:
    events, _ = story(engine, "Government troops and rebels have been fighting for control of the valley since March.",
                      published="2015-06-14")
    assert events and not any(e.counted for e in events)
    assert any("ongoing since" in (e.flag_reason or "") for e in events)
    events, _ = story(engine, "Nine civilians have been killed by snipers in Aden since Friday, medics said.", published="2015-06-14")
    assert any(e.counted and e.fatalities == 9 for e in events)


def test_the_capital_alone_is_the_capital_of_the_story_country(engine) -> None:
    text = ("Taliban fighters attacked a district centre in Kunduz province on Monday.\n\n"
            "On Tuesday, a suicide bomber killed six people near a ministry in the capital, police said.")
    events, _ = story(engine, text, published="2015-09-30")
    (bombing,) = [e for e in events if e.sub_event_type == "Suicide bomb"]
    assert bombing.location == "Kabul" and "'the capital'" in bombing.place_reason, (bombing.location, bombing.place_reason)
    events, _ = story(engine, text.replace("in the capital", "in the provincial capital"), published="2015-09-30")
    assert not any(e.location == "Kabul" for e in events)


def test_a_stateless_sea_gives_way_to_the_port_named_after_it(engine) -> None:
    events, _ = story(engine, "Air strikes hit a wedding in the village of Wuhayjat near the Red Sea port of Hodeidah on Monday, "
                              "killing seven guests, residents said.", published="2015-09-30")
    (event,) = [e for e in events if e.counted]
    assert event.place_reason.startswith("'Hodeidah' in sentence"), (event.location, event.place_reason)


def test_the_victims_counted_are_never_the_source_joined_to_them(engine) -> None:
    events, _ = story(engine, "SANAA, Oct 8, 2015 - Air strikes by the Saudi-led coalition hit a wedding party in the village of "
                              "Sanban near the Red Sea port of Hodeidah on Wednesday, killing at least 23 people, medics and "
                              "residents said.", published="2015-10-08")
    (event,) = [e for e in events if e.counted]
    assert event.reported_by == "medics and residents", event.reported_by
    events, _ = story(engine, "Two witnesses said gunmen shot dead a judge in Baquba on Monday.", published="2015-10-08")
    assert [e.reported_by for e in events if e.counted] == ["Two witnesses"]


def test_a_running_total_is_an_aggregate_never_added_to_the_toll(engine) -> None:
    text = ("Two bombs exploded near a market in Tuz Khurmatu on Sunday, killing eleven shoppers, police said, bringing to "
            "37 the number of people killed in the town this week.")
    events, told = story(engine, text, published="2013-05-12")
    assert [i.record.fatalities for i in told.incidents] == [11]
    assert [(a.fatalities, a.reason.split(":")[0]) for a in told.aggregates] == [(37, "running total")]
    (incident,) = told.incidents
    assert incident.record.actor1 is None or not incident.record.actor1.startswith("Civilians")  # the people killed are victims
    with switched_off(["extract.running_totals"]):
        _, told = story(engine, text, published="2013-05-12")
    assert [i.record.fatalities for i in told.incidents] == [11] and not told.aggregates  # the total is dropped, never added


def test_a_running_total_in_its_own_words_is_read() -> None:
    from dateline.annotate.quantities import KILLED_TOTAL, find_quantities

    found = find_quantities("A roadside bomb killed two soldiers, bringing the death toll this month to 58.")
    assert [(q.kind, q.value) for q in found] == [("killed", 2), (KILLED_TOTAL, 58)]


def test_who_claims_the_act_as_its_own_did_it_and_still_reports_it(engine) -> None:
    events, _ = story(engine, "The Taliban said they had killed 12 soldiers in an attack on a base in Zabul province on Sunday.",
                      published="2012-04-16")
    (event,) = [e for e in events if e.counted]
    assert event.actor1 == "Taliban" and event.reported_by == "The Taliban", (event.actor1, event.reported_by)
    events, _ = story(engine, "Police said gunmen killed four people in Zabul province on Sunday.", published="2012-04-16")
    (event,) = [e for e in events if e.counted]
    assert "Police" not in (event.actor1 or "")  # the police only report what others did


def test_protesters_dispersed_by_a_force_that_fired_are_a_protest_that_happened(engine) -> None:
    events, _ = story(engine, "Police fired tear gas to disperse hundreds of protesters in Omdurman on Sunday.", published="2013-09-30")
    assert any(e.counted and e.event_type == "Protests" for e in events), [(e.trigger, e.flag_reason) for e in events]
    events, _ = story(engine, "The opposition called on its supporters to protest in Omdurman on Sunday.", published="2013-09-30")
    assert not any(e.counted for e in events)  # a call to protest is no protest


def test_a_decade_written_the_80s_dates_what_it_tells(engine) -> None:
    from dateline.annotate.timex import find_timexes

    assert [(t.text, t.value) for t in find_timexes("Gunmen took foreigners hostage throughout the 80's.", "2005-03-13")] == [
        ("the 80's", "198")]
    assert find_timexes("The commander is in his 80s.", "2005-03-13") == []  # an age, not a decade


def test_a_state_that_strikes_acts_through_its_forces_at_the_city_struck(engine) -> None:
    events, _ = story(engine, "Russia launched a barrage of missiles at Kyiv on Monday, killing three people, officials said.",
                      published="2022-10-11")
    (event,) = [e for e in events if e.counted]
    assert (event.location, event.country) == ("Kyiv", "Ukraine"), (event.location, event.place_reason)
    assert event.actor1 == "Military Forces of Russia", event.actor1
    events, _ = story(engine, "Russia and China vetoed the resolution on Tuesday.", published="2022-10-11")
    assert not any(e.actor1 and e.actor1.startswith("Military") for e in events)  # a vote is no act of its forces


def test_the_dead_of_the_strike_told_before_and_one_states_forces_are_one_incident(engine) -> None:
    text = ("An air strike by the military killed eight civilians in a village, rescuers said on Wednesday.\n\n"
            "A military jet dropped two bombs on the village of Kyauk Taw in Sagaing region on Tuesday afternoon, a resident said.\n\n"
            "A teacher from Kyauk Taw told reporters that eight people had died in the strike.")
    told, off = incidents_on_and_off(engine, text, "2023-06-28", ["incidents.state_attacker", "incidents.died_in_the_attack"])
    assert len(told.incidents) == 1, [(i.record.location, i.record.evidence_text[:40]) for i in told.incidents]
    assert told.incidents[0].record.country == "Myanmar" and told.incidents[0].record.fatalities == 8
    assert len(off.incidents) > 1


def test_the_toll_of_a_conflict_and_a_series_of_bombings_are_totals(engine) -> None:
    text = ("The clashes between the army and the rebels have killed 350 people since the start of the year, local officials said.\n\n"
            "There has been a wave of car bombings in the north since the new government took office.")
    _, told = story(engine, text, published="2014-05-02")
    assert not told.incidents, [(i.record.fatalities, i.record.evidence_text[:40]) for i in told.incidents]
    assert sorted(a.fatalities or 0 for a in told.aggregates) == [0, 350]


def test_another_figure_for_the_dead_of_the_attack_told_is_no_second_event(engine) -> None:
    text = ("A suicide bomber attacked a police station in Mogadishu on Sunday, killing six police officers, police said.\n\n"
            "The militant group said it had killed eight officers during the assault.")
    told, off = incidents_on_and_off(engine, text, "2021-05-10", ["incidents.refers_back_toll"])
    assert len(told.incidents) == 1, [(i.record.fatalities, i.record.evidence_text[:40]) for i in told.incidents]
    record = told.incidents[0].record
    assert (record.fatalities_low, record.fatalities, record.fatalities_high) == (6, 6, 8)  # the lowest is best (ACLED)
    assert len(off.incidents) == 2


def test_a_lede_cut_short_as_the_headline_gives_no_event_of_its_own(engine) -> None:
    cut = "Suspected militants have attacked an army checkpoint in the ...\n\n"
    lede = "ARISH, Egypt - Suspected militants have attacked an army checkpoint in the north of the Sinai Peninsula, killing 12 soldiers."
    events, told = story(engine, cut + lede, published="2016-10-14")
    assert len(told.incidents) == 1 and all(e.evidence_start >= len(cut) for e in events)


def test_shelling_that_a_city_has_had_for_weeks_is_no_incident(engine) -> None:
    text = "The city has experienced heavy shelling over the past two weeks as government forces tried to push out the rebels."
    events, _ = story(engine, text, published="2014-08-28")
    assert events and not any(e.counted for e in events)
    with switched_off(["flags.ongoing_for_weeks"]):
        events, _ = story(engine, text, published="2014-08-28")
    assert any(e.counted for e in events)


def test_a_weekday_that_names_a_market_does_not_date_the_bombing(engine) -> None:
    text = "A suicide bomber blew himself up near Monday Market in Maiduguri on Saturday, police said."
    events, _ = story(engine, text, published="2018-06-10")
    assert events and {e.date_start for e in events} == {"2018-06-09"}


def test_how_often_attacks_happen_is_no_event(engine) -> None:
    text = "The militants control much of the province, and despite dozens of new outposts along the road, their attacks are frequent."
    events, _ = story(engine, text, published="2018-04-27")
    assert not any(e.counted for e in events), [(e.trigger, e.flag_reason) for e in events]
    with switched_off(["flags.frequent"]):
        events, _ = story(engine, text, published="2018-04-27")
    assert any(e.counted for e in events)




def test_attacks_spread_over_unnamed_places_are_a_total_and_a_named_town_stays_an_event(engine) -> None:
    text = ("Polling stations were attacked and burned in many areas of the province on Saturday, officials said.\n\n"
            "In Kunduz, militants attacked a polling station on Saturday, wounding two guards.")
    told, off = incidents_on_and_off(engine, text, "2010-09-19", ["aggregates.area_without_figure"])
    assert [i.record.location for i in told.incidents] == ["Kunduz"], \
        [(i.record.location, i.record.evidence_text[:40]) for i in told.incidents]
    assert any("many areas" in (a.reason or "") for a in told.aggregates)
    assert len(off.incidents) == 2


def test_a_demonym_of_land_places_an_event_abroad_and_its_paragraph_follows(engine) -> None:
    text = ("Gunmen killed four policemen at a checkpoint in Baquba on Monday, police said.\n\n"
            "Six Filipino sailors were abducted from an oil platform off the Nigerian coast on Monday. "
            "Militants later said they had killed two guards during the raid.")
    told, off = incidents_on_and_off(engine, text, "2007-05-08", ["placing.demonym_area", "placing.paragraph_place"])
    countries = sorted(i.record.country or "" for i in told.incidents)
    assert countries == ["Iraq", "Nigeria"], [(i.record.location, i.record.place_reason) for i in told.incidents]
    abroad = next(i.record for i in told.incidents if i.record.country == "Nigeria")
    assert "Nigerian coast" in abroad.place_reason
    assert all(i.record.country == "Iraq" for i in off.incidents)  # without the rules the abduction sits in Diyala


def test_several_dead_give_a_low_bound_and_no_invented_count(engine) -> None:
    text = "Gunmen killed several villagers in an attack on Bama on Sunday, residents said."
    told, off = incidents_on_and_off(engine, text, "2014-02-17", ["quantities.vague_is_a_bound"])
    (incident,) = told.incidents
    assert (incident.record.fatalities, incident.record.fatalities_low) == (None, 3)
    assert incident.field_sources.get("fatalities") == incident.mention_ids[0]  # the bound keeps its mention
    assert off.incidents[0].record.fatalities == 10  # ACLED's codebook figure for "several"


def test_a_detail_that_refers_back_does_not_keep_a_later_mention_apart(engine) -> None:
    text = ("The commander of the rebel group, Abu Omar, has been killed in an air strike near Hit, the army said. "
            "Several of his guards also died with him in the Tuesday night raid.\n\n"
            "Oil prices fell after news broke that Abu Omar had been killed in an air strike.")
    told, off = incidents_on_and_off(engine, text, "2015-03-12", ["incidents.details_do_not_veto"])
    assert len(told.incidents) == 1, [(i.record.sub_event_type, i.record.evidence_text[:40]) for i in told.incidents]
    assert len(off.incidents) > 1


def test_a_later_figure_placed_by_another_official_is_no_more_dead() -> None:
    from dateline.annotate.quantities import find_quantities
    from dateline.extract.events import _alternatives
    text = "The army first reported that 24 soldiers had been killed, but the minister later placed the death toll at 28."
    killed = [q for q in find_quantities(text) if q.kind == "killed"]
    main, others = _alternatives(text, killed)
    assert [q.value for q in main] == [24] and [q.value for q in others] == [28]


def test_a_paragraph_goes_on_at_the_place_it_told(engine) -> None:
    text = ("Gunmen killed two farmers in Kunduz on Friday, police said.\n\n"
            "In Khost, soldiers guarding a road crew came under attack on Saturday. "
            "The crew was unharmed. The army said on Sunday that six soldiers had been killed in the ambush.")
    events, _ = story(engine, text, published="2011-06-06")
    ambush = [e for e in events if e.fatalities == 6]
    assert ambush and all(e.location == "Khōst" for e in ambush), [(e.location, e.place_reason) for e in ambush]
    # (a bare toll statement takes the place of the violence it tells: off too, to see the paragraph's place alone)
    with switched_off(["placing.paragraph_place", "extract.bare_toll_statements"]):
        events, _ = story(engine, text, published="2011-06-06")
    assert not all(e.location == "Khōst" for e in events if e.fatalities == 6)


def test_what_a_leader_is_expected_to_do_is_no_event(engine) -> None:
    events, _ = story(engine, "The president is expected to strike back at the rebels.", published="2011-06-06")
    assert events and not any(e.counted for e in events), [(e.trigger, e.flag_reason) for e in events]


_FRAMED = [
    ("A roadside bomb killed two soldiers in Kandahar on Sunday, Afghan officials said. Another bomb wounded "
     "three policemen in Helmand, and gunmen killed a district chief in Zabul.\n\n"
     "In Pakistan, officials said that a drone strike killed four militants on Monday.", "2010-04-28", 4, "Pakistan"),
    ("Israeli aircraft struck two targets near Gaza City on Monday, the army said. Rockets fired from Gaza "
     "hit Sderot and Ashkelon, and Israeli police arrested two men in Jerusalem.\n\n"
     "There was more violence in Thailand today as protesters clashed with police, killing one soldier.", "2010-04-29", 1,
     "Thailand"),
]


@pytest.mark.parametrize("text, published, fatalities, country", _FRAMED)
def test_another_country_framing_the_telling_or_the_violence_is_the_events_country(engine, text, published, fatalities,
                                                                                     country) -> None:
    """ "In Pakistan, officials said that ..." in a story about Afghanistan; "more violence in Thailand today
    as protesters clashed" after a paragraph about Israel."""
    events, _ = story(engine, text, published=published)
    event = next(e for e in events if e.fatalities == fatalities)
    assert event.country == country, (event.location, event.place_reason)
    with switched_off(["placing.told_in_another_country"]):
        events, _ = story(engine, text, published=published)
    assert next(e for e in events if e.fatalities == fatalities).country != country


def test_where_the_teller_is_frames_nothing(engine) -> None:
    text = ("Gunmen seized dozens of foreign workers at a gas plant in eastern Algeria on Wednesday, officials said.\n\n"
            "A news agency in Mauritania quoted a militant spokesman as saying that 34 hostages were killed on Thursday.")
    events, _ = story(engine, text, published="2013-01-17")
    assert events and all(e.country != "Mauritania" for e in events), [(e.location, e.place_reason) for e in events]


def test_the_place_told_last_goes_on_into_the_next_paragraph(engine) -> None:
    text = ("Suicide bombers attacked a market in Kunduz on Friday, killing nine people.\n\n"
            "Another bomb exploded in Baghlan on Saturday, killing two policemen.\n\n"
            "On Sunday, gunmen shot dead a teacher in the same area, police said.")
    events, _ = story(engine, text, published="2011-06-06")
    teacher = next(e for e in events if "teacher" in e.evidence_text and e.counted)
    assert teacher.location.startswith("Baghl"), (teacher.location, teacher.place_reason)
    with switched_off(["placing.narrative_place"]):
        events, _ = story(engine, text, published="2011-06-06")
    assert not next(e for e in events if "teacher" in e.evidence_text and e.counted).location.startswith("Baghl")


def test_a_device_found_that_detonated_is_an_explosion_and_the_finders_were_hit(engine) -> None:
    text = "Police in Kirkuk discovered a car bomb which detonated before it could be defused, officials said."
    events, _ = story(engine, text, published="2008-05-23")
    with switched_off(["typing.found_device_went_off"]):
        off, _ = story(engine, text, published="2008-05-23")
    assert any(e.sub_event_type == "Disrupted weapons use" for e in off)  # the classifier read the finding
    blast = next(e for e in events if e.counted)
    assert blast.sub_event_type == "Remote explosive/landmine/IED", [(e.trigger, e.sub_event_type) for e in events]
    assert blast.actor2 is not None and blast.actor2.startswith("Police Forces")


def test_attackers_pointed_back_at_do_not_outvote_the_group_that_was_named(engine) -> None:
    text = ("Boko Haram fighters attacked a market in the town of Konduga on Sunday, killing 17 traders, "
            "a local official said.\n\n"
            "The gunmen stormed the market shortly after noon on Sunday and opened fire on the stalls.\n\n"
            "Witnesses said the attackers began the attack near the mosque and then seized several traders as hostages.")
    on, off = incidents_on_and_off(engine, text, "2014-03-03",
                                   ["incidents.anaphor_defers", "incidents.named_beats_unidentified"])
    (incident,) = [i for i in on.incidents if i.record.fatalities == 17]
    assert incident.record.actor1 == BOKO_HARAM, [(m, i.record.actor1) for i in on.incidents for m in i.mention_ids]
    (incident,) = [i for i in off.incidents if i.record.fatalities == 17]
    assert incident.record.actor1 != BOKO_HARAM  # two definite mentions outvote the one that named them


def test_the_forces_a_speaker_calls_its_own_are_its_side(engine) -> None:
    text = ("The Iraqi government said on Tuesday that its forces had recaptured the town of Tal Afar "
            "and were clearing out the remaining insurgents.")
    events, _ = story(engine, text, published="2005-09-13")
    assert [e.actor1 for e in events if e.counted][:1] == ["Military Forces of Iraq (2005-2006)"], [(e.actor1, e.actor1_reason) for e in events]
    (event,) = [e for e in events if e.counted][:1]
    assert event.actor1_reason.startswith("its own forces: 'Iraqi government'")
    with switched_off(["actors.own_forces"]):
        events, _ = story(engine, text, published="2005-09-13")
    assert all(not (e.actor1 or "").startswith("Military Forces of Iraq") for e in events)
    events, _ = story(engine, "The Taliban said their fighters had ambushed a police convoy in Zabul on Friday.",
                      published="2008-05-10")
    assert [e.actor1 for e in events if e.counted] == ["Taliban"]


def test_a_country_listed_after_an_origin_is_no_scene(engine) -> None:
    text = ("Boko Haram fighters attacked the town of Fotokol in northern Cameroon on Saturday, killing 12 civilians.\n\n"
            "Soldiers from Chad, Niger and Benin later fought the insurgents for several hours, officials said.")
    on, off = incidents_on_and_off(engine, text, "2015-02-05", ["placing.conjunct_shares_preposition"])
    assert {i.record.country for i in on.incidents} == {"Cameroon"}, [(i.record.location, i.record.place_reason) for i in on.incidents]
    assert "Benin" in {i.record.country for i in off.incidents}  # the last of the list, read without its "from"


def test_where_a_correspondent_reports_from_is_not_the_scene(engine) -> None:
    text = ("A suicide bomber struck a market in Mandera on Tuesday, killing eight people.\n\n"
            "A correspondent for the BBC in Nairobi reports that two suicide bombers were involved in the attack.")
    on, off = incidents_on_and_off(engine, text, "2014-07-02", ["placing.not_where_teller_is"])
    assert "Nairobi" not in {i.record.location for i in on.incidents}, [(i.record.location, i.record.place_reason) for i in on.incidents]
    assert "Nairobi" in {i.record.location for i in off.incidents}


def test_those_a_protest_is_for_are_no_party_to_it(engine) -> None:
    text = "Thousands of Kurds marched in Diyarbakir on Sunday in support of the PKK, witnesses said."
    events, _ = story(engine, text, published="2012-03-19")
    assert [e.actor1 for e in events if e.event_type == "Protests"] == ["Protesters (Turkey)"], [(e.actor1, e.actor2) for e in events]
    with switched_off(["actors.beneficiaries"]):
        events, _ = story(engine, text, published="2012-03-19")
    assert [e.actor1 for e in events if e.event_type == "Protests"] != ["Protesters (Turkey)"]


def test_a_people_acting_where_no_place_is_named_act_in_their_country(engine) -> None:
    text = ("Syria has agreed to pull its troops out of Lebanon, officials in Damascus said.\n\n"
            "On the same day thousands of Palestinians protested in support of Hezbollah.")
    events, _ = story(engine, text, published="2005-03-13")
    (protest,) = [e for e in events if e.event_type == "Protests"]
    assert protest.country == "Palestine", (protest.country, protest.place_reason)
    with switched_off(["placing.people_country"]):
        events, _ = story(engine, text, published="2005-03-13")
    assert [e.country for e in events if e.event_type == "Protests"] != ["Palestine"]


def test_unnamed_attackers_said_to_be_a_group_are_that_group(engine) -> None:
    text = "Gunmen, thought to be members of the Haqqani network, stormed a hotel in Kabul on Tuesday, killing four guards."
    events, _ = story(engine, text, published="2010-01-19")
    assert [e.actor1 for e in events if e.fatalities == 4] == ["Haqqani Network"]
    with switched_off(["actors.identified_as"]):
        events, _ = story(engine, text, published="2010-01-19")
    assert [e.actor1 for e in events if e.fatalities == 4] != ["Haqqani Network"]


def test_civilians_are_never_the_attackers(engine) -> None:
    """ACLED: civilians are unarmed; the words that named them do not become the attacker's span."""
    events, _ = story(engine, "Villagers fought with gunmen who raided their homes in Zamfara on Sunday, residents said.",
                      published="2019-06-10")
    violent = [e for e in events if e.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence")]
    assert violent and all(not (e.actor1 or "").startswith("Civilians") for e in violent), [(e.actor1, e.actor2) for e in violent]
    assert all(e.spans.get("actor1") is None for e in violent if "convention" in (e.actor1_reason or ""))


def test_a_sentence_opening_on_a_pronoun_tells_more_of_the_event_told(engine) -> None:
    text = ("Gunmen killed a former police chief at his home in Ramadi on Tuesday, relatives said.\n\n"
            "They dragged him into the courtyard, where he was shot.")
    on, off = incidents_on_and_off(engine, text, "2006-03-08", ["incidents.definite_actor"])
    assert len(on.incidents) == 1, [(i.record.sub_event_type, i.record.evidence_text[:30]) for i in on.incidents]
    assert len(off.incidents) == 2
    _, told = story(engine, "Gunmen killed a former police chief in Ramadi on Tuesday.\n\n"
                            "They also shot dead two guards at a checkpoint in Hit on Wednesday.", published="2006-03-09")
    assert len(told.incidents) == 2  # what they did besides is another incident


def test_a_verb_the_parser_hung_from_a_noun_still_dates_the_event(engine) -> None:
    text = ("Officials said that missiles fired from a U.S. drone aircraft killed at least five suspected rebels "
            "near the Afghan border in North Waziristan on Monday.")
    events, _ = story(engine, text, published="2010-04-28")
    assert [e.date_start for e in events if e.fatalities == 5] == ["2010-04-26"], [(e.date_start, e.date_reason) for e in events]
    with switched_off(["dating.finite_verb_hung_low"]):
        events, _ = story(engine, text, published="2010-04-28")
    assert [e.date_start for e in events if e.fatalities == 5] != ["2010-04-26"]


def test_what_an_act_answers_takes_no_part_in_it(engine) -> None:
    text = "Gunmen attacked an army post in Kidal on Monday in retaliation for Chadian air strikes, killing three soldiers."
    events, _ = story(engine, text, published="2014-05-20")
    assert [e.actor2 for e in events if e.fatalities == 3] != ["Military Forces of Chad"], [(e.actor1, e.actor2) for e in events]


def test_victims_the_parse_leaves_without_their_passive_are_never_attackers(engine) -> None:
    text = "Reports vary between 12 and 15 Nigerian soldiers were killed in the ambush near Maiduguri on Friday."
    events, _ = story(engine, text, published="2015-03-21")
    assert all(not (e.actor1 or "").startswith("Military Forces of Nigeria") for e in events), [(e.actor1, e.actor2) for e in events]
    with switched_off(["actors.passive_subject_by_order"]):
        events, _ = story(engine, text, published="2015-03-21")
    assert any((e.actor1 or "").startswith("Military Forces of Nigeria") for e in events)


def test_a_headline_placed_by_the_document_joins_through_the_lede_that_names_the_town(engine) -> None:
    """The headline's place is the document's, so it joins only with evidence; the detail sentence finds
    it in the lede (the same town), and the headline bars it no more than the lede does."""
    text = ("Suicide bomb in Afghanistan kills nine\n\n"
            "Nine people are confirmed dead after a suicide bomb exploded in the Afghan city of Kandahar.\n\n"
            "\"Afghan police in Kandahar discovered a vehicle-borne improvised explosive device which detonated "
            "prior to its final destination,\" it said.")
    document = Document(id="headline", text=text, published="2009-03-04")  # the headline a line of the text
    ((document, events),) = list(engine.extract([document]))
    on = consolidate(document, events)
    assert [len(i.mention_ids) for i in on.incidents] == [3]
    assert [i.record.fatalities for i in on.incidents] == [9]
    with switched_off(["incidents.evidence_from_one"]):
        ((document, events),) = list(engine.extract([document]))
        assert len(consolidate(document, events).incidents) == 2


def test_evidence_from_one_member_never_joins_what_another_member_contradicts(engine) -> None:
    """A second toll in the same town is another bombing: no member's agreement overrides a contradiction."""
    text = ("Suicide bomb in Afghanistan kills nine\n\n"
            "Nine people are confirmed dead after a suicide bomb exploded in the Afghan city of Kandahar.\n\n"
            "In another attack in Kandahar, a suicide bomber killed four police officers at a checkpoint.")
    _, told = story(engine, text, published="2009-03-04")
    assert sorted(i.record.fatalities for i in told.incidents) == [4, 9]


def test_a_later_sentence_at_the_hotel_tells_the_attack_told_there(engine) -> None:
    """'the hostages seized at the hotel' is the attack on the hotel told, not a second event of another sub-type."""
    text = ("Police say at least 18 bodies have been found at the Serena in Kabul.\n\n"
            "Dozens of guests, who were taken hostage by gunmen at the hotel on Friday morning, were freed when "
            "commandos entered the building.")
    on, off = incidents_on_and_off(engine, text, "2014-03-21", ["incidents.definite_scene"])
    assert len([i for i in on.incidents if i.record.counted]) == 1, [i.record.sub_event_type for i in on.incidents]
    assert len([i for i in off.incidents if i.record.counted]) == 2


def test_a_scene_named_with_its_towns_name_is_the_one_told(engine) -> None:
    text = ("Gunmen killed 21 people in an attack on a shopping centre in Kampala on Sunday, police said.\n\n"
            "Militants are still holding dozens of shoppers hostage inside Kampala's Garden Mall, officials said.")
    on, off = incidents_on_and_off(engine, text, "2014-03-24", ["incidents.definite_scene"])
    assert len([i for i in on.incidents if i.record.counted]) == 1, [i.record.sub_event_type for i in on.incidents]
    assert len([i for i in off.incidents if i.record.counted]) == 2


def test_what_happened_during_the_abduction_is_part_of_it(engine) -> None:
    text = ("Gunmen kidnapped a foreign engineer near Warri on Tuesday.\n\n"
            "Some reports say there was an exchange of gunfire during the abduction and a policeman escorting the "
            "engineer was killed.")
    on, off = incidents_on_and_off(engine, text, "2007-02-07", ["incidents.during_the_attack"])
    assert len(on.incidents) == 1, [(i.record.event_type, i.record.fatalities) for i in on.incidents]
    assert on.incidents[0].record.fatalities == 1
    assert len(off.incidents) == 2

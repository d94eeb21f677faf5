"""Reading real news: who speaks and who acts, where a name lies, which clause is another event,
which sentence only gives another toll, and what is a state of affairs or a total (extract/, incidents/,
geo/ and their data files)."""

from __future__ import annotations

from dateline.rules import switched_off
from test_news_story import BOKO_HARAM, incidents_on_and_off, mentions_on_and_off, story


def test_a_country_that_speaks_casts_no_vote_for_the_documents_country(engine) -> None:
    text = ("Clashes continued on Tuesday between rebels and the army near Laukkai, officials said.\n\n"
            "The United States has said it is deeply concerned by the fighting and has called on all sides "
            "to return to talks.")
    on, off = incidents_on_and_off(engine, text, "2015-02-24", ["placing.voice_is_no_scene"])
    assert [i.record.country for i in on.incidents] == ["Myanmar"]
    assert [i.record.country for i in off.incidents] == ["United States"]


def test_who_confirms_killing_did_it(engine) -> None:
    text = "The U.S. military has confirmed killing two al-Shabab militants in an airstrike near Jilib on Thursday."
    on, off = incidents_on_and_off(engine, text, "2020-01-17", ["actors.owned_gerund"])
    assert [i.record.actor1 for i in on.incidents] == ["Military Forces of the United States (2017-2021)"]
    assert [i.record.actor1 for i in off.incidents] == [None]


def test_the_place_of_what_comes_before_is_not_the_events(engine) -> None:
    text = ("Three soldiers were killed when gunmen attacked a checkpoint in Ataq on Sunday.\n\n"
            "Security forces killed two gunmen in a raid on Monday, days before a scheduled meeting in London.")
    on, off = incidents_on_and_off(engine, text, "2010-01-26", ["placing.not_at_another_time"])
    assert "London" not in [i.record.location for i in on.incidents]
    assert "London" in [i.record.location for i in off.incidents]


def test_firing_at_a_checkpoint_is_an_attack(engine) -> None:
    _, told = story(engine, "Armed men started firing at a police checkpoint in Ataq on Sunday.", published="2010-01-24")
    assert [(i.record.event_type, i.record.location) for i in told.incidents] == [("Battles", "Ataq")]


def test_a_protest_voiced_to_someone_is_no_gathering(engine) -> None:
    text = "The rebels' deputy commander talked to an army general on Tuesday to protest against the deployment of troops in Kachin State."
    on, off = incidents_on_and_off(engine, text, "2014-04-16", ["triggers.objections"])
    assert not on.incidents
    assert [i.record.event_type for i in off.incidents] == ["Protests"]
    _, told = story(engine, "Thousands of villagers marched to protest against the deployment in Myitkyina on Monday.", published="2014-04-16")
    assert [i.record.event_type for i in told.incidents] == ["Protests"]


def test_events_counted_or_ranked_are_a_series_not_an_event(engine) -> None:
    text = ("Last year, the command conducted a record 63 strikes in Somalia.\n\n"
            "It is the second U.S. airstrike in Somalia this year.")
    on, off = incidents_on_and_off(engine, text, "2020-01-17", ["aggregates.series"])
    assert not on.incidents and len(on.aggregates) == 2
    assert off.incidents


def test_a_peoples_peacekeepers_and_government_troops_are_military_forces(engine) -> None:
    _, told = story(engine, "Rebels attacked French peacekeepers near Duekoue on Monday.", published="2003-01-06")
    assert [(i.record.actor2, i.record.event_type) for i in told.incidents] == [("Military Forces of France", "Battles")]
    _, told = story(engine, "Clashes broke out between Kokang rebels and Myanmar government troops near Laukkai on Tuesday.",
                    published="2015-02-24")
    assert "Military Forces of Myanmar" in {i.record.actor1 for i in told.incidents} | {i.record.actor2 for i in told.incidents}


def test_a_later_mention_that_overran_the_base_tells_the_attack_told(engine) -> None:
    text = ("Al-Shabab militants attacked a military base near Baidoa on Friday, killing six soldiers, officials said.\n\n"
            "Al-Shabab said its fighters overran the base near Baidoa and seized weapons.")
    on, off = incidents_on_and_off(engine, text, "2020-01-17", ["incidents.definite_scene"])
    assert len(on.incidents) == 1
    assert len(off.incidents) == 2


def test_the_assault_told_before_joins_though_the_document_placed_it(engine) -> None:
    text = ("Rebels in the north say government troops attacked rebel targets on Monday.\n\n"
            "\"The assault escalated today when they used airstrikes near Mohnyin,\" a rebel spokesman said.")
    on, off = incidents_on_and_off(engine, text, "2015-11-16", ["incidents.refers_back_agrees"])
    assert len(on.incidents) == 1
    assert len(off.incidents) == 2


def test_a_clause_a_day_apart_is_another_event_with_its_own_toll_and_day(engine) -> None:
    text = ("Officials say twin bombings Sunday near Baghdad have killed at least two people and wounded several "
            "others, one day after attacks killed more than 30 people.")
    events, _ = story(engine, text, published="2012-10-28")
    assert sorted((e.date_start, e.fatalities) for e in events) == [("2012-10-27", 30), ("2012-10-28", 2)]
    with switched_off(["extract.another_time_clause"]):
        events, _ = story(engine, text, published="2012-10-28")
    assert [e.fatalities for e in events] == [32]


def test_the_share_named_after_the_victims_is_no_attacker(engine) -> None:
    text = "Explosions in Baghdad on Saturday killed at least 31 people, many of them Shi'ite pilgrims."
    # (the convention that a bomb's unnamed victims are civilians is off too: it would fill the side the rule reads)
    on, off = incidents_on_and_off(engine, text, "2012-10-28", ["actors.share_of_the_victims", "extract.harmed_are_civilians"])
    assert [i.record.actor2 for i in on.incidents] == ["Civilians (Iraq)"]
    assert [i.record.actor2 for i in off.incidents] != ["Civilians (Iraq)"]


def test_a_bare_toll_is_another_figure_of_the_violence_told(engine) -> None:
    text = ("A large blast in central Beirut has killed several people, including a former minister.\n\n"
            "Reports conflict on the number of casualties, suggesting nine or ten people killed.")
    on, off = incidents_on_and_off(engine, text, "2005-02-14", ["extract.bare_toll_statements"])
    assert [(i.record.event_type, i.record.fatalities) for i in on.incidents] == [("Explosions/Remote violence", 9)]
    assert len(off.incidents) == 2
    # a share of the dead, or more of them, is no toll of the whole: the incident keeps "several" (at least 3)
    shared = text.replace("suggesting nine or ten people killed", "and two of their citizens were killed")
    on, off = incidents_on_and_off(engine, shared, "2005-02-14", ["incidents.among_theirs"])
    assert [(i.record.fatalities, i.record.fatalities_low) for i in on.incidents] == [(None, 3)]
    assert [f.bound for f in on.incidents[0].figures] == ["least", "share"]
    assert len(off.incidents) == 2


def test_a_name_in_the_documents_country_beats_the_same_name_abroad_as_an_alias(engine) -> None:
    from dataclasses import replace

    from dateline.geo.places import PlaceContext, PlaceResolver
    from dateline.geo.weights import DEFAULT_WEIGHTS

    context = PlaceContext(country_code="SY")
    places = engine.extractor.places
    assert places.resolve("Ariha", context=context, nearby=["Damascus"]).place.country_code == "SY"
    without = PlaceResolver(places.gazetteer, weights=replace(DEFAULT_WEIGHTS, alias_abroad=0.0))
    assert without.resolve("Ariha", context=context, nearby=["Damascus"]).place.country_code == "PS"


def test_a_while_clause_with_its_own_act_is_another_event(engine) -> None:
    text = "A car bomb in Hilla killed four people, while another car bomb in Baghdad killed one person on Wednesday."
    on, off = incidents_on_and_off(engine, text, "2012-11-14", ["extract.contrast_clause"])
    assert sorted((i.record.location, i.record.fatalities) for i in on.incidents) == [("Baghdad", 1), ("Hillah", 4)]
    assert len(off.incidents) == 1


def test_a_toll_statement_casts_no_vote_for_the_sides(engine) -> None:
    text = ("Al-Shabab militants attacked a military base near Baidoa on Friday, killing six soldiers.\n\n"
            "Government forces at the base responded, sparking a gun battle.\n\n"
            "Local sources said five soldiers were killed. A statement put the toll at four soldiers.")
    on, off = incidents_on_and_off(engine, text, "2020-01-17", ["incidents.tolls_do_not_vote"])
    assert [i.record.actor1 for i in on.incidents] == ["Al Shabaab"]
    assert [i.record.actor1 for i in off.incidents] != ["Al Shabaab"]


def test_a_peoples_missile_is_its_military_and_the_youth_movement_is_al_shabaab(engine) -> None:
    _, told = story(engine, "An Israeli missile hit a van near Tyre on Saturday, killing eight people.", published="2006-07-15")
    assert [i.record.actor1 for i in told.incidents] == ["Military Forces of Israel"]
    _, told = story(engine, "The Mujahideen Youth Movement claimed to have detonated the roadside bomb that killed the mayor "
                            "of Mogadishu on Friday.", published="2007-12-29")
    assert [i.record.actor1 for i in told.incidents] == ["Al Shabaab"]


def test_a_region_across_borders_is_its_part_in_the_documents_country(engine) -> None:
    text = ("Indian officials say gunmen attacked a security camp in Kashmir on Wednesday, killing five soldiers. "
            "India's police chief condemned the attack.")
    on, off = incidents_on_and_off(engine, text, "2004-07-28", ["placing.region_in_its_country"])
    assert [(i.record.admin1, i.record.country) for i in on.incidents] == [("Jammu and Kashmir", "India")]
    assert [i.record.admin1 for i in off.incidents] != ["Jammu and Kashmir"]


def test_a_name_after_a_peoples_word_is_read_in_that_peoples_country(engine) -> None:
    _, told = story(engine, "Five South Korean workers have been kidnapped in the Nigerian Delta.", published="2006-06-08")
    assert [i.record.country for i in told.incidents] == ["Nigeria"]
    text = "Suspected militants in Indian Kashmir have attacked a military camp, killing five soldiers."
    on, off = incidents_on_and_off(engine, text, "2004-07-28", ["places.peoples_part"])
    assert [i.record.admin1 for i in on.incidents] == ["Jammu and Kashmir"]
    assert [i.record.admin1 for i in off.incidents] != ["Jammu and Kashmir"]


def test_the_dead_of_a_sixth_day_of_bombardment_are_a_total(engine) -> None:
    text = "Activists say government forces have bombarded the city of Homs for a sixth day, killing at least 60 people."
    on, off = incidents_on_and_off(engine, text, "2012-02-09", ["aggregates.period"])
    assert not on.incidents and [a.fatalities for a in on.aggregates] == [60]
    assert off.incidents


def test_an_attack_on_a_checkpoint_is_a_battle(engine) -> None:
    text = "About 40 rebels attacked a checkpoint near the village of Goain on Sunday."
    on, off = incidents_on_and_off(engine, text, "2010-04-25", ["typing.armed_site"])
    assert [i.record.sub_event_type for i in on.incidents] == ["Armed clash"]
    assert [i.record.sub_event_type for i in off.incidents] == ["Attack"]


def test_a_killing_that_counts_dead_stays_violence_over_the_classifier(engine) -> None:
    text = "Security forces killed dozens of militants and destroyed a huge cache of weapons and explosives in Miran Shah."
    on, off = incidents_on_and_off(engine, text, "2006-03-11", ["typing.the_dead_make_violence"])
    assert [i.record.event_type for i in on.incidents] == ["Battles"]
    assert [i.record.event_type for i in off.incidents] == ["Strategic developments"]


def test_fighting_told_as_a_state_with_no_date_is_no_incident(engine) -> None:
    text = ("The government is currently battling secessionists in the country's south.\n\n"
            "Russia has battled insurgency attacks on police in the North Caucasus.")
    on, off = incidents_on_and_off(engine, text, "2010-01-24", ["flags.current_state"])
    assert not [i for i in on.incidents if i.record.counted]
    assert [i for i in off.incidents if i.record.counted]
    # a day's fighting is told as now, and is one
    _, told = story(engine, "Troops are currently battling rebels in Malakal on Monday.", published="2014-01-15")
    assert [i.record.counted for i in told.incidents] == [True]
    # a government that struggles to contain a group tells no event
    _, told = story(engine, "The government has struggled to contain Boko Haram despite a state of emergency.", published="2014-06-05")
    assert not told.incidents


def test_a_town_naming_a_building_is_the_scene(engine) -> None:
    text = ("Somalia's al-Shabab militant group said it carried out the attack on a Nairobi mall on Saturday.\n\n"
            "The group is fighting the government in Somalia, where Kenyan troops are deployed.")
    _, told = story(engine, text, published="2013-09-24")
    assert ("Nairobi", "Kenya") in {(i.record.location, i.record.country) for i in told.incidents}


def test_a_clause_dated_by_its_own_words_is_another_event(engine) -> None:
    text = "Troops killed five militants in Bannu on Monday, after militants killed 12 soldiers in Kohat during the weekend."
    on, off = incidents_on_and_off(engine, text, "2010-04-20", ["extract.another_time_clause"])
    assert sorted(i.record.fatalities for i in on.incidents) == [5, 12]
    assert sorted(i.record.fatalities for i in off.incidents) != [5, 12]


def test_a_state_that_is_the_subject_acts_before_word_order(engine) -> None:
    text = "Israel responded with air strikes on bridges in the Gaza Strip in the search for their missing soldier."
    on, off = incidents_on_and_off(engine, text, "2006-06-26", ["actors.state_before_word_order"])
    assert [i.record.actor1 for i in on.incidents] == ["Military Forces of Israel"]
    assert [i.record.actor1 for i in off.incidents] != ["Military Forces of Israel"]


def test_the_dead_of_each_side_of_a_battle_are_one_toll(engine) -> None:
    text = ("Militants attacked an army post near Kandahar on Tuesday, killing six soldiers.\n\n"
            "Three militants were also killed in the clash, a provincial spokesman said.\n\n"
            "One of the militants was shot dead at the gate of the post.")
    on, off = incidents_on_and_off(engine, text, "2011-05-10", ["incidents.side_tolls"])
    assert [i.record.fatalities for i in on.incidents] == [9]
    assert [i.record.fatalities for i in off.incidents] != [9]


def test_a_participle_saying_what_a_group_is_tells_no_event(engine) -> None:
    text = ("Police said the bomber belonged to Jundallah, which is one of the small groups fighting for the "
            "independence of Baluchistan.")
    on, off = incidents_on_and_off(engine, text, "2011-05-10", ["flags.describes_who"])
    assert on.incidents and all(i.record.background for i in on.incidents)
    assert off.incidents and not any(i.record.background for i in off.incidents)


def test_a_claim_of_an_act_told_apart_names_no_attacker_of_the_violence_before(engine) -> None:
    text = ("Gunmen attacked a police post in Kismayo on Tuesday, killing four officers.\n\n"
            "Meanwhile, Islamic State militants have claimed responsibility for an attack on African Union troops "
            "that took place Monday outside Mogadishu.")
    on, off = incidents_on_and_off(engine, text, "2016-04-27", ["actors.claim_of_an_act_apart"])
    kismayo = [i.record.actor1 for i in on.incidents if i.record.fatalities == 4]
    assert kismayo == ["Unidentified Armed Group (Somalia)"]
    assert [i.record.actor1 for i in off.incidents if i.record.fatalities == 4] == ["Islamic State (Somalia)"]
    # "Saturday's attack" is the attack told before, whatever day the sentence gives it
    _, told = story(engine, text.replace("an attack on African Union troops that took place Monday outside Mogadishu",
                                         "Tuesday's attack"), published="2016-04-27")
    assert [i.record.actor1 for i in told.incidents if i.record.fatalities == 4] == ["Islamic State (Somalia)"]


def test_violence_told_later_that_day_there_with_no_toll_tells_more_of_the_first(engine) -> None:
    text = ("Fighting between insurgents and government troops killed 14 people in Mogadishu on Sunday.\n\n"
            "Insurgents fired mortars at government positions in Mogadishu on Sunday, witnesses said.")
    on, off = incidents_on_and_off(engine, text, "2009-12-21", ["incidents.untolled_detail"])
    assert [(i.record.sub_event_type, i.record.fatalities) for i in on.incidents] == [("Armed clash", 14)]
    assert len(off.incidents) == 2
    # a word of another event keeps it apart
    _, told = story(engine, text.replace("Insurgents fired", "In a separate attack, insurgents fired"), published="2009-12-21")
    assert len(told.incidents) == 2


def test_a_share_of_the_dead_joins_the_violence_as_a_lower_bound(engine) -> None:
    text = ("Gunmen attacked a shopping centre in Nairobi on Saturday, killing 39 people.\n\n"
            "Two of the victims were shot dead in the car park of the centre in Nairobi, police said.")
    on, off = incidents_on_and_off(engine, text, "2013-09-22", ["incidents.partitive_tolls"])
    assert [i.record.fatalities for i in on.incidents] == [39]
    assert sorted(i.record.fatalities for i in off.incidents) == [2, 39]


def test_rebel_troops_and_a_peoples_warship_are_read_as_whose_they_are(engine) -> None:
    text = ("Government forces ambushed rebel troops near Homs on Sunday, killing 12 rebels.\n\n"
            "On Monday, Hezbollah fired a missile at an Israeli warship off the coast of Beirut.")
    _, told = story(engine, text, published="2013-07-22")
    sides = [(i.record.actor1, i.record.actor2) for i in told.incidents]
    assert ("Military Forces of Syria (2000-2024)", "Unidentified Armed Group (Syria)") in sides
    assert ("Hezbollah", "Military Forces of Israel") in sides


def test_a_missile_an_air_force_or_war_planes_fire_is_an_air_strike(engine) -> None:
    for craft in ("an Israeli air force fired a missile", "Israeli war planes fired a missile"):
        text = f"Officials say {craft} at a house in Gaza City on Sunday, killing eight people."
        on, off = incidents_on_and_off(engine, text, "2007-05-20", ["typing.air_delivered", "typing.aircraft_agent"])
        assert [i.record.sub_event_type for i in on.incidents] == ["Air/drone strike"], craft
        assert [i.record.sub_event_type for i in off.incidents] == ["Shelling/artillery/missile attack"], craft


def test_a_group_of_the_people_killed_is_a_share_of_the_reports_toll(engine) -> None:
    text = ("A suicide bombing at a hotel in Mogadishu on Thursday killed at least fifteen people, including "
            "three cabinet ministers.\n\nThe blast inside the hotel killed three ministers and wounded another.")
    on, off = incidents_on_and_off(engine, text, "2009-12-03", ["incidents.group_of_everyone"])
    assert [i.record.fatalities for i in on.incidents] == [15]
    assert [i.record.fatalities for i in off.incidents] != [15]


def test_a_toll_till_now_and_targets_across_an_area_are_totals(engine) -> None:
    text = ("Israeli warplanes attacked targets across the Gaza Strip on Saturday, with a death toll of at least 12.\n\n"
            "Residents said 15 people were killed in Gaza till now.")
    on, off = incidents_on_and_off(engine, text, "2012-03-10", ["aggregates.plural", "aggregates.period"])
    assert not on.incidents and len(on.aggregates) == 2
    assert off.incidents


def test_a_states_forces_attacking_protesters_is_a_protest_met_with_force(engine) -> None:
    text = "The Bahraini police launched an attack on protesters at a roundabout in Manama on Thursday."
    on, off = incidents_on_and_off(engine, text, "2011-02-17", ["typing.force_on_protesters"])
    assert [(i.record.sub_event_type, i.record.actor1, i.record.actor2) for i in on.incidents] == [
        ("Protest with intervention", "Protesters (Bahrain)", "Police Forces of Bahrain")]
    assert [i.record.event_type for i in off.incidents] != ["Protests"]


def test_a_proper_name_between_a_time_and_its_verb_makes_no_name_of_the_time(engine) -> None:
    # "the 1920 Revolution Brigades" is a name; "Last year, Boko Haram opened fire" dates the shooting
    _, told = story(engine, "Last year, Boko Haram opened fire on students at a college in Yobe state.", published="2014-04-17")
    assert [(i.record.date_start, i.record.date_end) for i in told.incidents] == [("2013-01-01", "2013-12-31")]


def test_violence_heard_is_a_sign_not_an_act_told(engine) -> None:
    for text in ("Sporadic gunfire is heard in different spots in Baghdad.", "I can hear gunfire and helicopters circling Baghdad."):
        on, off = incidents_on_and_off(engine, text, "2006-02-22", ["flags.perceived"])
        assert on.incidents and all(i.record.background for i in on.incidents), text
        assert off.incidents and not any(i.record.background for i in off.incidents), text


def test_the_troops_after_a_peoples_force_are_that_force(engine) -> None:
    text = ("Rebels in Ivory Coast have attacked French peacekeepers near Duekoue on Monday.\n\n"
            "A military spokesman said the troops were attacked on two fronts near Duekoue.")
    on, off = mentions_on_and_off(engine, text, "2003-01-06", ["actors.definite_force_told"])
    assert [e.actor2 for e in on] == ["Military Forces of France", "Military Forces of France"]
    assert [e.actor2 for e in off] == ["Military Forces of France", "Military Forces of Ivory Coast"]


def test_bombs_defused_are_disrupted_not_exploded(engine) -> None:
    text = "Iraqi forces worked Tuesday to clear militants from Ramadi, defusing and clearing bombs from streets and buildings."
    on, off = incidents_on_and_off(engine, text, "2015-12-29", ["triggers.object_acted_on"])
    assert [i.record.sub_event_type for i in on.incidents] == ["Disrupted weapons use"]
    assert [i.record.sub_event_type for i in off.incidents] != ["Disrupted weapons use"]


def test_the_government_compound_names_no_actor(engine) -> None:
    _, told = story(engine, "Government forces recaptured the government compound in Ramadi from Islamic State on Monday.",
                    published="2015-12-29")
    assert told.incidents and all("Government of" not in str(i.record.actor2) for i in told.incidents)


def test_a_group_suspected_to_be_behind_a_blast_is_its_attacker(engine) -> None:
    text = "Boko Haram is suspected to be behind a bus station bomb blast in Abuja on Monday, which left more than 70 dead."
    on, off = incidents_on_and_off(engine, text, "2014-04-17", ["claims.suspected_behind"])
    assert [i.record.actor1 for i in on.incidents] == [BOKO_HARAM]
    assert [i.record.actor1 for i in off.incidents] != [BOKO_HARAM]


def test_firearms_on_protesters_are_excessive_force(engine) -> None:
    text = "The army used live ammunition to disperse protesters in Tahrir Square in Cairo on Friday."
    on, off = incidents_on_and_off(engine, text, "2011-12-17", ["typing.firearms_on_protesters"])
    assert [i.record.sub_event_type for i in on.incidents] == ["Excessive force against protesters"]
    assert [i.record.sub_event_type for i in off.incidents] == ["Protest with intervention"]
    # rubber bullets and tear gas are an intervention
    _, told = story(engine, "Police fired tear gas and rubber bullets to disperse protesters in Cairo on Friday.",
                    published="2011-12-17")
    assert [i.record.sub_event_type for i in told.incidents] == ["Protest with intervention"]


def test_an_after_clause_of_what_had_happened_ends_the_narratives_day(engine) -> None:
    text = ("On November 10, militants fired an anti-tank missile at a patrol near Gaza. After a cease fire was negotiated "
            "and rocket fire had almost stopped, drones killed a Hamas commander in Gaza City.")
    on, off = mentions_on_and_off(engine, text, "2012-11-15", ["dating.narrative_turn"])
    assert [e.date_start for e in on] == ["2012-11-10", "2012-11-15"]
    assert [e.date_start for e in off] == ["2012-11-10", "2012-11-10"]


def test_an_intervention_whose_toll_a_later_sentence_gives_is_excessive_force(engine) -> None:
    text = ("The Bahraini police launched an attack on protesters at a roundabout in Manama on Thursday.\n\n"
            "Hospital officials said two protesters died.")
    on, off = incidents_on_and_off(engine, text, "2011-02-17", ["incidents.lethal_intervention"])
    assert [(i.record.sub_event_type, i.record.fatalities) for i in on.incidents] == [("Excessive force against protesters", 2)]
    assert [i.record.sub_event_type for i in off.incidents] == ["Protest with intervention"]



def test_a_sentence_opening_on_a_turn_of_time_tells_another_event(engine) -> None:
    text = ("Soldiers opened fire on protesters in Mandalay on Thursday, witnesses said.\n\n"
            "Earlier Thursday, police used tear gas to break up a gathering of students near a market in Mandalay.")
    on, off = incidents_on_and_off(engine, text, "2008-05-02", ["incidents.turn_opens_another"])
    assert len(on.incidents) == 2 and len(off.incidents) == 1
    # a turn that points back at the event told is still that event
    text = ("Gunmen attacked a hotel in Mogadishu on Thursday, killing five guests.\n\n"
            "Later, police said the gunmen had entered the hotel through a back door.")
    _, told = story(engine, text, published="2008-05-02")
    assert len(told.incidents) == 1


def test_strikes_on_dozens_of_targets_are_a_series_though_another_clause_tells_one_strike(engine) -> None:
    text = ("Warplanes hit dozens of targets across the north in air raids on Friday, a day after an army missile strike "
            "on Sirte killed a rebel commander.")
    on, off = incidents_on_and_off(engine, text, "2011-08-12", ["aggregates.one_event_at_trigger"])
    assert any("dozens of targets" in a.evidence_text for a in on.aggregates)
    assert not any("dozens of targets" in a.evidence_text for a in off.aggregates)

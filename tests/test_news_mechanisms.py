"""Reading real news: a neighbour across a border, a nationality, a toll over days of fighting, the dead of
a battle (extract/placing.py, data/aggregate_cues.yaml, extract/typing.py)."""

from __future__ import annotations

from dateline.rules import switched_off
from test_event_place import _picked
from test_news_story import incidents_on_and_off, story


def _events_on_off(engine, text: str, published: str, rule: str):
    """The story's event mentions with every rule on, and with ``rule`` switched off."""
    on, _ = story(engine, text, published=published)
    with switched_off([rule]):
        off, _ = story(engine, text, published=published)
    return on, off


def test_the_countries_a_border_is_with_are_not_the_scene(engine) -> None:
    text = "Kurdish militants attacked a convoy of Turkish troops Sunday near the borders with Iran and Iraq."
    assert _picked(engine, text, "attacked") is None
    with switched_off(["placing.across_the_border"]):
        assert _picked(engine, text, "attacked") in ("Iran", "Iraq")


def test_a_place_named_with_its_border_is_still_the_scene(engine) -> None:
    assert _picked(engine, "Rebels attacked an army post in Bayelsa near the border with Cameroon.", "attacked") == "Bayelsa"


def test_a_nationality_is_not_where_a_hostage_was_taken(engine) -> None:
    text = ("Another aid worker has been abducted by gunmen in Kenya's northern Mandera region.\n\n"
            "A charity spokesman told reporters that one nurse, a national of Italy, was abducted "
            "while driving along the Mandera-Wajir road.")
    events, _ = story(engine, text, published="2011-10-14")
    assert [e.country for e in events] == ["Kenya", "Kenya"]


def test_a_toll_over_days_of_fighting_is_an_aggregate(engine) -> None:
    text = "Witnesses said two days of fighting between rival Islamist groups killed at least 64 people in Wabho."
    _, told = story(engine, text, published="2009-06-07")
    assert [a.fatalities for a in told.aggregates] == [64]
    assert not told.incidents
    with switched_off(["aggregates.period"]):
        _, told = story(engine, text, published="2009-06-07")
    assert [i.record.fatalities for i in told.incidents] == [64]


def test_the_dead_of_clashes_are_a_battles(engine) -> None:
    on, off = _events_on_off(engine, "Clashes in Aden killed 40 people on Monday.", "2009-06-07", "typing.fight_decides")
    assert [(e.event_type, e.fatalities) for e in on] == [("Battles", 40)]
    assert [e.event_type for e in off] == ["Violence against civilians"]


def test_the_dead_of_several_attacks_are_an_aggregate_but_twin_bombs_one_event(engine) -> None:
    text = "Police said at least 90 people were killed in yesterday's attacks in Karachi."
    _, told = story(engine, text, published="2011-07-08")
    assert [a.fatalities for a in told.aggregates] == [90] and not told.incidents
    _, told = story(engine, "Twelve people were killed in twin bombings in Baghdad on Monday.", published="2011-07-08")
    assert [i.record.fatalities for i in told.incidents] == [12] and not told.aggregates


def test_an_offensive_said_to_have_killed_is_a_running_toll(engine) -> None:
    text = "An army offensive launched in March in the tribal areas is said to have killed 300 militants."
    _, told = story(engine, text, published="2010-05-15")
    assert [a.fatalities for a in told.aggregates] == [300]
    with switched_off(["aggregates.cumulative"]):
        _, told = story(engine, text, published="2010-05-15")
    assert not told.aggregates


def test_a_comparison_over_the_past_months_is_no_new_attack(engine) -> None:
    """'the attack was one of the deadliest in the past six months' tells of the bombing told, on no day of its own."""
    text = ("Suicide bombers driving trucks killed 175 people in two villages near Sinjar on Tuesday.\n\n"
            "If the toll is right, the attack was one of the deadliest in Iraq in the past six months.")
    _, told = story(engine, text, published="2007-08-14")
    assert len(told.incidents) == 1
    with switched_off(["starts.window_is_no_date"]):
        _, told = story(engine, text, published="2007-08-14")
    assert len(told.incidents) == 2


def test_fighting_broken_out_in_recent_weeks_is_a_course_of_events(engine) -> None:
    text = "In recent weeks, fighting has broken out between Tuareg rebels and Islamist militants in Gao."
    on, off = _events_on_off(engine, text, "2012-06-27", "flags.ongoing_for_weeks")
    assert [e.background for e in on] == [True]
    assert [e.background for e in off] == [False]


def test_what_people_fled_is_no_event_but_fighting_that_broke_out_is(engine) -> None:
    text = "The United Nations estimates that 600,000 people have fled fighting in the capital this year."
    on, off = _events_on_off(engine, text, "2007-12-29", "starts.what_people_fled")
    assert on == []
    assert [e.event_type for e in off] == ["Battles"]
    erupted, _ = story(engine, "Thousands fled Beledweyne after heavy fighting erupted on Monday.", published="2007-12-29")
    assert [e.event_type for e in erupted] == ["Battles"]


def test_protesters_who_clash_riot_and_the_clash_is_the_act_not_its_outcome(engine) -> None:
    text = "There was more violence in Bangkok today as protesters clashed with police killing at least one soldier."
    on, off = _events_on_off(engine, text, "2010-04-29", "typing.protesters_clash_riot")
    assert [(e.event_type, e.sub_event_type, e.actor1) for e in on] == [
        ("Riots", "Violent demonstration", "Rioters (Thailand)")]
    assert [e.event_type for e in off] != ["Riots"]
    with switched_off(["extract.outcome_is_no_act"]):
        outcome_as_act, _ = story(engine, text, published="2010-04-29")
    assert [e.trigger for e in outcome_as_act] == ["killing"]


def test_an_outcome_participle_leaves_the_bomb_its_explosion(engine) -> None:
    events, _ = story(engine, "A bomb exploded in a market in Hilla on Monday, killing 12.", published="2010-04-29")
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 12)]


def test_a_generic_word_qualifying_another_actor_is_no_side(engine) -> None:
    text = "Rebels clashed with government police killing at least one officer in Gao on Monday."
    events, _ = story(engine, text, published="2012-06-27")
    assert [e.actor2 for e in events] == ["Police Forces of Mali"], [e.actor2 for e in events]
    events, _ = story(engine, "Taliban fighters attacked a police post in Helmand on Monday.", published="2010-04-26")
    assert [e.actor1 for e in events] == ["Taliban"]


def test_a_gerund_subject_leaves_the_victims_to_its_verb(engine) -> None:
    on, off = _events_on_off(engine, "Shelling killed five civilians in Tripoli on Saturday.", "2020-05-10", "actors.gerund_subject")
    assert [(e.actor1, e.actor2) for e in on] == [("Unidentified Armed Group (Libya)", "Civilians (Libya)")]
    assert "actor2" in on[0].spans  # read from the sentence's "five civilians"
    # off: the victims are not read; only the convention for a bomb's unnamed victims names them (no words of its own)
    assert [("actor2" in e.spans, (e.actor2_reason or "").startswith("no actor2 named")) for e in off] == [(False, True)]


def test_places_told_in_parallel_leave_no_narrative_place(engine) -> None:
    text = ("Troops fired on protesters in Kano on Monday, killing four.\n\n"
            "In the past week, thousands of people have marched in Kano and Kaduna to protest fuel prices.\n\n"
            "On Monday, police used tear gas to break up a gathering of students at the university.")
    on, off = _events_on_off(engine, text, "2012-01-10", "placing.parallel_places_no_narrative")
    (gathering,) = [e for e in on if "gathering" in e.evidence_text]
    assert gathering.location == "Kano", gathering.place_reason
    (gathering,) = [e for e in off if "gathering" in e.evidence_text]
    assert gathering.location == "Kaduna"


def test_a_paragraph_opening_on_the_bombing_names_its_target(engine) -> None:
    text = ("A car bomb has exploded in Van, a city in eastern Turkey, on Thursday.\n\n"
            "The bombing, which took place near the city centre, was apparently targeting a passing military vehicle.")
    on, off = _events_on_off(engine, text, "2008-01-03", "anaphora.across_paragraphs")
    assert [(e.location, e.actor2) for e in on] == [("Van", "Military Forces of Turkey (2002-)")]
    assert [e.actor2 for e in off] == [None]


def test_a_backers_people_are_not_where_the_story_is(engine) -> None:
    """'Ethiopian-backed government troops' in a story from Mogadishu: Somalia, and 'the capital' is Mogadishu."""
    text = ("An Islamist group has claimed responsibility for the death of the spokesman for Mogadishu's mayor.\n\n"
            "Fighting between Islamist-led insurgents and Ethiopian-backed government troops has displaced thousands "
            "in the capital.\n\nA roadside bomb killed two soldiers on Saturday.")
    on, off = _events_on_off(engine, text, "2007-12-29", "geo.affiliation_is_no_people")
    (bomb,) = [e for e in on if e.fatalities == 2]
    assert bomb.country == "Somalia", bomb.place_reason
    assert [e.country for e in off if e.fatalities == 2] == ["Ethiopia"]


def test_foreign_victims_are_civilians_of_their_nationality(engine) -> None:
    # ACLED names civilians by their nationality: a demonym before the noun, even past a qualifying noun
    text = ("Gunmen kidnapped a Polish oil worker in the southern city of Warri on Thursday.\n\n"
            "Militants kidnapped two British engineers in Port Harcourt on Monday.")
    events, _ = story(engine, text, published="2007-05-25")
    assert [e.actor2 for e in events] == ["Civilians (Poland)", "Civilians (United Kingdom)"]


def test_foreigners_of_no_one_country_are_international_civilians(engine) -> None:
    events, _ = story(engine, "Gunmen kidnapped eight foreign oil workers in Bayelsa State on Friday.", published="2007-05-25")
    assert [e.actor2 for e in events] == ["Civilians (International)"]
    events, _ = story(engine, "Gunmen kidnapped eight oil workers in Bayelsa State on Friday.", published="2007-05-25")
    assert [e.actor2 for e in events] == ["Civilians (Nigeria)"]


def test_a_night_that_runs_into_the_next_day_leaves_the_days_one_event(engine) -> None:
    text = ("Gunmen attacked a police station in Maiduguri late on Thursday, killing four officers.\n\n"
            "The gunmen attacked the police station in Maiduguri early on Friday, witnesses said.")
    events, told = story(engine, text, published="2011-10-15")
    assert len({e.date_start for e in events}) == 2, [(e.date_start, e.date_reason) for e in events]
    assert len(told.incidents) == 1


def test_a_single_attack_earlier_this_month_is_one_event_not_a_total(engine) -> None:
    text = "Earlier this month, a roadside bomb killed four soldiers in Kandahar."
    _, told = story(engine, text, published="2009-06-20")
    assert [i.record.fatalities for i in told.incidents] == [4] and not told.aggregates
    with switched_off(["aggregates.one_event"]):
        _, told = story(engine, text, published="2009-06-20")
    assert not told.incidents and [a.fatalities for a in told.aggregates] == [4]


def test_a_conflicts_toll_by_un_figures_and_a_toll_since_a_truce_are_aggregates(engine) -> None:
    text = ("Ukraine said 75 soldiers and civilians have been killed since the cease-fire took effect September 5.\n\n"
            "Both sides have stopped short of declaring the truce null, despite the continuing carnage, which has "
            "killed more than 3,500 people in eastern Ukraine, according to U.N. figures.")
    _, told = story(engine, text, published="2014-10-05")
    assert sorted(a.fatalities for a in told.aggregates) == [75, 3500]
    assert not [i for i in told.incidents if i.record.fatalities]


def test_similar_attacks_are_others_like_the_one_told_not_an_event(engine) -> None:
    text = ("A roadside bomb killed eight soldiers in Yala province on Saturday.\n\n"
            "No group has taken responsibility, but rebel groups have carried out many similar attacks in the region.")
    _, told = story(engine, text, published="2013-06-29")
    assert [i.record.fatalities for i in told.incidents] == [8]
    assert [a.reason.split(":")[0] for a in told.aggregates] == ["series"]
    with switched_off(["aggregates.series"]):
        _, told = story(engine, text, published="2013-06-29")
    assert len(told.incidents) == 2


def test_crowd_control_munitions_are_no_attack_and_the_classifier_reads_none_in(engine) -> None:
    on, off = _events_on_off(engine, "Police used flash-balls and smoke grenades.", "2005-07-14",
                             "triggers.dismissed_bar_the_model")
    assert on == [] and len(off) == 1
    events, _ = story(engine, "Militants threw a grenade at a police patrol in Srinagar, wounding three.", published="2005-07-14")
    assert [e.sub_event_type for e in events] == ["Grenade"]


def test_a_disaster_that_kills_is_no_political_violence(engine) -> None:
    text = ("At least ten people have been reported killed after a large, destructive tornado tore through "
            "Yazoo City, Mississippi yesterday.")
    on, off = _events_on_off(engine, text, "2010-04-25", "triggers.natural_causes")
    assert on == [] and len(off) == 1
    events, _ = story(engine, "Gunmen killed five people in an attack on a bus near Yazoo City on Friday.", published="2010-04-25")
    assert len(events) == 1


def test_the_crime_a_court_tries_is_no_event_of_the_report(engine) -> None:
    on, off = _events_on_off(engine, "Brothers found guilty of killing schoolboy in Sydney", "2006-08-09", "triggers.charges")
    assert on == [] and len(off) == 1
    # an accusation is how a report attributes violence, not a court's charge
    events, _ = story(engine, "The army accused the rebels of killing 20 villagers near Gulu on Monday.", published="2006-08-09")
    assert [e.fatalities for e in events] == [20]


def test_storming_a_village_is_the_attack_not_a_storm(engine) -> None:
    events, _ = story(engine, "Gunmen killed five villagers after storming a village near Kano on Tuesday.", published="2015-12-29")
    assert [e.fatalities for e in events] == [5]


def test_who_died_is_a_victim_never_the_attacker(engine) -> None:
    text = "Medics say at least 26 people have died in an airstrike in northwestern Yemen."
    on, off = _events_on_off(engine, text, "2017-11-01", "actors.the_dead_are_no_agents")
    assert [(e.actor1, e.actor2) for e in on] == [(None, "Civilians (Yemen)")]
    assert [e.actor1 for e in off] == ["Civilians (Yemen)"]


def test_an_armed_group_one_mention_names_is_who_the_unidentified_attackers_were(engine) -> None:
    text = ("Soldiers guarding eradication workers were assaulted by FARC rebels near Vista Hermosa on Tuesday.\n\n"
            "Gunmen killed 24 soldiers in the attack, the army said.\n\n"
            "The defence minister said rebels killed 24 soldiers in the attack.")
    on, off = incidents_on_and_off(engine, text, "2005-12-28", ["incidents.named_beats_unidentified"])
    assert [i.record.actor1 for i in on.incidents] == ["FARC: Revolutionary Armed Forces of Colombia"]
    assert [i.record.actor1 for i in off.incidents] == ["Unidentified Armed Group (Colombia)"]


def test_a_place_phrase_conjoined_to_the_verb_is_a_place_told_in_parallel(engine) -> None:
    text = ("Protests were also being held in the southern city of Daraa, near the border, and in Deir el-Zour, "
            "in the eastern part of the country.")
    _, on = story(engine, text, published="2011-12-09")
    with switched_off(["extract.conjoined_preposition"]):
        _, off = story(engine, text, published="2011-12-09")
    assert len(on.incidents) == 2 and len(off.incidents) == 1


def test_the_provinces_of_a_list_are_each_a_place_told_in_parallel(engine) -> None:
    text = "Bombs went off in Yala, Pattani and Narathiwat provinces on Thursday."
    _, on = story(engine, text, published="2006-06-15")
    with switched_off(["extract.listed_provinces"]):
        _, off = story(engine, text, published="2006-06-15")
    assert sorted(i.record.location for i in on.incidents) == ["Narathiwat", "Pattani", "Yala"]
    assert len(off.incidents) == 2


def test_who_is_accused_of_the_act_did_it_and_the_accuser_is_no_target(engine) -> None:
    text = ("Heavy shelling in residential areas of Tripoli left at least three dead on Saturday.\n\n"
            "Forces of the Government of National Accord accused the Libyan Arab Armed Forces of the shelling.")
    events, _ = story(engine, text, published="2020-05-10")
    assert [(e.actor1, e.actor2) for e in events] == [("LNA: Libyan National Army", "Civilians (Libya)")]
    assert events[0].actor1_reason.startswith("attributed: ")
    with switched_off(["claims.accused_of", "anaphora.teller_is_no_target", "extract.harmed_are_civilians"]):
        events, _ = story(engine, text, published="2020-05-10")
    assert [(e.actor1, e.actor2) for e in events] == [("Unidentified Armed Group (Libya)", "Government of Libya")]


def test_a_pattern_of_arrests_is_a_series_not_an_event(engine) -> None:
    text = "A pattern of arrests and seizures indicates that arms are brought into Chittagong by the rebels."
    _, told = story(engine, text, published="2005-02-10")
    assert not told.incidents and [a.reason.split(":")[0] for a in told.aggregates] == ["series"]


def test_withdrawing_from_talks_hands_over_no_territory(engine) -> None:
    events, _ = story(engine, "The group also withdrew from any further negotiations with the government.", published="2010-04-26")
    assert events == []
    events, _ = story(engine, "Syrian troops withdrew from Lebanon on Tuesday.", published="2005-04-27")
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]


def test_people_named_as_the_doers_of_something_else_announce_no_protest(engine) -> None:
    on, off = _events_on_off(engine, "Thai prime minister dismisses offer by anti-government protesters", "2010-04-26",
                             "triggers.doers_of_other")
    assert on == [] and [e.event_type for e in off] == ["Protests"]
    events, _ = story(engine, "Thousands of protesters marched in Bangkok on Monday.", published="2010-04-26")
    assert [e.event_type for e in events] == ["Protests"]


def test_taking_over_a_town_is_a_non_state_actor_overtaking_territory(engine) -> None:
    events, _ = story(engine, "Islamist militants have taken over the town of Gao after clashing with Tuareg rebels Wednesday.",
                      published="2012-06-27")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_sirens_that_went_off_are_no_bomb(engine) -> None:
    events, _ = story(engine, "Sirens also went off late Thursday in Tel Aviv after missiles fired from Gaza approached the city.",
                      published="2012-11-15")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    events, _ = story(engine, "A bomb went off in a market in Baghdad on Monday, killing five.", published="2012-11-15")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_a_relative_pronouns_noun_is_the_attacker(engine) -> None:
    text = "Authorities were still working early Sunday to apprehend gunmen who killed 39 people in Nairobi."
    on, off = _events_on_off(engine, text, "2013-09-22", "actors.relative_pronoun_agent")
    assert [e.actor1 for e in on] == ["Unidentified Armed Group (Kenya)"]
    assert [e.actor1 for e in off] != ["Unidentified Armed Group (Kenya)"]
    # the noun without its clause: the police of "as police approached it" are no attacker of the car bomb
    events, _ = story(engine, "Authorities said the first blast involved a car, which exploded as police approached it "
                              "at a check point in Makhachkala.", published="2012-05-04")
    assert all(not (e.actor1 or "").startswith("Police") for e in events), [(e.trigger, e.actor1) for e in events]


def test_two_victims_the_second_hung_from_the_first_ones_name(engine) -> None:
    text = ("The leader of al-Qaeda in Iraq, Abu Ayyub al-Masri, and the leader of an affiliate group, "
            "Abu Omar al-Baghdadi, were killed by Iraqi and US forces.")
    on, off = _events_on_off(engine, text, "2010-04-20", "victims.list_after_apposition")
    assert [e.fatalities for e in on] == [2] and [e.fatalities for e in off] == [1]


def test_what_has_been_going_on_is_a_course_of_events_and_what_is_anticipated_no_event(engine) -> None:
    on, off = _events_on_off(engine, "Malians have been holding demonstrations in the capital, Bamako.", "2012-06-28",
                             "flags.perfect_progressive")
    assert [e.background for e in on] == [True] and [e.background for e in off] == [False]
    events, _ = story(engine, "Rebels have been fighting government troops near Gao since Monday.", published="2012-06-28")
    assert [e.background for e in events] == [False]  # a few days' fighting is one spell
    events, _ = story(engine, "Residents are staying indoors in anticipation of more attacks.", published="2012-11-15")
    assert all(e.hypothetical for e in events)


def test_a_named_bodys_protests_are_an_objection_not_a_gathering(engine) -> None:
    on, off = _events_on_off(engine, "The move has drawn protests from the Tamil National Alliance on Monday.", "2004-11-19",
                             "triggers.objections")
    assert on == [] and [e.event_type for e in off] == ["Protests"]
    events, _ = story(engine, "The decision drew protests from residents of Jaffna on Monday.", published="2004-11-19")
    assert [e.event_type for e in events] == ["Protests"]


def test_people_taken_so_far_this_year_are_a_total_not_an_event(engine) -> None:
    text = "More than 100 foreign oil workers have been kidnapped so far this year in the Niger Delta."
    _, told = story(engine, text, published="2007-05-25")
    assert not told.incidents and [a.reason.split(":")[0] for a in told.aggregates] == ["period"]
    with switched_off(["aggregates.abduction_counts"]):
        _, told = story(engine, text, published="2007-05-25")
    assert len(told.incidents) == 1 and not told.aggregates


def test_an_event_dated_more_than_a_week_before_publication_is_told_as_background(engine) -> None:
    text = ("Gunmen attacked a police checkpoint in Kunduz on Saturday, killing four officers. "
            "A suicide bomber killed two people at a school in Kabul on December 11.")
    events, _ = story(engine, text, published="2014-12-21")
    by_day = {e.date_start: e.background for e in events}
    assert by_day == {"2014-12-20": False, "2014-12-11": True}
    with switched_off(["flags.background_by_date"]):
        events, _ = story(engine, text, published="2014-12-21")
    assert not any(e.background for e in events)


def test_one_act_told_of_several_places_is_a_series_and_a_stretch_of_months_a_period(engine) -> None:
    text = "Gunmen on motorcycles attacked four other villages on Friday and Saturday in the nearby Bama district."
    _, told = story(engine, text, published="2014-06-09")
    assert told.aggregates and not told.incidents
    with switched_off(["aggregates.series"]):
        _, told = story(engine, text, published="2014-06-09")
    assert told.incidents
    text = "Activists say troops have killed 45 civilians in Idlib, continuing a months-long siege of the city."
    _, told = story(engine, text, published="2012-02-08")
    assert [a.fatalities for a in told.aggregates] == [45]
    with switched_off(["aggregates.period"]):
        _, told = story(engine, text, published="2012-02-08")
    assert [i.record.fatalities for i in told.incidents] == [45]


def test_an_event_dated_by_a_month_over_before_publication_is_background(engine) -> None:
    text = "Last month, gunmen kidnapped 12 oil workers near Warri."
    on, off = _events_on_off(engine, text, "2007-02-04", "flags.background_earlier_month")
    assert [(e.date_start[:7], e.background) for e in on] == [("2007-01", True)]
    assert [e.background for e in off] == [False]
    events, _ = story(engine, "This month, gunmen kidnapped 12 oil workers near Warri.", published="2007-02-20")
    assert [e.background for e in events] == [False]  # the month is not over


def test_an_event_told_inside_a_phrase_set_days_apart_is_that_many_days_from_the_reports_day(engine) -> None:
    text = "Rebels are patrolling the streets of Kidal, two days after driving out the army in clashes that killed 12 soldiers."
    on, off = _events_on_off(engine, text, "2012-06-28", "dating.days_after_phrase")
    assert [e.date_start for e in on if e.fatalities == 12] == ["2012-06-26"]
    assert [e.date_start for e in off if e.fatalities == 12] == ["2012-06-28"]


def test_aircraft_doing_the_violence_make_an_air_strike_and_a_projectile_that_went_off_shelling(engine) -> None:
    text = "IDF drones assassinated Hamas military chief Ahmad al-Jabari in Gaza City on Wednesday."
    on, off = _events_on_off(engine, text, "2012-11-15", "typing.aircraft_agent")
    assert [e.sub_event_type for e in on] == ["Air/drone strike"]
    assert [e.sub_event_type for e in off] != ["Air/drone strike"]
    # a suicide bomber is no plane
    events, _ = story(engine, "Suicide bombers killed at least 20 people in Baghdad on Sunday.", published="2013-10-06")
    assert all(e.sub_event_type != "Air/drone strike" for e in events)
    text = "One of the rockets exploded in a house in Ashkelon on Thursday, killing two people."
    on, off = _events_on_off(engine, text, "2012-11-15", "typing.projectile_agent")
    assert [e.sub_event_type for e in on] == ["Shelling/artillery/missile attack"]
    assert [e.sub_event_type for e in off] == ["Remote explosive/landmine/IED"]


def test_a_paragraph_opening_with_no_place_takes_the_place_it_names_next(engine) -> None:
    text = ("Gunmen killed four farmers in the Nigerian town of Bauchi on Monday.\n\n"
            "A firefight broke out between Afghan soldiers and insurgents on Monday, leaving six insurgents dead. "
            "The fighting began when the insurgents attacked a police post in Kunduz province.")
    on, off = _events_on_off(engine, text, "2010-04-26", "placing.paragraph_ahead")
    fight = [e for e in on if e.fatalities == 6]
    assert [e.country for e in fight] == ["Afghanistan"]
    assert "in a later sentence of its paragraph" in fight[0].place_reason
    assert [e.country for e in off if e.fatalities == 6] == ["Nigeria"]


def test_a_namesake_abroad_later_in_the_paragraph_is_not_the_scene(engine) -> None:
    text = ("A bomb killed three people in Baghdad on Monday.\n\n"
            "Two policemen were wounded in a shooting on Monday. It happened near the Saint George hotel.")
    events, _ = story(engine, text, published="2010-04-26")
    assert {e.country for e in events} == {"Iraq"}


def test_a_noun_that_counts_a_group_is_no_single_victim(engine) -> None:
    text = "Al-Shabab said its fighters overran the base near Baidoa on Friday, killing number of soldiers."
    on, off = _events_on_off(engine, text, "2016-04-26", "victims.group_nouns")
    assert [e.fatalities for e in on] == [None] and [e.fatalities for e in off] == [1]


def test_the_recent_fighting_is_a_period_not_one_incident(engine) -> None:
    text = "It's estimated that more than 380 people died in the recent fighting in Mogadishu."
    _, told = story(engine, text, published="2007-03-26")
    assert [a.fatalities for a in told.aggregates] == [380] and not told.incidents
    with switched_off(["aggregates.period"]):
        _, told = story(engine, text, published="2007-03-26")
    assert [i.record.fatalities for i in told.incidents] == [380]


def test_how_a_toll_was_counted_stands_between_the_verb_and_its_victims(engine) -> None:
    events, _ = story(engine, "Militants stormed a mall in Nairobi and opened fire, killing by the latest count 69 people.",
                      published="2013-09-23")
    assert [e.fatalities for e in events] == [69]


def test_the_people_a_bomb_harmed_with_no_side_named_are_civilians(engine) -> None:
    text = "A roadside bomb exploded near a bus station in Peshawar on Monday, leaving four dead."
    on, off = _events_on_off(engine, text, "2011-02-15", "extract.harmed_are_civilians")
    assert [e.actor2 for e in on] == ["Civilians (Pakistan)"] and [e.actor2 for e in off] == [None]
    # a blast that harmed no one has no second side
    events, _ = story(engine, "A roadside bomb exploded near a bus station in Peshawar on Monday.", published="2011-02-15")
    assert [e.actor2 for e in events] == [None]
    # the group a sentence suspects is the attacker, and the convention fills the side it leaves
    events, _ = story(engine, "Al-Shabab is suspected to be behind a car bomb at a market in Mogadishu, which killed 12 people.",
                      published="2011-02-15")
    assert [(e.actor1, e.actor2) for e in events] == [("Al Shabaab", "Civilians (Somalia)")]


def test_the_people_a_noun_names_belong_to_the_group_its_of_names(engine) -> None:
    for text in ("Israeli aircraft killed the top military commander of Islamic Jihad in Gaza City on Wednesday.",
                 "An Israeli missile strike on Khan Younis killed the senior military commander of Islamic Jihad."):
        on, off = _events_on_off(engine, text, "2012-11-15", "actors.member_of")
        assert [e.actor2 for e in on] == ["PIJ: Palestinian Islamic Jihad"], text
        assert [e.actor2 for e in off] != ["PIJ: Palestinian Islamic Jihad"], text


def test_a_states_word_before_its_aircraft_names_its_military_however_many_words_the_craft_takes(engine) -> None:
    events, _ = story(engine, "Two missiles from a US unmanned aerial vehicle struck a compound near Miranshah on Monday.",
                      published="2010-09-06")
    assert [(e.actor1, e.sub_event_type) for e in events] == [("Military Forces of the United States (2009-2017)", "Air/drone strike")]


def test_an_event_told_years_after_is_dated_that_many_years_before(engine) -> None:
    text = "The town of Jalalabad remains tense three years after the ethnic riots that killed dozens of people."
    on, off = _events_on_off(engine, text, "2013-05-20", "dating.months_apart")
    assert [(e.date_start, e.date_end, e.time_precision, e.background) for e in on] == [("2010-05-01", "2010-05-31", 3, True)]
    assert [(e.date_start, e.background) for e in off] == [("2013-05-20", False)]


def test_two_parties_that_agree_to_end_hostilities_are_the_agreements_sides(engine) -> None:
    text = "The talks ended on Monday as the MILF and the rival MNLF faction agreed to end all hostilities in Cotabato."
    on, off = _events_on_off(engine, text, "2010-03-01", "actors.parties_agree")
    assert [(e.sub_event_type, e.date_start) for e in on] == [("Agreement", "2010-03-01")]
    assert [e.actor2 for e in on] != [None] and [e.actor2 for e in off] == [None]


def test_a_toll_told_in_contrast_is_no_part_of_the_main_clauses_toll(engine) -> None:
    text = "Army shelling killed at least 11 people in Idlib on Sunday, while 20 rebels died in fighting near Hama."
    on, off = _events_on_off(engine, text, "2013-07-21", "extract.contrast_victims")
    assert 31 not in [e.fatalities for e in on] and 11 in [e.fatalities for e in on]
    assert 31 in [e.fatalities for e in off]
    # victims told in contrast by a killing verb are their own event
    text = "Army shelling killed at least 11 people in Idlib on Sunday, while 20 rebels were killed near Hama."
    on, off = _events_on_off(engine, text, "2013-07-21", "extract.contrast_victims")
    assert sorted(e.fatalities for e in on) == [11, 20] and [e.fatalities for e in off] == [31]


def test_protesters_a_protest_names_as_its_object_are_its_first_side(engine) -> None:
    events, _ = story(engine, "The earlier rally in Melbourne attracted some 20,000 protesters.", published="2005-11-15")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [("Peaceful protest", "Protesters (Australia)", None)]
    assert "actor1" in events[0].spans  # the words that named them


def test_rioters_who_attack_commit_mob_violence(engine) -> None:
    text = "A mob attacked a church in Kaduna on Sunday, killing two worshippers."
    on, off = _events_on_off(engine, text, "2011-02-14", "typing.mob_violence")
    assert [(e.event_type, e.sub_event_type, e.actor1) for e in on] == [("Riots", "Mob violence", "Rioters (Nigeria)")]
    assert [e.event_type for e in off] != ["Riots"]

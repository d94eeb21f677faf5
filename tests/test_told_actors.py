"""Actors the text names once and then refers to: "the group" after a named armed group, a named
group's wing ("Hamas military chief"), a state's forces by their own name ("IDF", "Kenya Defence
Forces"), and what a shared named actor says of two acts of one report (extract/, incidents/ and the
actor registry)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.incidents.report import same_in_report
from dateline.rules import switched_off
from test_merge import mention
from test_news_story import BOKO_HARAM, incidents_on_and_off, mentions_on_and_off, story


def test_the_group_is_the_armed_group_named_before(engine) -> None:
    text = ("Boko Haram is suspected to be behind a bus station bomb blast in Abuja on Monday that killed 70 people.\n\n"
            "On Tuesday, the group abducted about 100 girls from a school in Chibok.")
    on, off = mentions_on_and_off(engine, text, "2014-04-16", ["actors.group_told"])
    abduction = [e for e in on if e.sub_event_type == "Abduction/forced disappearance"]
    assert [e.actor1 for e in abduction] == [BOKO_HARAM]
    assert [e.actor1 for e in off if e.sub_event_type == "Abduction/forced disappearance"] == ["Unidentified Armed Group (Nigeria)"]


def test_the_group_names_no_one_before_any_group_is_named(engine) -> None:
    events, _ = story(engine, "On Tuesday, the group abducted about 100 girls from a school in Chibok, Nigeria.",
                      published="2014-04-16")
    assert [e.actor1 for e in events] == ["Unidentified Armed Group (Nigeria)"]


def test_a_group_of_gunmen_is_no_group_told(engine) -> None:
    text = ("Boko Haram fighters attacked a village near Maiduguri on Monday, killing 12 people.\n\n"
            "On Wednesday a group of gunmen abducted 20 traders near Chibok.")
    events, _ = story(engine, text, published="2014-04-16")
    abduction = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert [e.actor1 for e in abduction] == ["Unidentified Armed Group (Nigeria)"]


def test_the_group_names_the_group_told_last(engine) -> None:
    text = ("Al-Shabab fighters attacked a base in Gedo on Friday, killing 20 soldiers.\n\n"
            "Islamic State militants ambushed a convoy near Bosaso on Sunday, killing four soldiers.\n\n"
            "On Monday the group beheaded two herders near Qandala.")
    events, _ = story(engine, text, published="2016-04-26")
    beheading = [e for e in events if "beheaded" in e.evidence_text]
    assert beheading and beheading[0].actor1.startswith("Islamic State"), [e.actor1 for e in beheading]


def test_a_named_groups_military_chief_is_that_groups(engine) -> None:
    text = "Israeli drones killed Hamas military chief Ahmad al-Jabari in Gaza City on Wednesday."
    on, off = mentions_on_and_off(engine, text, "2012-11-14", ["actors.wing_of_named"])
    assert [e.actor2 for e in on] == ["Hamas Movement"]
    assert [e.actor2 for e in off] != ["Hamas Movement"]


def test_a_states_forces_by_their_own_name(engine) -> None:
    events, _ = story(engine, "IDF drones killed two militants in Gaza City on Wednesday.", published="2012-11-14")
    assert [e.actor1 for e in events] == ["Military Forces of Israel"]
    events, _ = story(engine, "Kenya Defence Forces said they killed 10 militants near Kismayo on Sunday.", published="2013-09-30")
    assert [e.actor1 for e in events] == ["Military Forces of Kenya"]


def test_one_actors_other_act_told_by_the_document_date_stays_apart() -> None:
    # "the group has intensified its campaign of killing" (dated and placed by the document), then "a few
    # days ago, the group abducted about 100 girls in Chibok": one group's two acts, not one act told twice
    campaign = mention("d", start=0, etype="Violence against civilians", sub="Attack", actor="boko_haram",
                       date="2014-04-17", location="Borno", date_reason="no date in sentence: publication date",
                       place_reason="no place in sentence: the document's main province (Borno)")
    abduction = mention("d", start=200, etype="Violence against civilians", sub="Abduction/forced disappearance",
                        actor="boko_haram", date="2014-04-10", location="Chibok", date_reason="sentence: 'A few days ago'",
                        text="A few days ago, the group abducted about 100 girls from the secondary school in Chibok.")
    assert not same_in_report(campaign, abduction)
    with switched_off(["incidents.actor_not_enough"]):
        assert same_in_report(campaign, abduction)
    # the same kind of act, or both dated by their own sentences: the shared group is evidence as before
    again = replace(abduction, event_id="d-300", evidence_start=300, date_start="2014-04-17", date_end="2014-04-17",
                    date_reason="no date in sentence: publication date", place_reason="no place in sentence")
    assert same_in_report(abduction, again)


def test_quoted_reactions_with_nothing_of_their_own_are_the_scene_told(engine) -> None:
    text = ("Riot police have just attacked protesters camped at the Pearl Roundabout in Manama, Bahrain.\n\n"
            "Here are the reactions from Twitter:\n\n"
            "@witness: Riot police by the hundreds have arrived with clubs and are charging.\n\n"
            "@onlooker: Lots of demonstrators running away.\n\n"
            "@resident: They're attacking from everywhere #lulu")
    on, off = incidents_on_and_off(engine, text, "2011-02-17", ["incidents.bare_detail"])
    assert len(on.incidents) == 1, [(i.record.sub_event_type, i.record.evidence_text) for i in on.incidents]
    # the scene keeps the kind and sides its first sentence told: the reactions follow it
    assert on.incidents[0].record.event_type == "Protests"
    assert on.incidents[0].record.actor1 == "Protesters (Bahrain)"
    assert len(off.incidents) > 1


def test_a_bare_mention_of_another_day_stays_apart(engine) -> None:
    text = ("Riot police attacked protesters camped at the Pearl Roundabout in Manama, Bahrain, on Thursday.\n\n"
            "On Saturday, lots of demonstrators were running away from gunfire.")
    _, told = story(engine, text, published="2011-02-19")
    assert len(told.incidents) == 2, [(i.record.date_start, i.record.evidence_text) for i in told.incidents]


def test_a_mention_at_a_scene_of_its_own_is_no_bare_detail(engine) -> None:
    lede = "Thousands of protesters marched in Cairo on Monday against the new constitution."
    apart = "Gunmen opened fire on demonstrators outside the presidential palace."
    along = "Gunmen opened fire on demonstrators."
    _, with_scene = story(engine, lede + "\n\n" + apart, published="2013-02-11")
    _, without = story(engine, lede + "\n\n" + along, published="2013-02-11")
    assert len(with_scene.incidents) == 2, [i.record.evidence_text for i in with_scene.incidents]
    assert len(without.incidents) == 1, [i.record.evidence_text for i in without.incidents]


def test_an_unnamed_group_is_of_the_place_it_came_from(engine) -> None:
    text = "SDEROT, Israel - On Saturday, Gaza militants fired an anti-tank missile at an army patrol near Sderot, injuring four soldiers."
    on, off = mentions_on_and_off(engine, text, "2012-11-12", ["actors.origin_place"])
    assert [e.actor1 for e in on] == ["Unidentified Armed Group (Palestine)"]
    assert [e.actor1 for e in off] == ["Unidentified Armed Group (Israel)"]
    events, _ = story(engine, "Militants from Gaza fired rockets at Sderot, Israel, on Monday.", published="2012-11-12")
    assert [e.actor1 for e in events] == ["Unidentified Armed Group (Palestine)"]


def test_an_arrest_nobody_is_named_making_is_the_polices(engine) -> None:
    events, _ = story(engine, "CAIRO - State media say some 35 protesters have been arrested in Cairo for carrying gas cylinders.",
                      published="2013-08-14")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Arrests", "Police Forces of Egypt")]


def test_the_same_armed_side_attacked_by_the_same_attacker_is_one_event(engine) -> None:
    text = ("Rebels in Ivory Coast have attacked French peacekeepers near a key western town.\n\n"
            "A French military spokesman said the troops were attacked on two fronts near the town of Duekoue on Monday.")
    on, off = incidents_on_and_off(engine, text, "2003-01-06", ["incidents.same_sides"])
    assert len(on.incidents) == 1, [i.record.evidence_text for i in on.incidents]
    assert on.incidents[0].record.location == "Duekoué"
    assert len(off.incidents) == 2


def test_a_device_that_did_harm_went_off(engine) -> None:
    text = "BAIDOA - Militants planted an explosive device that destroyed a military vehicle near Baidoa on Monday."
    on, off = mentions_on_and_off(engine, text, "2016-04-26", ["typing.device_did_harm"])
    assert [e.sub_event_type for e in on] == ["Remote explosive/landmine/IED"]
    assert [e.sub_event_type for e in off] != ["Remote explosive/landmine/IED"]


def test_who_flies_the_craft_a_missile_was_fired_from_fired_it(engine) -> None:
    text = ("Officials in Pakistan said missiles fired from a U.S. drone aircraft killed at least five suspected rebels "
            "near Miran Shah on Monday.")
    on, off = mentions_on_and_off(engine, text, "2010-04-28", ["actors.launched_from"])
    assert [e.actor1 for e in on] == ["Military Forces of the United States (2009-2017)"]
    assert [e.actor1 for e in off] != [e.actor1 for e in on]


def test_a_share_of_the_dead_counted_among_a_group_is_the_violence_told_before(engine) -> None:
    text = ("Gunmen opened fire and threw grenades at a hotel in Mogadishu on Tuesday, killing 14 people, police said.\n\n"
            "Gunmen also tossed grenades at guards outside the hotel gate.\n\n"
            "Turkey and Italy each say one of their nationals was killed.")
    on, off = incidents_on_and_off(engine, text, "2015-03-03", ["incidents.among_theirs"])
    counted = [i.record for i in on.incidents if not i.record.negated]
    assert len(counted) < len([i for i in off.incidents if not i.record.negated])
    assert sorted(r.fatalities for r in counted if r.fatalities is not None) == [14]


@pytest.mark.parametrize(("text", "country", "force"), [
    # a conjoined verb without a subject shares the relative clause's noun
    ("Soldiers have surrounded the gunmen who have been holed up inside a hotel in Mogadishu since Saturday "
     "and are holding guests hostage.", "Somalia", "Military Forces of Somalia"),
    # so does a conjoined passive of report: who are believed to hold hostages hold them
    ("Police have surrounded the gunmen who have been holed up inside a bank in Mombasa since Monday "
     "and are believed to be holding staff hostage.", "Kenya", "Police Forces of Kenya"),
])
def test_a_conjoined_verb_without_a_subject_shares_the_first_ones(engine, text, country, force) -> None:
    on, off = mentions_on_and_off(engine, text, "2015-03-03", ["actors.conjunct_subject"])
    assert [e.actor1 for e in on if e.sub_event_type == "Abduction/forced disappearance"] == [f"Unidentified Armed Group ({country})"]
    assert [e.actor1 for e in off if e.sub_event_type == "Abduction/forced disappearance"] == [force]


def test_a_toll_statement_counts_the_dead_of_violence_told_before_whatever_its_kind(engine) -> None:
    text = ("Fighting continued on Tuesday between Kachin rebels and Myanmar government troops near Laiza.\n\n"
            "A rebel spokesman said the army had launched an offensive against the rebels. \"They started at dawn. "
            "They pulled back and again started hitting us with artillery,\" he said.\n\n"
            "However, the government said two soldiers were killed.")
    on, off = incidents_on_and_off(engine, text, "2015-02-24", ["incidents.toll_of_any_kind"])
    counted = lambda report: [i.record for i in report.incidents if not (i.record.negated or i.record.hypothetical)]
    assert len(counted(on)) < len(counted(off))
    tolled = [r for r in counted(on) if r.fatalities == 2]
    assert [r.event_type for r in tolled] == ["Battles"]

"""Claims of responsibility name the attacker of the violence they follow (extract/claims.py)."""

from __future__ import annotations

from dateline.rules import switched_off
from test_news_story import incidents_on_and_off, story


def test_a_group_that_claims_an_attack_told_before_is_its_attacker(engine) -> None:
    text = ("A bomb exploded at a bus station in the town of Mandera on Monday, killing nine passengers.\n\n"
            "The Islamist group al-Shabab, which claimed responsibility for Monday's bombing, said it had "
            "targeted government workers.")
    on, off = incidents_on_and_off(engine, text, "2014-11-25", ["actors.claimed_responsibility"])
    (incident,) = [i for i in on.incidents if i.record.fatalities == 9]
    assert incident.record.actor1 == "Al Shabaab", incident.record.actor1
    assert incident.record.actor1_reason.startswith("claimed responsibility: 'al-Shabab")
    assert len(on.incidents) == 1  # the claim's "Monday's bombing" is the bombing told, not another one
    (incident,) = [i for i in off.incidents if i.record.fatalities == 9]
    assert incident.record.actor1 != "Al Shabaab"


def test_a_denied_claim_names_no_one(engine) -> None:
    events, _ = story(engine, "Gunmen shot dead four police officers at a checkpoint near Baquba on Sunday. "
                              "The Mahdi Army did not claim responsibility for the attack.", published="2007-03-05")
    assert [e.actor1 for e in events if e.fatalities == 4] == ["Unidentified Armed Group (Iraq)"]


def test_a_claim_never_renames_a_named_attacker(engine) -> None:
    text = ("Taliban fighters ambushed a police convoy in Helmand on Friday, killing six policemen.\n\n"
            "The Haqqani network later claimed responsibility.")
    _, told = story(engine, text, published="2010-05-08")
    assert [i.record.actor1 for i in told.incidents if i.record.fatalities == 6] == ["Taliban"]


def test_the_claimant_of_its_own_sentences_attack_takes_the_attacker_slot(engine) -> None:
    """The forces its words made the attacker ("six soldiers were killed") are the side the claimant hit."""
    text = ("A rebel group, the Ogaden National Liberation Front, claimed responsibility for the raid on the oil field "
            "and said that nine Ethiopian soldiers were killed when its fighters stormed the camp.")
    events, _ = story(engine, text, published="2007-04-25")
    (event,) = [e for e in events if e.fatalities == 9]
    assert event.actor1 == "ONLF: Ogaden National Liberation Front", (event.actor1, event.actor2)
    assert event.actor2 == "Military Forces of Ethiopia", (event.actor1, event.actor2)
    with switched_off(["actors.claimed_responsibility"]):
        events, _ = story(engine, text, published="2007-04-25")
    assert all(e.actor1 != "ONLF: Ogaden National Liberation Front" for e in events)


def test_an_attack_another_attributes_to_a_known_group_is_that_groups(engine) -> None:
    text = ("A car bomb exploded outside a shopping centre in Diyarbakir on Thursday, killing five people.\n\n"
            "The governor blamed the bombing on the PKK, and police detained three suspects.")
    on, off = incidents_on_and_off(engine, text, "2016-05-13", ["actors.attributed"])
    (incident,) = [i for i in on.incidents if i.record.fatalities == 5]
    assert incident.record.actor1 == "PKK: Kurdistan Workers Party", incident.record.actor1
    assert incident.record.actor1_reason == "attributed: 'The governor blamed the bombing on the PKK'", incident.record.actor1_reason
    (incident,) = [i for i in off.incidents if i.record.fatalities == 5]
    assert incident.record.actor1 != "PKK: Kurdistan Workers Party"


def test_an_attack_blamed_on_a_state_names_no_attacker(engine) -> None:
    _, told = story(engine, "A car bomb exploded outside a mosque in Quetta on Friday, killing nine worshippers.\n\n"
                            "Militants blamed the bombing on the army.", published="2013-02-16")
    assert [i.record.actor1 for i in told.incidents if i.record.fatalities == 9] != ["Military Forces of Pakistan"]


def test_blame_placed_on_a_known_group_names_it(engine) -> None:
    text = ("A roadside bomb hit a military vehicle near Hakkari on Sunday, killing two soldiers.\n\n"
            "The interior minister placed the blame on Kurdish rebels.")
    on, off = incidents_on_and_off(engine, text, "2012-06-11", ["actors.attributed"])
    assert [i.record.actor1 for i in on.incidents if i.record.fatalities == 2] == ["PKK: Kurdistan Workers Party"]
    assert [i.record.actor1 for i in off.incidents if i.record.fatalities == 2] != ["PKK: Kurdistan Workers Party"]


def test_who_the_doer_is_identified_as_did_the_act(engine) -> None:
    text = ("A suicide bombing at a market in Kano killed 12 people on Friday.\n\n"
            "Police identified the bomber, a young man in a blue shirt, as a member of Boko Haram.")
    on, off = incidents_on_and_off(engine, text, "2014-05-03", ["claims.identified_as"])
    assert [i.record.actor1 for i in on.incidents if i.record.fatalities == 12] == [
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]
    assert [i.record.actor1 for i in off.incidents if i.record.fatalities == 12] == ["Unidentified Armed Group (Nigeria)"]

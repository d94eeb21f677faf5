"""A battle's unnamed second side comes from the document's own words (extract/sides.py)."""

from __future__ import annotations

from dateline.rules import switched_off
from test_news_story import story

_SOMALIA = ("Kenyan troops advanced on the town of Afmadow in southern Somalia on Sunday. "
            "Kenyan troops also shelled al-Shabab positions near Kismayo.\n\n")


def _battles(engine, text: str, published: str = "2011-10-17"):
    events, _ = story(engine, text, published=published)
    return {e.location: e for e in events if e.event_type == "Battles"}


def test_a_named_group_fights_the_force_the_report_names_most(engine) -> None:
    text = _SOMALIA + "Al-Shabab fighters clashed near Dhobley on Monday."
    battle = _battles(engine, text)["Dhobley"]
    assert (battle.actor1, battle.actor2) == ("Al Shabaab", "Military Forces of Kenya")
    assert battle.actor2_reason.startswith("a battle has two sides: 'Military Forces of Kenya'")
    with switched_off(["sides.battle_has_two"]):
        assert _battles(engine, text)["Dhobley"].actor2 is None


def test_a_battle_naming_no_side_is_the_leading_force_against_an_unnamed_group(engine) -> None:
    text = _SOMALIA + "Fighting continued in Afmadow on Monday."
    battle = _battles(engine, text)["Afmadow"]
    assert (battle.actor1, battle.actor2) == ("Military Forces of Kenya", "Unidentified Armed Group (Somalia)")
    with switched_off(["sides.force_first"]):
        battle = _battles(engine, text)["Afmadow"]
    assert (battle.actor1, battle.actor2) == ("Unidentified Armed Group (Somalia)", "Military Forces of Kenya")


def test_forces_named_alone_fight_an_unidentified_group(engine) -> None:
    (battle,) = _battles(engine, "Police clashed near the market in Kano on Monday.", published="2012-01-24").values()
    assert (battle.actor1, battle.actor2) == ("Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)")


def test_a_force_named_in_another_country_fights_no_battle_here(engine) -> None:
    text = ("American troops raided a house in Ramadi on Sunday. American troops arrested six men in Falluja.\n\n"
            "In Syria, rebels clashed near Aleppo on Monday.")
    battles = [e for e in _battles(engine, text, published="2012-08-06").values() if e.country == "Syria"]
    assert battles and all(e.actor2 != "Military Forces of the United States" for e in battles), \
        [(e.actor1, e.actor2) for e in battles]


def test_a_battle_naming_only_the_group_fought_gets_the_leading_force_as_actor1(engine) -> None:
    text = ("Pakistani troops attacked militant hideouts in Orakzai on Friday.\n\n"
            "Officials confirmed the deaths of two dozen soldiers in clashes with insurgents in Orakzai.")
    events, _ = story(engine, text, published="2010-05-15")
    (clash,) = [e for e in events if e.fatalities == 24]
    assert (clash.actor1, clash.actor2) == ("Military Forces of Pakistan", "Unidentified Armed Group (Pakistan)")
    with switched_off(["sides.battle_has_two"]):
        events, _ = story(engine, text, published="2010-05-15")
    assert [e.actor1 for e in events if e.fatalities == 24] == [None]

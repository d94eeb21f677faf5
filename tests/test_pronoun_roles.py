"""A personal pronoun in a role resumes the subject of the clause its own hangs from (extract/actors.py)."""

from __future__ import annotations

from dateline.rules import switched_off
from test_news_mechanisms import _events_on_off
from test_news_story import story


def _incident(engine, text: str, published: str = "2009-03-04"):
    _, told = story(engine, text, published=published)
    (incident,) = told.incidents
    return incident.record


def test_they_of_the_ambush_are_the_police_of_the_main_clause(engine) -> None:
    text = "Police officers were escorting a convoy of aid workers near Kandahar on Monday when they were ambushed by gunmen."
    on = _incident(engine, text)
    assert (on.event_type, on.actor2) == ("Battles", "Police Forces of Afghanistan"), (on.event_type, on.actor2)
    with switched_off(["actors.pronoun_resumes_subject"]):
        off = _incident(engine, text)
    assert off.actor2 != "Police Forces of Afghanistan"


def test_the_victims_a_pronoun_resumes_are_never_the_attackers(engine) -> None:
    text = "Dozens of soldiers were guarding a pipeline in Bayelsa on Friday when they were attacked."
    on = _incident(engine, text)
    assert on.actor1 != "Military Forces of Nigeria"
    assert on.actor2 == "Military Forces of Nigeria"
    with switched_off(["actors.pronoun_resumes_subject"]):
        assert _incident(engine, text).actor1 == "Military Forces of Nigeria"  # what the rule mends


def test_a_pronoun_of_another_number_resumes_nothing(engine) -> None:
    """'he' cannot stand for 'soldiers': the role is left to the other readings."""
    text = "Soldiers were guarding the governor's house in Bayelsa on Friday when he was attacked by gunmen."
    record = _incident(engine, text)
    assert record.actor2 != "Military Forces of Nigeria"


def test_a_speaker_named_in_the_singular_is_no_they_who_did_it(engine) -> None:
    text = ("When the fighters were unable to penetrate the city, the government says they took hostages "
            "using them as human shields.")
    on, off = _events_on_off(engine, text, "2013-09-10", "actors.claimant_agrees")
    assert [e.actor1 for e in on] == ["Unidentified Armed Group"]  # the text names no country
    assert [e.actor1 for e in off] == ["Government"]
    # a group's proper name may be "they": it claims its own act
    events, _ = story(engine, "The Taliban said they attacked the base in Kunar on Monday.", published="2013-09-10")
    assert [e.actor1 for e in events] == ["Taliban"]

"""The event's place: names the NER misses, "the capital", and which of a sentence's places is the event's."""

from __future__ import annotations

import pytest

from dateline.evaluate.common import SPLITS
from dateline.extract.placing import pick_place
from dateline.extract.triggers import Trigger, TriggerEntry

_GOLD_ENTRY = TriggerEntry("gold", "gold", None, None, 1)


def _places(engine, text: str) -> list:
    return list(engine.nlp(text)._.places or [])


def _picked(engine, text: str, trigger_word: str) -> str | None:
    """The mention pick_place chooses for the first token spelled ``trigger_word``."""
    doc = engine.nlp(text)
    head = next(t for t in doc if t.text == trigger_word)
    picked = pick_place(Trigger(head.i, head.i + 1, _GOLD_ENTRY, head, head.pos_ == "VERB"), list(doc._.places or []))
    return picked.text if picked is not None else None


@pytest.mark.parametrize(
    "text, surface, name, hint",
    [
        # the small model misses "Hit" (an English word) and merges "Taji, Ministry of Justice" into an ORG
        ("Militants lined up 30 men in the town of Hit in western Iraq.", "Hit", "Hit", "town"),
        ("A bus was attacked in the town of Taji , Ministry of Justice sources said.", "Taji", "Taji", "town"),
        ("Rebels shelled the villages of Rawah overnight.", "Rawah", "Rawah", "village"),
        # "the Iraqi capital", "the capital of France": the capital city
        ("A car bomb exploded in the Iraqi capital on Monday.", "Iraqi capital", "Baghdad", None),
        ("Thousands marched in the capital of France on Sunday.", "capital", "Paris", None),
        ("Two bombs hit Iraq's capital on Monday.", "capital", "Baghdad", None),
        # "the capital" in a text naming one country
        ("Bombs killed 13 people in Iraq, as police found four bodies in the capital.", "capital", "Baghdad", None),
    ],
)
def test_places_the_ner_misses(engine, text: str, surface: str, name: str, hint: str | None) -> None:
    found = {m.text: m for m in _places(engine, text)}
    assert surface in found, sorted(found)
    assert (found[surface].name, found[surface].kind_hint) == (name, hint)
    assert text[found[surface].start : found[surface].end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the provincial capital on Monday.",  # a province's capital, not the country's
        "The capital of Iraq's Kurdistan region was calm.",  # Erbil, not Baghdad
        "Three men were killed in the town of Zzyxqville.",  # the gazetteer does not know it
    ],
)
def test_no_place_made_up(engine, text: str) -> None:
    names = {m.name for m in _places(engine, text)}
    assert "Baghdad" not in names and "Zzyxqville" not in names


def test_a_named_capital_is_its_own_mention(engine) -> None:
    names = [m.name for m in _places(engine, "Clashes broke out in the Syrian capital Damascus on Friday.")]
    assert names.count("Damascus") == 1


def test_a_group_adjective_is_no_place(engine) -> None:
    assert [m.text for m in _places(engine, "Bombings in Shia areas of Baghdad killed dozens.")] == ["Baghdad"]


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a town named outright before a bearing from another town
        ("In Sharqat, north of Baghdad, gunmen shot dead a candidate.", "shot", "Sharqat"),
        ("Near the town of Kut, south of Baghdad, a roadside bomb detonated near a truck.", "detonated", "Kut"),
        # a province named outright before a bearing without a distance
        ("Four soldiers were killed when a bomb exploded in the restive Diyala province, north of Baghdad.",
         "killed", "Diyala province"),
        # a town in a clause above the trigger's: reported speech, conjoined verbs
        ("In Mosul, police say gunmen killed a cameraman.", "killed", "Mosul"),
        ("Militants lined up 30 men in the town of Hit and shot them dead.", "shot", "Hit"),
        # a place qualifying a place noun or the event is the scene
        ("Twin blasts hit a busy street in a Baghdad suburb, killing five.", "killing", "Baghdad"),
        ("Gunmen killed five policemen in Iraq's western Anbar province on Monday.", "killed", "Anbar province"),
        # a clause conjoined to the trigger's has its own place
        ("In Samarra, a merchant was killed by gunmen, and in Abu Ghraib four people were hurt.", "killed", "Samarra"),
        # origins, destinations and "of" modifiers of people are not the scene
        ("Gunmen from Fallujah attacked a checkpoint in Ramadi.", "attacked", "Ramadi"),
        ("Employees of a firm of North Carolina were killed in an ambush in Fallujah.", "killed", "Fallujah"),
        ("The governor of Anbar said gunmen killed five policemen in Ramadi.", "killed", "Ramadi"),
        # ... but "of" after other nouns still gives the scene
        ("He was captured in a hole near his hometown of Tikrit.", "captured", "Tikrit"),
    ],
)
def test_pick_place(engine, text: str, trigger: str, expected: str) -> None:
    assert _picked(engine, text, trigger) == expected


def test_no_country_from_another_clause(engine) -> None:
    """A country outside the trigger's clause is no place for it (the document's focus is a better guess)."""
    text = "Officials in Iraq said that when the bombs went off, the market was full."
    assert _picked(engine, text, "went") is None


def test_events_take_the_town_of_an_upper_clause(engine) -> None:
    from dateline.ingest import document_from_text

    ((_doc, events),) = list(engine.extract([document_from_text(
        "In the northern city of Mosul, police say gunmen killed a cameraman as he walked near his house.", id="t")]))
    (event,) = [e for e in events if e.counted]
    assert event.admin1 == "Ninawa" and event.geo_precision == 1


@pytest.mark.parametrize("kind", ["pitfplace", "eventloc"])
def test_place_scorers_refuse_an_unknown_split(kind: str, tmp_path) -> None:
    from dateline.errors import ConfigError
    from dateline.evaluate import evaluate

    assert "test" in SPLITS
    with pytest.raises(ConfigError):
        evaluate(kind, tmp_path / "none.csv", split="held-out")

"""The trigger and the type classifier together: which decides a record's sub-type, and the events the
classifier reports where no trigger word is (real model, real extractor)."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

import pytest

from dateline.extract.type_choice import default_event_verbs, event_verb
from dateline.extract.type_model import TypeModel, default_type_model
from dateline.models import Document, Event

# a model whose thresholds nothing reaches: the triggers decide everything
NEVER = 1.01


@contextmanager
def model(engine, type_model: TypeModel | None) -> Iterator[None]:
    saved = engine.extractor.type_model
    engine.extractor.type_model = type_model
    try:
        yield
    finally:
        engine.extractor.type_model = saved


def extract(engine, text: str, type_model: TypeModel | None = None, *, on: bool = True) -> list[Event]:
    with model(engine, (type_model or default_type_model()) if on else None):
        ((_, events),) = list(engine.extract([Document(id="t", text=text, published="2021-03-02")]))
    assert isinstance(events, list)
    return events


def test_a_confident_model_decides_the_sub_type_and_says_so(engine) -> None:
    text = "Riot police opened fire on students marching in Conakry, killing three of them."
    (before,) = extract(engine, text, on=False)
    assert before.type_source == "trigger" and before.sub_event_type != "Excessive force against protesters"
    (after,) = extract(engine, text)
    assert (after.event_type, after.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert after.type_source == "model"
    assert after.type_reason.startswith("the model (") and "over the trigger" in after.type_reason and f"({before.sub_event_type})" in after.type_reason
    assert after.plover_type == "ASSAULT"
    # everything else is still read from the sentence
    assert (after.fatalities, after.evidence_text) == (before.fatalities, before.evidence_text)


def test_the_trigger_keeps_its_sub_type_when_the_model_is_not_confident(engine) -> None:
    text = "Riot police opened fire on students marching in Conakry, killing three of them."
    (alone,) = extract(engine, text, on=False)
    (event,) = extract(engine, text, replace(default_type_model(), decide=NEVER))
    assert (event.sub_event_type, event.type_source) == (alone.sub_event_type, "trigger")
    assert "is below 1.01" in event.type_reason


def test_when_model_and_trigger_agree_the_trigger_decided(engine) -> None:
    (event,) = extract(engine, "A suicide bomber blew himself up at a market in Maiduguri, killing 12 people.")
    assert (event.sub_event_type, event.type_source) == ("Suicide bomb", "trigger")
    assert "the model agrees" in event.type_reason


def test_the_model_reports_an_event_no_trigger_word_marks(engine) -> None:
    text = "Thousands of nurses marched in Accra on Tuesday to demand better pay."
    assert extract(engine, text, on=False) == []
    (event,) = extract(engine, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.type_source == "model" and "no trigger word, event verb 'marched'" in event.type_reason
    assert event.trigger == "marched" and event.spans["trigger"] == [text.index("marched"), text.index("marched") + 7]
    assert event.location == "Accra" and event.date_start == "2021-03-02"


def test_no_event_is_proposed_below_the_event_threshold(engine) -> None:
    text = "Thousands of nurses marched in Accra on Tuesday to demand better pay."
    assert extract(engine, text, replace(default_type_model(), event=NEVER)) == []


@pytest.mark.parametrize("text", [
    "The foreign minister said the talks with the rebels had gone well.",
    "Prices of bread rose sharply in the capital last month.",
    "The opposition will march to parliament next week.",
])
def test_statements_and_plans_yield_no_event(engine, text: str) -> None:
    assert extract(engine, text) == []


@pytest.mark.parametrize(("text", "verb"), [
    ("Hundreds of farmers marched to the governor's office.", "marched"),
    ("Police said rebels took over the town of Walikale.", "took"),
    ("Rebels did not take over the town.", None),  # negated
    ("Rebels could take over the town.", None),  # modal, and not past
    ("The minister said that prices had risen.", None),  # reporting and figures only
])
def test_an_event_verb_is_a_past_main_clause_verb_that_happens(engine, text: str, verb: str | None) -> None:
    sent = next(engine.nlp(text).sents)
    found = event_verb(sent, default_event_verbs())
    assert (found.text if found is not None else None) == verb


def test_weighted_f1_weights_each_label_by_its_reports() -> None:
    from dateline.evaluate.event_types import weighted_f1

    assert weighted_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    # a: P 2/3 R 1 -> 0.8 (weight 2); b: 0 (weight 1)
    assert weighted_f1(["a", "a", "b"], ["a", "a", "a"]) == round(2 * 0.8 / 3, 4)


def test_the_event_types_scorer_compares_triggers_and_model(engine, tmp_path) -> None:
    import json

    from dateline.evaluate import evaluate

    rows = [
        {"id": "p1", "text": "Thousands of nurses marched in Accra on Tuesday to demand better pay.",
         "event_type": "Protests", "sub_event_type": "Peaceful protest"},
        {"id": "s1", "text": "The foreign minister said the talks with the rebels had gone well.",
         "event_type": "none", "sub_event_type": "none"},
    ]
    gold = tmp_path / "rows.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    alone = evaluate("eventtypes", gold, engine=engine, model=False)
    both = evaluate("eventtypes", gold, engine=engine)
    assert (alone.metrics["with_event"], both.metrics["with_event"]) == (0.0, 1.0)
    assert (alone.metrics["sub_weighted_f1"], both.metrics["sub_weighted_f1"]) == (0.0, 1.0)
    assert both.metrics["none_with_event"] == 0.0 and both.counts == {"event_reports": 1, "non_event_sentences": 1}
    assert "Peaceful protest 1" in alone.notes[0]
    assert engine.extractor.type_model is not None  # the scorer put the model back


def test_the_weapon_decides_over_the_model_as_acled_codes_it(engine) -> None:
    """The classifier reads "gunmen ... killed nine civilians" as an attack on civilians; ACLED codes an
    attack with a bomb named in the sentence by the weapon, and so does the extractor."""
    text = "Gunmen and a bomb killed nine civilians in a village near Baquba."
    assert default_type_model().predict(text).sub_event_type == "Attack"
    (event,) = extract(engine, text)
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert event.type_source == "trigger" and event.type_reason.startswith("the weapon 'bomb' decides (ACLED)")

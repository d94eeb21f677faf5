"""The sub-event type classifier: its labelled set, its numpy reader, and what it predicts."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from dateline.errors import ExtractError
from dateline.extract import type_model
from dateline.extract.type_model import NONE, TypeModel, default_type_model, features, heldout, load_sub_types, predict
from shared_data import REPO, SHARED

DATA = REPO / "src" / "dateline" / "data" / "event_types"
ROWS = [json.loads(line) for line in (DATA / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_public_api_is_exactly_all() -> None:
    public = {n for n in dir(type_model) if not n.startswith("_") and getattr(getattr(type_model, n), "__module__", None) == type_model.__name__}
    assert public <= set(type_model.__all__)
    assert all(hasattr(type_model, n) for n in type_model.__all__)


# --- the labelled set ----------------------------------------------------------------------------


def test_the_taxonomy_is_acleds_25_sub_types_in_6_types() -> None:
    sub_types = load_sub_types()
    assert len(sub_types) == 25
    assert len({s.event_type for s in sub_types.values()}) == 6


def test_every_sub_type_has_at_least_40_labelled_reports_and_labels_are_acleds() -> None:
    sub_types = load_sub_types()
    counts = Counter(r["sub_event_type"] for r in ROWS)
    assert set(counts) == set(sub_types) | {NONE}
    assert min(counts.values()) >= 40, counts.most_common()[-3:]
    assert all(r["sub_event_type"] == NONE and r["event_type"] == NONE
               or sub_types[r["sub_event_type"]].event_type == r["event_type"] for r in ROWS)
    assert len({r["id"] for r in ROWS}) == len(ROWS)


def test_the_held_out_part_is_a_stable_fifth() -> None:
    held = [r for r in ROWS if heldout(r["id"])]
    assert 0.15 < len(held) / len(ROWS) < 0.25
    assert heldout("abc") == heldout("abc") and [heldout(r["id"]) for r in ROWS[:50]] == [heldout(r["id"]) for r in ROWS[:50]]


def _reference_texts() -> set[str]:
    """Sentences of the shared evaluation data, normalised (the labelled set must not copy them)."""
    data = SHARED / "data"
    texts = {r["text"] for r in json.loads((data / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8")) if r.get("text")}
    texts |= {json.loads(line)["evidence"] for line in (data / "chronicle-dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    with (data / "pitf-atrocities" / "pitf.world.20130101-20151231.csv").open(encoding="utf-8", errors="replace") as f:
        texts |= {cell for row in csv.reader(f) for cell in row if len(cell) > 60}
    return {" ".join(t.lower().split()) for t in texts}


def test_no_labelled_sentence_is_copied_from_the_evaluation_data() -> None:
    reference = _reference_texts()
    assert len(reference) > 300
    copied = [r["text"] for r in ROWS if " ".join(r["text"].lower().split()) in reference]
    assert copied == []


# --- features and the reader ---------------------------------------------------------------------


def test_features_are_words_pairs_and_character_grams_with_digits_folded() -> None:
    found = features("On 14 March 2019, rebels attacked")
    assert {"w:rebels", "w:rebels attacked", "w:0000", "c: re", "c:ked "} <= set(found)
    assert features("On 2 June 2021") == features("On 7 June 1998")


@pytest.mark.slow  # imports scikit-learn and trains a model
def test_the_numpy_reader_gives_what_scikit_learn_gives(tmp_path: Path) -> None:
    """Train a small model with the training script's own pipeline, export it, read it back."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import train_type_model as trainer
    finally:
        sys.path.pop(0)
    shutil.copy(DATA / "sub_types.yaml", tmp_path / "sub_types.yaml")
    picked = [r for r in ROWS if r["sub_event_type"] in ("Air/drone strike", "Peaceful protest", NONE)]
    model = trainer.pipeline(10.0).fit([r["text"] for r in picked], [r["sub_event_type"] for r in picked])
    classes = [str(c) for c in model.named_steps["lr"].classes_]
    trainer.export(model, tmp_path, {"classes": classes, "thresholds": {"decide": 0.5, "event": 0.9}})
    loaded = TypeModel.load(tmp_path)
    texts = ["Warplanes struck a convoy near Sirte on Friday.", "Nurses rallied outside the ministry in Accra.", "Prices rose."]
    ours = np.array([loaded.probabilities(t) for t in texts])
    assert np.abs(ours - model.predict_proba(texts)).max() < 1e-5
    assert loaded.predict(texts[0]).sub_event_type == "Air/drone strike"


def test_a_missing_or_broken_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="cannot load the event type model") as caught:
        TypeModel.load(tmp_path)
    assert str(tmp_path) in str(caught.value) and "train_type_model" in str(caught.value)
    for name in ("model.npz", "sub_types.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    meta = json.loads((DATA / "model.json").read_text(encoding="utf-8"))
    meta["classes"] = meta["classes"][:-1]
    (tmp_path / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ExtractError, match="do not fit together"):
        TypeModel.load(tmp_path)


# --- the shipped model ---------------------------------------------------------------------------


def test_the_shipped_model_knows_every_sub_type_and_was_scored_held_out() -> None:
    model = default_type_model()
    assert set(model.classes) == set(load_sub_types()) | {NONE}
    meta = json.loads((DATA / "model.json").read_text(encoding="utf-8"))
    assert meta["training"]["heldout_rows"] == sum(heldout(r["id"]) for r in ROWS)
    assert meta["heldout"]["weighted_f1"] >= 0.75
    assert 0 < model.decide < model.event < 1


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Government jets bombed a rebel camp outside Tessalit on Thursday, killing six fighters.", "Air/drone strike"),
    ("Riot police opened fire on students marching in Conakry, killing three of them.", "Excessive force against protesters"),
    ("Villagers beat a suspected cattle thief to death near Kitale before the police arrived.", "Mob violence"),
    ("Activists said regime helicopters dropped canisters of chlorine gas on Kafr Nabl, choking dozens.", "Chemical weapon"),
    ("Al-Shabaab fighters set up a new base in a village of Middle Shabelle after the army left.", "Headquarters or base established"),
    ("Fishermen held a peaceful march in Dakar against foreign trawlers.", "Peaceful protest"),
])
def test_predict_reads_the_sub_type_of_unseen_reports(text: str, sub_event_type: str) -> None:
    event_type, sub, probability = predict(text)
    assert sub == sub_event_type
    assert event_type == load_sub_types()[sub_event_type].event_type and 0 < probability <= 1


def test_predict_says_none_for_a_statement() -> None:
    event_type, sub, _ = predict("The foreign minister said the two countries would work together on trade.")
    assert (event_type, sub) == (None, NONE)


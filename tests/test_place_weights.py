"""The place ranker's table is data (data/place_weights.yaml): the docs show it, the ranker reads it."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.geo.weights import DEFAULT_WEIGHTS, Weights, markdown_table, read_rows, weight_rows

REPO = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_place_table", REPO / "scripts" / "gen_place_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_docs_table_is_the_files() -> None:
    """docs/places.md holds the table scripts/gen_place_table.py writes from the file (run it after a change)."""
    gen = _generator()
    text = gen.DOC.read_text(encoding="utf-8")
    assert gen.with_table(text) == text, "docs/places.md is stale: run .venv/bin/python scripts/gen_place_table.py"
    assert markdown_table() in text


def test_every_weight_is_a_row_with_its_origin() -> None:
    rows = {r.name: r for r in weight_rows()}
    assert {f.name for f in dataclasses.fields(Weights)} == {n for n, r in rows.items() if r.kind != "drop"}
    assert all(r.reason and r.source for r in rows.values())
    assert {r.kind for r in rows.values()} == {"feature", "veto", "prior", "vote", "drop"}
    assert DEFAULT_WEIGHTS.named_country == rows["named_country"].weight == 0.938
    assert "fit_place_weights" in rows["home"].source


@pytest.mark.parametrize("body, message", [
    ("rows:\n  - {name: rank, kind: feature, reason: r, source: s}\n", "a weight for every kind but drop"),
    ("rows:\n  - {name: rank, weight: 1, kind: bonus, reason: r, source: s}\n", "kind must be one of"),
    ("rows:\n  - {name: rank, weight: 1, kind: feature, reason: r, source: s}\n", "missing"),
    ("rows: [\n", "cannot read"),
])
def test_a_bad_file_is_one_clear_error(tmp_path, body: str, message: str) -> None:
    path = tmp_path / "weights.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DatelineError, match=message):
        read_rows(path)


def test_an_explanation_adds_up_and_its_reason_is_the_largest_part() -> None:
    from dateline.geo import Gazetteer, PlaceResolver

    resolver = PlaceResolver(Gazetteer.default())
    context = resolver.context([("Amara", None), ("Maysan", "province"), ("Basra", None)])
    explanation = resolver.explain("Amara", context=context)
    best = explanation.candidates[0]
    assert explanation.result is not None and explanation.result.place == best.place
    assert best.place.country_code == "IQ" and best.place.admin1 == "Maysan"
    for candidate in explanation.candidates:
        assert candidate.points == pytest.approx(sum(p.points for p in candidate.parts))
    names = [p.name for p in best.parts]
    assert names[:2] == ["rank", "importance"] and "doc_country" in names and "doc_province" in names
    largest = max((p for p in best.parts if p.name not in ("rank", "importance")), key=lambda p: p.points)
    assert explanation.result.reason == largest.reason == "in the document's country (IQ)"

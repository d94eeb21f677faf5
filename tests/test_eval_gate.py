"""Accuracy gate: every score bench/accuracy.py prints must stay within its bound in bench/baseline.json.

A bound is a number (a floor: the score must be at least that) or ``{"max": n}`` for a measure where
less is better (duplicates, aggregates shown as events, records per incident), or both
``{"min": a, "max": b}``. Tightening a bound is part of the change that earns it; loosening one
needs a reason in the commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BASELINE = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))
BOUNDS: dict[str, tuple[float | None, float | None]] = {
    key: (value.get("min"), value.get("max")) if isinstance(value, dict) else (value, None)
    for key, value in BASELINE.items() if not key.startswith("_")
}


@pytest.fixture(scope="module")
def scores(engine) -> dict[str, float]:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import accuracy
    finally:
        sys.path.pop(0)
    suites = sorted({key.split(".")[0] for key in BOUNDS})
    flat = {}
    for name, report in accuracy.run_suites(suites, engine=engine).items():
        flat.update({f"{name}.{metric}": value for metric, value in report["metrics"].items()})
    return flat


def test_every_bound_names_a_reported_score(scores) -> None:
    assert set(BOUNDS) <= set(scores), sorted(set(BOUNDS) - set(scores))


def test_every_bound_is_a_floor_or_a_ceiling() -> None:
    for key, (low, high) in BOUNDS.items():
        assert low is not None or high is not None, f"{key}: a bound needs a number, 'min' or 'max'"
        assert low is None or high is None or low <= high, f"{key}: min above max"


@pytest.mark.parametrize("key", sorted(BOUNDS))
def test_score_within_bounds(scores, key: str) -> None:
    low, high = BOUNDS[key]
    if low is not None:
        assert scores[key] >= low, f"{key} fell to {scores[key]:.3f}, below its floor {low:.3f}"
    if high is not None:
        assert scores[key] <= high, f"{key} rose to {scores[key]:.3f}, above its ceiling {high:.3f}"

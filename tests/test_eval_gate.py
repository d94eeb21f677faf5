"""Accuracy gate: every score bench/accuracy.py prints must stay at or above its floor in bench/baseline.json.

Raising a floor is part of the change that earns it; lowering one needs a reason in the commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BASELINE = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))
FLOORS = {k: v for k, v in BASELINE.items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def scores(engine) -> dict[str, float]:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import accuracy
    finally:
        sys.path.pop(0)
    suites = sorted({key.split(".")[0] for key in FLOORS})
    flat = {}
    for name, report in accuracy.run_suites(suites, engine=engine).items():
        flat.update({f"{name}.{metric}": value for metric, value in report["metrics"].items()})
    return flat


def test_every_floor_names_a_reported_score(scores) -> None:
    assert set(FLOORS) <= set(scores), sorted(set(FLOORS) - set(scores))


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_score_at_or_above_floor(scores, key: str) -> None:
    assert scores[key] >= FLOORS[key], f"{key} fell to {scores[key]:.3f}, below its floor {FLOORS[key]:.3f}"

"""Scorers that compare dateline's output with human-coded data in its native format."""

# Scorer modules register their kind on import; add one line per module.
from . import _scorers  # noqa: E402,F401
from .registry import ScoreReport, evaluate, kinds, scorer

__all__ = ["ScoreReport", "evaluate", "kinds", "scorer"]

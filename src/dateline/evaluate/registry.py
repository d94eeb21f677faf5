"""Scorers by kind of gold data, and the report they all return.

Each scorer module registers itself with ``@scorer("kind")``; ``dateline evaluate --kind``
and ``bench/accuracy.py`` look scorers up here.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..pipeline import Engine


@dataclass
class ScoreReport:
    """Scores of one evaluation: metric name → value (fractions in 0-1, or counts, or km)."""

    kind: str
    gold: str
    metrics: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "gold": self.gold, "metrics": self.metrics, "counts": self.counts, "notes": self.notes}

    def lines(self) -> list[str]:
        """The report as aligned lines for people."""
        width = max([len(k) for k in self.metrics] + [len(k) for k in self.counts] + [10])
        out = [f"{self.kind}: {self.gold}"]
        out += [f"  {k:<{width}}  {_fmt(v)}" for k, v in self.metrics.items()]
        out += [f"  {k:<{width}}  {v}" for k, v in self.counts.items()]
        out += [f"  note: {n}" for n in self.notes]
        return out


def _fmt(value: float) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


Scorer = Callable[..., ScoreReport]
_SCORERS: dict[str, Scorer] = {}


def scorer(kind: str) -> Callable[[Scorer], Scorer]:
    """Register a scorer: ``fn(gold: Path, *, engine: Engine, **options) -> ScoreReport``."""

    def register(fn: Scorer) -> Scorer:
        _SCORERS[kind] = fn
        return fn

    return register


def kinds() -> list[str]:
    return sorted(_SCORERS)


def evaluate(kind: str, gold: Path, *, engine: "Engine | None" = None, **options: Any) -> ScoreReport:
    """Score dateline against gold data of the given kind."""
    if kind not in _SCORERS:
        raise ConfigError(f"unknown evaluation kind {kind!r}", hint="one of: " + ", ".join(kinds()))
    if not Path(gold).exists():
        raise ConfigError(f"gold data not found: {gold}")
    accepted = inspect.signature(_SCORERS[kind]).parameters
    unknown = sorted(set(options) - set(accepted))
    if unknown and not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted.values()):
        takes = [n for n in accepted if n not in ("gold", "engine")]
        raise ConfigError(f"the {kind} scorer takes no option {', '.join(unknown)}", where=str(gold),
                          hint=f"it takes: {', '.join(takes)}" if takes else "it takes no options")
    return _SCORERS[kind](Path(gold), engine=engine, **options)

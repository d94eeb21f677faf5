"""Helpers the scorers share: running the real pipeline on gold texts, splits, ratios."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Iterable

from ..models import Document, Event

if TYPE_CHECKING:
    from ..pipeline import Engine

SPLITS = ("all", "dev", "test")


def load_engine(engine: "Engine | None") -> "Engine":
    if engine is not None:
        return engine
    from ..pipeline import Engine

    return Engine.load()


def in_split(key: str, split: str) -> bool:
    """A fixed split by a stable hash of the item's key: half dev (tuned on), half test (reported)."""
    if split == "all":
        return True
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 2
    return (bucket == 0) == (split == "dev")


def extract_all(engine: "Engine", documents: Iterable[Document]) -> dict[str, list[Event]]:
    """Events per document id, through the same pipeline as `dateline ingest`."""
    out: dict[str, list[Event]] = {}
    for document, result in engine.extract(documents):
        out[document.id] = result if isinstance(result, list) else []
    return out


def ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0

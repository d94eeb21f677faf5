"""PLOVER gold sentences: event type, source actor and target actor.

Matching: one coding per sentence (the most prominent event, see extract/plover.py). The type is
right when it equals the gold ``event``. An actor is right when a gold ``actorText`` for that role
occurs inside the phrase dateline chose (case-insensitive), or that phrase inside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..extract.plover import code_sentence
from .common import SPLITS, in_split, load_engine, ratio
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..pipeline import Engine


def _actor_ok(gold: list[dict] | None, span) -> bool | None:
    texts = [(a if isinstance(a, str) else a.get("actorText") or "").lower() for a in gold or []]
    texts = [t for t in texts if t]
    if not texts:
        return None  # no gold actor for this role: not scored
    if span is None:
        return False
    chosen = span.text.lower()
    return any(t in chosen or chosen in t for t in texts)


@scorer("plover")
def score_plover(gold: Path, *, engine: "Engine | None" = None, split: str = "all") -> ScoreReport:
    """Score PLOVER typing and source/target actors on the gold-standard sentences."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", hint="all, dev or test")
    try:
        records = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(f"cannot read PLOVER gold file: {err}", where=str(gold)) from err
    records = [r for r in records if r.get("text") and r.get("event") != "DOCUMENT" and in_split(r["id"], split)]
    nlp = load_engine(engine).nlp
    typed = src_ok = src_n = tgt_ok = tgt_n = 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        coding = next((c for c in (code_sentence(s) for s in doc.sents) if c is not None), None)
        typed += coding is not None and coding.plover_type == record["event"]
        for role, span in (("source", coding.source if coding else None), ("target", coding.target if coding else None)):
            ok = _actor_ok(record.get(role), span)
            if ok is None:
                continue
            if role == "source":
                src_n, src_ok = src_n + 1, src_ok + ok
            else:
                tgt_n, tgt_ok = tgt_n + 1, tgt_ok + ok
    report = ScoreReport("plover", f"{gold} (split {split})")
    report.metrics = {"type_accuracy": ratio(typed, len(records)), "source_accuracy": ratio(src_ok, src_n), "target_accuracy": ratio(tgt_ok, tgt_n)}
    report.counts = {"sentences": len(records), "with_source": src_n, "with_target": tgt_n}
    return report

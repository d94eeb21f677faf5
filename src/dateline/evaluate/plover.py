"""PLOVER gold sentences: event type, source actor and target actor.

Matching: one coding per sentence (the most prominent event, see extract/plover.py). The type is
right when it equals the gold ``event``. An actor is right when a gold ``actorText`` for that role
occurs inside the phrase dateline chose (case-insensitive), or that phrase inside it.
"""

from __future__ import annotations

import json
import re
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


# CAMEO root codes (two digits) and a few sub-codes, as PLOVER types (PLOVER's CAMEO crosswalk).
_CAMEO_ROOT = {
    "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "COOPERATE", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT",
}
_CAMEO_SUB = {"051": "SUPPORT", "057": "AGREE", "081": "CONCEDE", "087": "RETREAT"}
_SENTENCE = re.compile(r"<Sentence\b(.*?)(?=<Sentence\b|\Z)", re.S)


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code (None for public statements, code 01)."""
    return _CAMEO_SUB.get(code[:3]) or _CAMEO_ROOT.get(code[:2])


@scorer("petrarch")
def score_petrarch(gold: Path, *, engine: "Engine | None" = None) -> ScoreReport:
    """PLOVER type accuracy on PETRARCH's CAMEO-coded validation sentences (a sentence is right
    when dateline's type is one of the PLOVER types of its CAMEO codings)."""
    try:
        raw = gold.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"cannot read PETRARCH file: {err}", where=str(gold)) from err
    items = []
    for block in _SENTENCE.findall(raw):
        types = {cameo_to_plover(c) for c in re.findall(r'eventcode="(\d+)"', block)} - {None}
        text = re.search(r"<Text>\s*(.*?)\s*</Text>", block, re.S)
        if types and text and text.group(1).strip():
            items.append((types, " ".join(text.group(1).split())))
    if not items:
        raise ConfigError("no CAMEO-coded sentences found", where=str(gold))
    nlp = load_engine(engine).nlp
    right = 0
    for (types, _), doc in zip(items, nlp.pipe(text for _, text in items)):
        coding = next((c for c in (code_sentence(s) for s in doc.sents) if c is not None), None)
        right += coding is not None and coding.plover_type in types
    report = ScoreReport("petrarch", str(gold))
    report.metrics = {"type_accuracy": ratio(right, len(items))}
    report.counts = {"sentences": len(items)}
    return report

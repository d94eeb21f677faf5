"""Event typing end to end: ACLED sub-event types on the team's labelled sentences, PLOVER types on the
PLOVER gold sentences, each through the whole extractor (triggers, ACLED's rules and the type classifier).

``eventtypes``: one document per labelled sentence of data/event_types/train.jsonl. An event report is
typed right when the first event dateline finds in it has the gold sub-type; ``sub_weighted_f1`` is the
F1 of each sub-type weighted by its number of reports (ACLED-style reporting gives no event: a miss).
``with_event`` is the share of event reports that yield an event (1 - the share "without an event");
``none_with_event`` the share of non-event sentences (statements, totals) that wrongly yield one. Split
``test`` is the held-out fifth the classifier never saw, ``dev`` the part it was trained on.

``ploverevents``: the PLOVER sentences whose gold type is one ACLED codes (assault, fight, protest,
coerce, mobilize, retreat): the share that yield an event and the share whose event has the gold PLOVER
type; and the share of statements (demand, reject, threaten, disapprove, ...) that wrongly yield one.

Both take ``model=False`` to score the triggers alone, for before/after comparisons (bench/event_types.py).
"""

from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import ConfigError
from ..extract.type_model import NONE, heldout
from ..models import Document, Event
from .common import SPLITS, extract_all, load_engine, ratio
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..pipeline import Engine

__all__ = ["score_event_types", "score_plover_events", "weighted_f1"]

NO_EVENT = "(no event)"
# PLOVER types of events ACLED codes, and of statements it never codes (AGREE and SANCTION are either)
_ACLED_KINDS = frozenset({"ASSAULT", "FIGHT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})
_STATEMENTS = frozenset({"DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "CONSULT", "SUPPORT", "AID", "INVESTIGATE",
                         "CONCEDE", "COOPERATE"})


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """F1 per gold label, weighted by the label's count (scikit-learn's ``average="weighted"``)."""
    support = Counter(gold)
    said = Counter(predicted)
    right = Counter(g for g, p in zip(gold, predicted) if g == p)
    total = 0.0
    for label, n in support.items():
        precision = right[label] / said[label] if said[label] else 0.0
        recall = right[label] / n
        total += n * (2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return round(total / len(gold), 4) if gold else 0.0


@contextmanager
def _model(engine: "Engine", on: bool) -> Iterator[None]:
    """The engine with its type classifier on, or the triggers alone."""
    extractor = engine.extractor
    saved = extractor.type_model
    extractor.type_model = saved if on else None
    try:
        yield
    finally:
        extractor.type_model = saved


def _first(events: list[Event]) -> Event | None:
    return events[0] if events else None


def _one_sentence_documents(items: list[tuple[str, str]]) -> list[Document]:
    return [Document(id=key, text=text) for key, text in items]


@scorer("eventtypes")
def score_event_types(gold: Path, *, engine: "Engine | None" = None, split: str = "all", model: bool = True) -> ScoreReport:
    """Score ACLED sub-event typing on the labelled sentences (split test = the held-out part)."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", hint="all, dev (the trained part) or test (held out)")
    try:
        rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as err:
        raise ConfigError(f"cannot read the labelled sentences: {err}", where=str(gold)) from err
    if split != "all":
        rows = [r for r in rows if heldout(r["id"]) == (split == "test")]
    if not rows or any(not r.get("id") or not r.get("text") or not r.get("sub_event_type") for r in rows):
        raise ConfigError("no labelled sentences, or a row without id, text or sub_event_type", where=str(gold))
    engine = load_engine(engine)
    with _model(engine, model):
        found = extract_all(engine, _one_sentence_documents([(r["id"], r["text"]) for r in rows]))
    events = [r for r in rows if r["sub_event_type"] != NONE]
    nones = [r for r in rows if r["sub_event_type"] == NONE]
    first = {r["id"]: _first(found.get(r["id"], [])) for r in rows}
    gold_subs = [r["sub_event_type"] for r in events]
    said_subs = [first[r["id"]].sub_event_type if first[r["id"]] else NO_EVENT for r in events]
    typed = sum(first[r["id"]] is not None and first[r["id"]].event_type == r["event_type"] for r in events)
    report = ScoreReport("eventtypes", f"{gold} (split {split}, {'triggers and model' if model else 'triggers alone'})")
    report.metrics = {
        "sub_weighted_f1": weighted_f1(gold_subs, said_subs),
        "sub_accuracy": ratio(sum(g == s for g, s in zip(gold_subs, said_subs)), len(events)),
        "type_accuracy": ratio(typed, len(events)),
        "with_event": ratio(sum(first[r["id"]] is not None for r in events), len(events)),
        "none_with_event": ratio(sum(first[r["id"]] is not None for r in nones), len(nones)),
        "decided_by_model": ratio(sum(e is not None and e.type_source == "model" for e in first.values()),
                                  sum(e is not None for e in first.values())),
    }
    report.counts = {"event_reports": len(events), "non_event_sentences": len(nones)}
    missed = Counter(g for g, s in zip(gold_subs, said_subs) if s == NO_EVENT)
    if missed:
        report.notes.append("reports without an event: " + ", ".join(f"{k} {v}" for k, v in missed.most_common()))
    return report


@scorer("ploverevents")
def score_plover_events(gold: Path, *, engine: "Engine | None" = None, model: bool = True) -> ScoreReport:
    """Score the extractor's records on the PLOVER gold sentences (events ACLED codes, and statements)."""
    try:
        records = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(f"cannot read PLOVER gold file: {err}", where=str(gold)) from err
    records = [r for r in records if r.get("text") and (r.get("event") in _ACLED_KINDS or r.get("event") in _STATEMENTS)]
    if not records:
        raise ConfigError("no PLOVER sentences of the scored types", where=str(gold))
    engine = load_engine(engine)
    with _model(engine, model):
        found = extract_all(engine, _one_sentence_documents([(r["id"], r["text"]) for r in records]))
    acled = [r for r in records if r["event"] in _ACLED_KINDS]
    statements = [r for r in records if r["event"] in _STATEMENTS]
    first = {r["id"]: _first(found.get(r["id"], [])) for r in records}
    report = ScoreReport("ploverevents", f"{gold} ({'triggers and model' if model else 'triggers alone'})")
    report.metrics = {
        "acled_kinds_with_event": ratio(sum(first[r["id"]] is not None for r in acled), len(acled)),
        "acled_kinds_plover_right": ratio(sum(first[r["id"]] is not None and first[r["id"]].plover_type == r["event"]
                                              for r in acled), len(acled)),
        "statements_with_event": ratio(sum(first[r["id"]] is not None for r in statements), len(statements)),
    }
    report.counts = {"acled_kind_sentences": len(acled), "statement_sentences": len(statements)}
    return report

"""Train the sub-event type classifier from the labelled set and export it as plain arrays.

    .venv/bin/python scripts/train_type_model.py [--data src/dateline/data/event_types] [--check]

Reads ``train.jsonl`` (text, event_type, sub_event_type, id), holds out one row in five by a hash of its
id (``dateline.extract.type_model.heldout``), chooses the regularisation by 5-fold cross-validation on the
rest, calibrates the extractor's two thresholds on out-of-fold predictions, fits TF-IDF word and character
n-grams + logistic regression on the whole training part, and writes ``model.npz`` (vocabulary, idf,
coefficients) and ``model.json`` (classes, thresholds, settings, held-out scores). Everything is seeded:
the same data gives the same files. ``--check`` trains and scores without writing.

Needs scikit-learn (``pip install -e .[train]``); dateline itself loads the export with numpy alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn import __version__ as sklearn_version
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dateline.extract.type_model import NONE, TypeModel, features, heldout, load_sub_types  # noqa: E402

SEED = 0
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
MIN_DF = 2  # an n-gram seen in one sentence only says nothing general, and keeps the export small
# Out-of-fold precision of the best sub-type the model must reach above the decide threshold to replace
# the trigger's sub-type (the triggers alone reach about 0.4 weighted F1 on unseen reports).
DECIDE_PRECISION = 0.90
# Share of the out-of-fold non-event sentences allowed above the event threshold, at which the model may
# report an event that no trigger word marks (a false event costs more than a missed one).
NONE_PASSING = 0.02


def load_rows(path: Path) -> list[dict]:
    """The labelled rows, checked against ACLED's taxonomy; SystemExit names the bad line."""
    sub_types = load_sub_types(path.parent / "sub_types.yaml")
    rows, ids = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        label, parent = row.get("sub_event_type"), row.get("event_type")
        known = sub_types.get(label)
        if not row.get("text") or not row.get("id") or row["id"] in ids:
            raise SystemExit(f"{path}:{number}: every row needs a text and a unique id")
        if label != NONE and (known is None or known.event_type != parent) or label == NONE and parent != NONE:
            raise SystemExit(f"{path}:{number}: {parent!r} / {label!r} is not an ACLED type and sub-type")
        ids.add(row["id"])
        rows.append(row)
    return rows


def pipeline(c: float) -> Pipeline:
    return Pipeline([
        ("tfidf", TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=MIN_DF, dtype=np.float64)),
        ("lr", LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)),
    ])


def threshold(probs: np.ndarray, right: np.ndarray, target: float) -> float:
    """The lowest probability above which the predictions reach the target precision."""
    order = np.argsort(-probs)
    precision = np.cumsum(right[order]) / np.arange(1, len(order) + 1)
    ok = np.nonzero(precision >= target)[0]
    if len(ok) == 0:
        return 1.0
    return float(np.ceil(probs[order][ok.max()] * 100) / 100)


def calibrate(texts: list[str], labels: list[str], c: float) -> dict[str, float]:
    """The decide and event thresholds from 5-fold out-of-fold predictions on the training part."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    proba = cross_val_predict(pipeline(c), texts, labels, cv=folds, method="predict_proba")
    classes = np.array(sorted(set(labels)))
    best = classes[proba.argmax(axis=1)]
    top = proba.max(axis=1)
    gold = np.array(labels)
    events = (best != NONE) & (gold != NONE)
    # deciding the sub-type of a sentence a trigger already marks: judged on event sentences only
    decide = threshold(top[events], (best == gold)[events], DECIDE_PRECISION)
    # reporting an event at all: few non-event sentences may reach it
    some_event = 1.0 - proba[:, list(classes).index(NONE)]
    passing = np.sort(some_event[gold == NONE])[::-1]
    allowed = int(np.floor(NONE_PASSING * len(passing)))
    event = float(np.ceil(passing[allowed] * 100) / 100) if len(passing) > allowed else 0.5
    return {"decide": decide, "event": event}


def choose_c(texts: list[str], labels: list[str]) -> tuple[float, dict[str, float]]:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {}
    for c in C_GRID:
        predicted = cross_val_predict(pipeline(c), texts, labels, cv=folds)
        scores[str(c)] = round(f1_score(labels, predicted, average="weighted"), 4)
    best = max(C_GRID, key=lambda c: (scores[str(c)], -c))
    return best, scores


def export(model: Pipeline, directory: Path, meta: dict) -> None:
    tfidf, lr = model.named_steps["tfidf"], model.named_steps["lr"]
    names = sorted(tfidf.vocabulary_, key=tfidf.vocabulary_.get)
    np.savez_compressed(
        directory / "model.npz",
        features=np.array(names, dtype=str),
        idf=tfidf.idf_.astype(np.float32),
        coef=lr.coef_.T.astype(np.float32),
        intercept=lr.intercept_.astype(np.float32),
    )
    (directory / "model.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO / "src" / "dateline" / "data" / "event_types")
    parser.add_argument("--check", action="store_true", help="train and score, write nothing")
    args = parser.parse_args()
    np.random.seed(SEED)
    rows = load_rows(args.data / "train.jsonl")
    train = [r for r in rows if not heldout(r["id"])]
    test = [r for r in rows if heldout(r["id"])]
    texts, labels = [r["text"] for r in train], [r["sub_event_type"] for r in train]
    print(f"{len(rows)} labelled rows: {len(train)} to train, {len(test)} held out")

    c, cv_scores = choose_c(texts, labels)
    thresholds = calibrate(texts, labels, c)
    print(f"C = {c} (5-fold weighted F1 {cv_scores}); thresholds {thresholds}")
    model = pipeline(c).fit(texts, labels)

    gold = [r["sub_event_type"] for r in test]
    predicted = model.predict([r["text"] for r in test])
    accuracy, weighted = accuracy_score(gold, predicted), f1_score(gold, predicted, average="weighted")
    print(f"held-out accuracy {accuracy:.3f}, weighted F1 {weighted:.3f}")
    print(classification_report(gold, predicted, digits=3, zero_division=0))

    meta = {
        "about": "sub-event type classifier for dateline (extract/type_model.py); written by scripts/train_type_model.py",
        "classes": [str(x) for x in model.named_steps["lr"].classes_],
        "thresholds": thresholds,
        "threshold_targets": {"decide_precision": DECIDE_PRECISION, "event_none_passing": NONE_PASSING},
        "training": {"rows": len(train), "heldout_rows": len(test), "C": c, "cv_weighted_f1": cv_scores,
                     "min_df": MIN_DF, "seed": SEED, "scikit_learn": sklearn_version,
                     "features": len(model.named_steps["tfidf"].vocabulary_)},
        "heldout": {"accuracy": round(accuracy, 4), "weighted_f1": round(weighted, 4)},
    }
    if args.check:
        return
    export(model, args.data, meta)
    # the numpy reader must give what scikit-learn gives
    exported = TypeModel.load(args.data)
    ours = np.array([exported.probabilities(r["text"]) for r in test])
    theirs = model.predict_proba([r["text"] for r in test])
    gap = float(np.abs(ours - theirs).max())
    if gap > 1e-4:
        raise SystemExit(f"the exported model differs from the trained one by {gap:.2e}")
    print(f"wrote {args.data / 'model.npz'} and model.json (numpy reader within {gap:.1e} of scikit-learn)")


if __name__ == "__main__":
    main()

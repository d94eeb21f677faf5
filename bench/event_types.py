"""Event typing before and after the type classifier: ACLED sub-event types and events found.

    .venv/bin/python bench/event_types.py [--split test] [--json scores.json]

Runs the whole extractor twice, with the triggers alone and with the type classifier beside them, on
the held-out part of the labelled sentences (src/dateline/data/event_types/train.jsonl) and on the PLOVER
gold sentences (../shared/data/plover-gsr). Prints sub-event weighted F1, the share of event reports
without an event and the share of non-event sentences with one, and the PLOVER numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench_paths import DATA, REPO

LABELLED = REPO / "src" / "dateline" / "data" / "event_types" / "train.jsonl"
PLOVER = DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", choices=["test", "dev", "all"],
                        help="part of the labelled set: test = held out (default), dev = trained on")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    args = parser.parse_args()

    from dateline.evaluate import evaluate
    from dateline.pipeline import Engine

    engine = Engine.load()
    results: dict[str, dict] = {}
    for setting, on in (("triggers", False), ("triggers+model", True)):
        types = evaluate("eventtypes", LABELLED, engine=engine, split=args.split, model=on)
        plover = evaluate("ploverevents", PLOVER, engine=engine, model=on)
        results[setting] = {**types.metrics, **{f"plover.{k}": v for k, v in plover.metrics.items()}}
        results[setting]["notes"] = types.notes
    metrics = [k for k in results["triggers"] if k != "notes"]
    width = max(len(m) for m in metrics)
    print(f"labelled set, split {args.split}; PLOVER gold sentences")
    print(f"{'score':<{width}}  {'triggers':>9}  {'+model':>9}")
    for metric in metrics:
        before, after = results["triggers"][metric], results["triggers+model"][metric]
        print(f"{metric:<{width}}  {before:>9.3f}  {after:>9.3f}")
    without = {s: 1 - r["with_event"] for s, r in results.items()}
    print(f"{'share without an event':<{width}}  {without['triggers']:>9.3f}  {without['triggers+model']:>9.3f}")
    for setting, r in results.items():
        for note in r["notes"]:
            print(f"{setting}: {note}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

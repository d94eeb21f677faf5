"""Accuracy against human-coded reference data: one table of every score, in one run.

    .venv/bin/python bench/accuracy.py [--json scores.json] [--only KIND ...]

Each suite is (name, kind, gold path, options) and runs through dateline.evaluate, the same
code as `dateline evaluate`; a bench suite (BENCH_SUITES) is a bench script that runs the
pipeline itself and reports through its ``suite_report``. tests/test_eval_gate.py checks these
scores against the bounds in bench/baseline.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
import chronicle  # the chronicle bench beside this script
from bench_paths import DATA

# (name, kind, gold, options): add one line per suite.
SUITES: list[tuple[str, str, Path, dict]] = [
    ("timeml", "timeml", DATA / "tempeval3" / "TBAQ-cleaned", {"split": "test"}),
    ("pitf", "pitf", DATA / "pitf-atrocities" / "pitf.world.20130101-20151231.csv", {"split": "test"}),
    ("plover", "plover", DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json", {"split": "test"}),
    ("petrarch", "petrarch", DATA / "petrarch-validation" / "PETR2_GSR_validation.xml", {}),
    ("muc4", "muc4", DATA / "muc4" / "CORPORA" / "tst4", {}),
    ("geo-lgl", "geoxml", DATA / "geoparsing" / "lgl.xml", {"part": "heldout", "detect_every": 5}),
    ("geo-trnews", "geoxml", DATA / "geoparsing" / "TR-News.xml", {"part": "heldout"}),
    ("geo-geovirus", "geoxml", DATA / "geoparsing" / "GeoVirus.xml", {"part": "heldout"}),
    ("ucdp-places", "ucdp", DATA / "ucdp-ged-iraq" / "conflict_data_irq.csv", {}),
    ("pitf-place", "pitfplace", DATA / "pitf-atrocities" / "pitf.world.20130101-20151231.csv", {"split": "test"}),
    ("eventloc", "eventloc", DATA / "event-location" / "labeled_text.jsonl.zip", {"split": "test"}),
    ("ucdp-events", "ucdpevents", DATA / "ucdp-ged-iraq" / "conflict_data_irq.csv", {"split": "test"}),
    # toponym detection by the real tagger (detect_recall / detect_precision / end_to_end_acc_161km) on held-out articles
    ("geo-trnews-detect", "geoxml", DATA / "geoparsing" / "TR-News.xml", {"part": "heldout", "detect_every": 1}),
    ("geo-geovirus-detect", "geoxml", DATA / "geoparsing" / "GeoVirus.xml", {"part": "heldout", "detect_every": 2}),
    # ACLED sub-event types on the held-out fifth of the team's labelled sentences, and the records' PLOVER
    # types on the PLOVER gold sentences (bench/event_types.py prints both with the triggers alone too)
    ("eventtypes", "eventtypes", REPO / "src" / "dateline" / "data" / "event_types" / "train.jsonl", {"split": "test"}),
    ("ploverevents", "ploverevents", DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json", {}),
]

# (name, report function): suites that need more than one scorer call (the whole set ingested into one store)
BENCH_SUITES = [
    ("chronicle", chronicle.suite_report),
    ("opennews", chronicle.news_report),
    ("heldnews", chronicle.held_report),
    ("devnews", chronicle.dev_report),
    ("devblogs", chronicle.blogs_report),
]


def run_suites(names: list[str] | None = None, *, engine=None) -> dict[str, dict]:
    """Run the suites (all, or those named) with one loaded engine; name → report dict."""
    from dateline.evaluate import evaluate
    from dateline.pipeline import Engine

    engine = engine or Engine.load()
    results = {}
    for name, kind, gold, options in SUITES:
        if names and name not in names and kind not in names:
            continue
        started = time.perf_counter()
        report = evaluate(kind, gold, engine=engine, **options)
        results[name] = {**report.to_dict(), "seconds": round(time.perf_counter() - started, 1)}
    for name, report_of in BENCH_SUITES:
        if names and name not in names:
            continue
        started = time.perf_counter()
        results[name] = {**report_of(engine=engine), "seconds": round(time.perf_counter() - started, 1)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--only", nargs="*", help="suite names or kinds to run")
    args = parser.parse_args()
    results = run_suites(args.only)
    width = max((len(f"{n}.{m}") for n, r in results.items() for m in r["metrics"]), default=20)
    print(f"{'score':<{width}}  value")
    for name, report in results.items():
        for metric, value in report["metrics"].items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"{name + '.' + metric:<{width}}  {shown}")
        print(f"{name + '.seconds':<{width}}  {report['seconds']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

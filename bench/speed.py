"""End-to-end speed: ingest + extract + store, words per second, on one core.

Corpus: the sample post and the EWT Iraq weblogs (../shared), repeated --copies times.
Prints the model/resolver load time apart from the throughput.

    .venv/bin/python bench/speed.py [--copies 3] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says

from corpus import write_corpus  # noqa: E402
from dateline.pipeline import Engine, ingest  # noqa: E402
from dateline.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=3, help="repeat the corpus this many times per run")
    parser.add_argument("--runs", type=int, default=3, help="runs; the median is reported")
    args = parser.parse_args()

    t0 = time.perf_counter()
    engine = Engine.load()
    load_s = time.perf_counter() - t0
    rates, words, events, docs = [], 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        sources = [str(p) for p in write_corpus(Path(tmp) / "corpus", copies=args.copies)]
        for run in range(args.runs):
            with open_store(Path(tmp) / f"run{run}.db") as store:
                report = ingest(sources, store=store, engine=engine)
            if report.failures:
                raise SystemExit(f"benchmark input failed: {report.failures[0]}")
            rates.append(report.words / report.seconds)
            words, events, docs = report.words, report.events, report.documents
    print(f"engine load            {load_s:8.2f} s")
    print(f"corpus                 {docs} documents, {words:,} words, {events} events per run")
    print(f"end-to-end words/s     {statistics.median(rates):8,.0f}  (median of {args.runs} runs: {', '.join(f'{r:,.0f}' for r in rates)})")


if __name__ == "__main__":
    main()

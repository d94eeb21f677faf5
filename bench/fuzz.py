"""A longer, random fuzz run of every reader and the whole pipeline: cases tried and failures.

The same generated inputs and properties as tests/test_fuzz.py (tests/fuzz_cases.py), without
a fixed seed and with many more cases. A failing case does not stop the run: each distinct
failure is counted and its first case printed, so one run reports everything it found.

    .venv/bin/python bench/fuzz.py                       # 2,000 cases per reader, 40 pipeline batches
    .venv/bin/python bench/fuzz.py --cases 10000 --pipeline 200 --seed 7
    .venv/bin/python bench/fuzz.py --only jsonl feed     # some checks only

Exit status 1 when any case failed. Target (issue 16): failures 0.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fuzz_cases import CHECKS, FuzzCheck  # noqa: E402  (tests/fuzz_cases.py)


@dataclass
class Tally:
    name: str
    cases: int = 0
    failed: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    first: dict[str, str] = field(default_factory=dict)  # failure -> its first case


def run(check: FuzzCheck, cases: int, run_seed: int, engine=None) -> Tally:
    tally = Tally(check.name)

    @seed(run_seed)
    @settings(max_examples=cases, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(check.strategy)
    def one(case) -> None:
        tally.cases += 1
        started = time.perf_counter()
        try:
            check.check(case, engine) if check.needs_engine else check.check(case)
        except AssertionError as err:
            _failed(tally, str(err).splitlines()[0][:200], case)
        except Exception as err:  # noqa: BLE001 - a bench counts whatever escapes, it does not stop
            where = traceback.extract_tb(err.__traceback__)[-1]
            _failed(tally, f"{type(err).__name__}: {str(err)[:120]} at {where.filename}:{where.lineno}", case)
        finally:
            spent = time.perf_counter() - started
            tally.slowest = max(tally.slowest, spent)

    started = time.perf_counter()
    one()
    tally.seconds = time.perf_counter() - started
    return tally


def _failed(tally: Tally, key: str, case: object) -> None:
    tally.failed += 1
    tally.first.setdefault(key, repr(case)[:500])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="generated inputs per reader")
    parser.add_argument("--pipeline", type=int, default=40, help="generated batches through the whole pipeline")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    parser.add_argument("--only", nargs="*", choices=[c.name for c in CHECKS], help="run these checks only")
    args = parser.parse_args(argv)
    run_seed = args.seed if args.seed is not None else random.randrange(2**32)
    logging.disable(logging.CRITICAL)  # the readers' warnings about bad input are the point, not news
    warnings.simplefilter("ignore")
    print(f"seed {run_seed}")
    engine = None
    tallies = []
    for check in CHECKS:
        if args.only and check.name not in args.only:
            continue
        if check.needs_engine and engine is None:
            from dateline.pipeline import Engine

            engine = Engine.load()
        tally = run(check, args.pipeline if check.needs_engine else args.cases, run_seed, engine)
        tallies.append(tally)
        print(f"{tally.name:10} {tally.cases:7,} cases  {tally.failed:5,} failed  {tally.seconds:7.1f} s"
              f"  slowest case {tally.slowest:5.2f} s", flush=True)
        for key, case in tally.first.items():
            print(f"    {key}\n        first case: {case}")
    total = sum(t.cases for t in tallies)
    failed = sum(t.failed for t in tallies)
    print(f"total      {total:7,} cases  {failed:5,} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

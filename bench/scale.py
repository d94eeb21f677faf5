"""Scale-out: words/s of a distributed ingest with 1, 2, ... local Dask workers, and the speed-up.

Corpus: bench/corpus.py (the sample post and the EWT Iraq weblogs), repeated --copies times.
Also printed: words per worker CPU-second, which does not depend on what else the machine runs.
Each worker count gets a fresh local cluster whose workers load the engine before the clock
starts (engine load is reported apart), then ingests the whole corpus into a fresh database:
a SQLite file (the client writes) or, with --postgres-scratch URL, a PostgreSQL database that
is EMPTIED before each run (the workers write).

    .venv/bin/python bench/scale.py [--copies 3] [--max-workers N] [--postgres-scratch postgresql://...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from dateline.scale import EngineSpec, connect, distributed_ingest  # noqa: E402
from dateline.scale.tasks import preload  # noqa: E402


def empty_postgres(url: str) -> None:
    """Drop every dateline table of a scratch database (the next open re-creates the schema)."""
    import psycopg

    from dateline.store.postgres import connection_url

    with psycopg.connect(connection_url(url), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def worker_cpu_seconds(client) -> float:
    """CPU seconds used so far by all worker processes together."""
    return sum(client.run(time.process_time).values())


def run(workers: int, sources: list[str], *, db: str, batch_size: int) -> tuple[float, float, float, object]:
    """(engine load seconds, words/s, worker CPU seconds, report) for one cluster of ``workers`` processes."""
    with connect(workers=workers) as client:
        started = time.perf_counter()
        client.run(preload, EngineSpec())  # every worker loads its engine before the clock starts
        load_s = time.perf_counter() - started
        cpu_before = worker_cpu_seconds(client)
        report = distributed_ingest(sources, db=db, client=client, batch_size=batch_size)
        cpu_s = worker_cpu_seconds(client) - cpu_before
    if report.failures:
        raise SystemExit(f"benchmark input failed: {report.failures[0]}")
    return load_s, report.words / report.seconds, cpu_s, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=3, help="repeat the corpus this many times")
    parser.add_argument("--max-workers", type=int, default=max(2, os.cpu_count() or 1),
                        help="largest worker count (default: the machine's cores, at least 2)")
    parser.add_argument("--batch-size", type=int, default=4, help="documents per task")
    parser.add_argument("--postgres-scratch", metavar="URL", help="PostgreSQL database to EMPTY and use for each run")
    args = parser.parse_args()

    counts = [1, 2] + [n for n in (4, 8, 16, 32) if n <= args.max_workers and n > 2]
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sources = [str(p) for p in write_corpus(Path(tmp) / "corpus", copies=args.copies)]
        print(f"cores {os.cpu_count()}, corpus {args.copies} copies, batch size {args.batch_size}, "
              f"store {'PostgreSQL (workers write)' if args.postgres_scratch else 'SQLite (client writes)'}")
        for n in counts:
            if args.postgres_scratch:
                empty_postgres(args.postgres_scratch)
                db = args.postgres_scratch
            else:
                db = str(Path(tmp) / f"run{n}.db")
            load_s, rate, cpu_s, report = run(n, sources, db=db, batch_size=args.batch_size)
            rates[n] = rate
            # Words per worker CPU-second shows what each worker got done with the CPU it was given:
            # on a machine shared with other work, a flat figure here with a low speed-up means the
            # cores were busy elsewhere, not that the workers got in each other's way.
            print(f"workers {n:2d}   engine load {load_s:5.1f} s   {report.documents} documents, {report.words:,} words"
                  f" in {report.seconds:5.1f} s   {rate:7,.0f} words/s   speed-up {rate / rates[1]:4.2f}x"
                  f"   {report.words / cpu_s:6,.0f} words per worker CPU-s")


if __name__ == "__main__":
    main()

"""What joining incidents across reports costs when a store is large.

Fills a SQLite store with --incidents synthetic incidents (documents of 50 incident mentions each, spread
over --days days and 200 places), then adds --probes new documents that report events of the same days
(some the same events, some new) and prints the time each add_document spent merging (the store's
``last_merge_seconds``) and in all.

    .venv/bin/python bench/merge_cost.py [--incidents 100000] [--probes 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from dateline.models import Document, Event, make_event_id
from dateline.store import open_store

PER_DOC = 50
TYPES = [("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests")]


def make_doc(rng: random.Random, n: int, days: int, places: list[tuple[float, float, str]], *, per_doc: int = PER_DOC) -> tuple[Document, list[Event]]:
    lines, specs = [], []
    for k in range(per_doc):
        day = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(days))
        lat, lon, admin1 = rng.choice(places)
        etype, sub = rng.choice(TYPES)
        killed = rng.choice([None, 1, 2, 3, 5, 8, 13])
        sentence = f"Report {n}-{k}: an attack near place {admin1} on {day} killed {killed or 'nobody'}."
        lines.append(sentence)
        specs.append((sentence, day, lat, lon, admin1, etype, sub, killed))
    text = " ".join(lines)
    doc = Document(id=f"doc-{n}", text=text, source=f"outlet-{n % 40}", published=specs[-1][1].isoformat())
    events = []
    for sentence, day, lat, lon, admin1, etype, sub, killed in specs:
        start = text.index(sentence)
        events.append(Event(make_event_id(doc.id, start, start + len(sentence)), doc.id, start, start + len(sentence), sentence,
                            event_type=etype, sub_event_type=sub, date_start=day.isoformat(), date_end=day.isoformat(),
                            time_precision=1, date_reason="sentence: 'day'", country="Iraq", admin1=admin1, location=admin1,
                            latitude=lat, longitude=lon, geo_precision=1, place_reason="in sentence", fatalities=killed,
                            source=doc.source))
    return doc, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=5 * 365)
    parser.add_argument("--probes", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(7)
    places = [(30 + rng.random() * 7, 39 + rng.random() * 9, f"P{i % 18}") for i in range(200)]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "merge.db") as store:
        t0 = time.perf_counter()
        for n in range(args.incidents // PER_DOC):
            store.add_document(*make_doc(rng, n, args.days, places))
        fill_s = time.perf_counter() - t0
        stats = store.stats()
        merges, totals = [], []
        for n in range(args.probes):
            doc, events = make_doc(rng, 10_000_000 + n, args.days, places, per_doc=5)
            t = time.perf_counter()
            store.add_document(doc, events)
            totals.append(time.perf_counter() - t)
            merges.append(store.last_merge_seconds)
    print(f"store                  {stats['incidents']:,} incidents from {stats['documents']:,} documents (filled in {fill_s:.0f} s)")
    print(f"merge per document     median {statistics.median(merges) * 1000:.1f} ms, max {max(merges) * 1000:.1f} ms"
          f"  (documents of 5 mentions, {args.probes} probes)")
    print(f"add_document in all    median {statistics.median(totals) * 1000:.1f} ms")


if __name__ == "__main__":
    main()

"""Timing of every API call the web views make, on a database of 100,000 events.

The events are synthetic (random types, actors, Iraqi places and dates, stored through the
store API in 2,000 documents of 50 events each): the point is the cost of the queries, not
the extraction. Each call runs through the ASGI app in-process (FastAPI's TestClient), three
times; the median is printed with a pass mark of 300 ms (``--limit-ms``).

``--decisions N`` makes N analyst decisions on the stored incidents first (accepts, edits with
their follow-ups switched off, rejections and notes, through ``dateline.review``), and adds the
review views (the queue, an incident's history, reviewed-only lists); issue 17 asks for every view
under 150 ms at 100,000 incidents with 10,000 decisions. ``--no-cache`` computes every answer
(else the second and third call of each URL come from the read cache, web/cache.py).

    .venv/bin/python bench/web.py [--events 100000] [--db /tmp/dateline-bench-web.db]
    .venv/bin/python bench/web.py --decisions 10000 --limit-ms 150 --no-cache
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

from dateline.models import Document, Event, make_event_id
from dateline.store import open_store

LIMIT_MS = 300.0
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests")]
ACTORS = [f"Actor {i:02d}" for i in range(60)]
PLACES = [("Baghdad", "Baghdad", 33.34, 44.40), ("Basra", "Basra", 30.51, 47.78), ("Amarah", "Maysan", 31.84, 47.14),
          ("Mosul", "Ninawa", 36.34, 43.13), ("Kirkuk", "Kirkuk", 35.47, 44.39), ("Ramadi", "Anbar", 33.42, 43.30),
          ("Fallujah", "Anbar", 33.35, 43.78), ("Baqubah", "Diyala", 33.75, 44.64), ("Tikrit", "Salah ad Din", 34.61, 43.68),
          ("Najaf", "Najaf", 32.00, 44.34), ("Karbala", "Karbala", 32.62, 44.02), ("Kut", "Wasit", 32.51, 45.82)]
FIRST_DAY, DAYS = 1041379200, 7305  # 2003-01-01, twenty years
RETOLD = 0.1
EVENTS = 120_000  # with the retold share and chance joins: about 100,000 incidents
SENTENCE = "On that day a reported clash in {place} left {n} people dead, officials said. "


def build(path: Path, n_events: int, *, per_doc: int = 50, retold: float = RETOLD, seed: int = 7) -> None:
    """Store ``n_events`` synthetic mentions in documents of ``per_doc`` sentences each.

    A share ``retold`` of the mentions tell again an event of an earlier document (same day, place,
    actors and toll), so they join its incident as a second report would; the others are events of
    their own: dated by their sentence over twenty years, with named actors, so two of them are seldom
    compatible enough to join. ``n_events / (1 + retold)`` is then about the number of incidents.
    """
    rng = random.Random(seed)
    told: list[Event] = []  # earlier mentions a later document may tell again
    with open_store(path) as store:
        for d in range(n_events // per_doc):
            sentences, spans, facts = [], [], []
            offset = 0
            for _ in range(per_doc):
                earlier = told[rng.randrange(len(told))] if told and rng.random() < retold else None
                fact = _fact(rng) if earlier is None else _retold(earlier)
                place = fact["location"] if fact["geo_precision"] == 1 else fact["admin1"]
                text = SENTENCE.format(place=place, n=fact["fatalities"])
                spans.append((offset, offset + len(text) - 1))
                sentences.append(text)
                facts.append(fact)
                offset += len(text)
            doc = Document(id=f"bench-{d}", text="".join(sentences), published="2015-01-01", source="bench")
            events = [Event(event_id=make_event_id(doc.id, start, end), document_id=doc.id, evidence_start=start,
                            evidence_end=end, evidence_text=doc.text[start:end], **fact)
                      for (start, end), fact in zip(spans, facts)]
            store.add_document(doc, events)
            told += events


def _fact(rng: random.Random) -> dict:
    """The fields of one new synthetic event."""
    kind, sub = rng.choice(TYPES)
    day = rng.randrange(DAYS)
    date = time.strftime("%Y-%m-%d", time.gmtime(FIRST_DAY + day * 86400))
    location, admin1, lat, lon = rng.choice(PLACES)
    province_only = rng.random() < 0.2
    actor1, actor2 = rng.choice(ACTORS), rng.choice(ACTORS + [None])
    return dict(
        event_type=kind, sub_event_type=sub, actor1=actor1, actor1_id=_actor_id(actor1), actor2=actor2,
        actor2_id=_actor_id(actor2), date_start=date, date_end=date, time_precision=1, country="Iraq",
        admin1=admin1, location=admin1 if province_only else location, latitude=lat, longitude=lon,
        geo_precision=3 if province_only else 1, fatalities=rng.choice([0, 0, 0, 1, 2, 5, 12, 30]),
        confidence=round(rng.uniform(0.3, 0.95), 2), date_reason="sentence: bench", place_reason="sentence: bench")


def _retold(earlier: Event) -> dict:
    """The fields of an earlier mention, told again by another document."""
    return {name: getattr(earlier, name) for name in (
        "event_type", "sub_event_type", "actor1", "actor1_id", "actor2", "actor2_id", "date_start", "date_end",
        "time_precision", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
        "confidence", "date_reason", "place_reason")}


def _actor_id(name: str | None) -> str | None:
    return None if name is None else "bench:" + name.lower().replace(" ", "-")


CALLS = [
    ("facets", "/api/facets"),
    ("facets, flagged too", "/api/facets?flagged=true"),
    ("timeline by month", "/api/timeline?by=month"),
    ("timeline by day", "/api/timeline?by=day"),
    ("timeline by week, one province", "/api/timeline?by=week&admin1=Anbar"),
    ("map", "/api/map"),
    ("map, one type and range", "/api/map?event_type=Battles&date_from=2008-01-01&date_to=2010-12-31"),
    ("network", "/api/network"),
    ("network, one actor", "/api/network?actor=Actor%2007"),
    ("timeline by month, flagged too", "/api/timeline?by=month&flagged=true"),
    ("map, flagged too", "/api/map?flagged=true"),
    ("events page 1", "/api/events?limit=100"),
    ("events page 500", "/api/events?limit=100&offset=50000"),
    ("events page 51, one province", "/api/events?admin1=Basra&limit=100&offset=5000"),
    ("events page 21, one actor", "/api/events?actor=Actor%2003&limit=100&offset=2000"),
    ("events, text search", "/api/events?q=Basra&limit=100"),
    ("events, all filters", "/api/events?date_from=2009-01-01&date_to=2009-12-31&admin1=Basra&actor=Actor%2003&event_type=Riots"),
    ("on this day", "/api/onthisday?day=06-19"),
    ("event detail", None),
    ("documents", "/api/documents?limit=100"),
    ("document search", "/api/documents?q=Kirkuk"),
    ("jobs", "/api/jobs"),
]


REVIEW_CALLS = [
    ("review queue", "/api/incidents/queue?limit=50"),
    ("incident review and history", None),
    ("events, reviewed only", "/api/events?review=reviewed&limit=100"),
    ("events, all (rejected too)", "/api/events?review=all&limit=100&offset=20000"),
    ("timeline by month, reviewed", "/api/timeline?by=month&review=reviewed"),
    ("map, reviewed", "/api/map?review=reviewed"),
    ("network, actor as actor2", "/api/network?actor=Actor%2007&role=actor2"),
    ("on this day, reviewed", "/api/onthisday?day=06-19&review=reviewed"),
]


def decide(path: Path, n_decisions: int, *, seed: int = 11) -> int:
    """Make decisions on random incidents until the store holds ``n_decisions``; returns how many it
    made. Accept 40%, edit 30% (a toll or a place), reject 15%, note 15%."""
    from dateline import review

    rng = random.Random(seed)
    with open_store(path) as store:
        with store._lock:
            have = store._conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
            ids = [r[0] for r in store._conn.execute("SELECT event_id FROM incidents ORDER BY event_id").fetchall()]
        made = 0
        for incident_id in rng.sample(ids, min(len(ids), max(0, n_decisions - have))):
            roll = rng.random()
            if roll < 0.4:
                review.accept(store, incident_id, author="bench")
            elif roll < 0.7:
                values = {"fatalities": str(rng.randint(0, 30))} if rng.random() < 0.5 else {"location": rng.choice(PLACES)[0]}
                review.edit(store, incident_id, values, author="bench", follow=False)
            elif roll < 0.85:
                review.reject(store, incident_id, reason="bench: not an event", author="bench")
            else:
                review.note(store, incident_id, "bench: check the toll", author="bench")
            made += 1
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=EVENTS, help="Mentions to store (about 100,000 incidents by default).")
    parser.add_argument("--db", type=Path, default=Path("/tmp/dateline-bench-web.db"))
    parser.add_argument("--rebuild", action="store_true", help="Build the database again even if it exists.")
    parser.add_argument("--decisions", type=int, default=0, help="Analyst decisions to hold (made once, kept in the db).")
    parser.add_argument("--limit-ms", type=float, default=LIMIT_MS, help="Pass mark per view (median).")
    parser.add_argument("--no-cache", action="store_true", help="Compute every answer (no read cache).")
    args = parser.parse_args()
    limit_ms = args.limit_ms
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    if args.rebuild or not args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} with {args.events:,} synthetic events in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    calls = list(CALLS)
    if args.decisions:
        started = time.perf_counter()
        made = decide(args.db, args.decisions)
        if made:
            print(f"made {made:,} decisions in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        calls += REVIEW_CALLS
    slow = 0
    app = create_app(str(args.db), tiles="none", cache_bytes=0 if args.no_cache else None)
    with TestClient(app, base_url="http://localhost") as client:
        stats = client.get("/api/stats").json()
        total = stats["events"]
        first = client.get("/api/events?limit=1").json()["events"][0]["event_id"]
        with app.state.store._lock:
            decisions = app.state.store._conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
        print(f"{total:,} mentions in {stats['incidents']:,} incidents, {decisions:,} decisions in {args.db}; "
              f"median of 3 calls each (wall and the process's CPU time), limit {limit_ms:.0f} ms"
              f"{', no cache' if args.no_cache else ''}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
        for name, url in calls:
            if url is None:
                url = f"/api/incidents/{first}/review" if name.startswith("incident review") else f"/api/events/{first}"
            times, cpu_times = [], []
            for _ in range(3):
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                cpu_times.append((time.process_time() - cpu_started) * 1000)
                assert response.status_code == 200, (url, response.text[:200])
            median = statistics.median(times)
            slow += median > limit_ms
            print(f"{name:34} {median:8.1f} ms {statistics.median(cpu_times):8.1f} cpu-ms"
                  f"  {'ok' if median <= limit_ms else 'SLOW'}  {url}")
    print(f"{len(calls) - slow} passed, {slow} failed")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())

"""The chronicle an analyst sees, against chronicle-dev's hand-coded posts (issues 14 and 15).

    .venv/bin/python bench/chronicle.py [--split all|a|b] [--json [PATH]] [--no-store] [--docs DIR] [--gold FILE] [--news | --held | --dev | --blogs]

Each post runs through the real engine on its own (``extract_sources``); what a user is shown for
it comes from ONE seam, :func:`shown_records`. Then every post is ingested into one temporary
SQLite store and what the store shows comes from ONE seam, :func:`store_records`. The scorer
(``dateline.evaluate.chronicle``) matches both to the gold and prints precision, recall,
duplicates, aggregates shown as events, fatalities, fields and strict precision, records per real
incident. Halves "a" and "b" (by sha1 of the file name) let rules be tuned on one and reported on
the other. tests/test_eval_gate.py checks the ``chronicle.*`` floors in bench/baseline.json
through :func:`suite_report`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_paths import DATA  # noqa: E402
from dateline.evaluate.chronicle import SPLITS, ChronicleScore, PlaceNames, load_gold, score  # noqa: E402
from dateline.models import Document, Event  # noqa: E402

if TYPE_CHECKING:
    from dateline.pipeline import Engine
    from dateline.store.base import Store

DOCS = DATA / "chronicle-dev" / "docs"
GOLD = DATA / "chronicle-dev" / "gold.jsonl"
# the repository's own news set (bench/opennews/README.md), open for error analysis
NEWS_DOCS = Path(__file__).resolve().parent / "opennews" / "docs"
NEWS_GOLD = Path(__file__).resolve().parent / "opennews" / "gold.jsonl"
# news kept whole for acceptance: scored, never read for errors (bench/heldnews/README.md)
HELD_DOCS = Path(__file__).resolve().parent / "heldnews" / "docs"
HELD_GOLD = Path(__file__).resolve().parent / "heldnews" / "gold.jsonl"
# news coded blind after heldnews, open for error analysis
DEV_DOCS = Path(__file__).resolve().parent / "devnews" / "docs"
DEV_GOLD = Path(__file__).resolve().parent / "devnews" / "gold.jsonl"
BLOG_DOCS = Path(__file__).resolve().parent / "devblogs" / "docs"
BLOG_GOLD = Path(__file__).resolve().parent / "devblogs" / "gold.jsonl"


# ------------------------------------------------------------------------- the two seams


def shown_records(document: Document, events: list[Event]) -> list[dict[str, Any]]:
    """The records a user gets for one document: its incidents (each with its mentions) and its
    aggregate statements (kind "aggregate"), as ``dateline extract --aggregates`` prints them."""
    from dateline.incidents import consolidate

    told = consolidate(document, events)
    records = [{**incident.to_record(),
                "mentions": [{"document_id": document.id, "event_id": m, "source": document.source} for m in incident.mention_ids]}
               for incident in told.incidents]
    records += [a.to_record() for a in told.aggregates]
    return records


def store_records(store: "Store") -> list[dict[str, Any]]:
    """The records one store holding every document shows: its incidents (joined across reports),
    each naming the documents of its mentions, and its aggregate statements."""
    from dateline.query import EventFilter, incidents

    rows = incidents(store, EventFilter(include_flagged=True))
    details = store.incident_details([r.event_id for r in rows])
    records = []
    for row in rows:
        record = row.to_record()
        record["kind"] = "event"
        record["incident_id"] = row.event_id
        record["mentions"] = [{"document_id": d} for d in details[row.event_id].document_ids]
        records.append(record)
    records += [{**a.to_record(), "mentions": [{"document_id": a.document_id}]} for a in store.aggregates()]
    return records


# ------------------------------------------------------------------------------- running


@dataclass
class Collected:
    """The records of every post (by file name), and of the store when it was built."""

    by_doc: dict[str, list[dict[str, Any]]]
    store: list[dict[str, Any]] | None


def collect(docs: Path = DOCS, *, engine: "Engine", with_store: bool = True) -> Collected:
    """Run the engine on every post alone, then (``with_store``) ingest them all into one store."""
    from dateline.pipeline import extract_sources

    paths = sorted(docs.glob("*.txt"))
    if not paths:
        raise SystemExit(f"error: no .txt posts in {docs}")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    names: dict[str, str] = {}  # document id -> file name, through the document's origin
    for path in paths:
        for document, events in extract_sources([str(path)], engine=engine):
            names[document.id] = Path(document.origin or path).name
            by_doc[names[document.id]] = shown_records(document, events)
    return Collected(by_doc, _store_part(paths, names, engine=engine) if with_store else None)


def _store_part(paths: list[Path], names: dict[str, str], *, engine: "Engine") -> list[dict[str, Any]]:
    from dateline.pipeline import ingest
    from dateline.store import open_store

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "chronicle.db") as store:
        report = ingest([str(p) for p in paths], store=store, engine=engine)
        if report.failures:
            raise SystemExit(f"error: ingest failed: {report.failures[0]}")
        records = store_records(store)
        for record in records:
            for mention in record.get("mentions") or ():
                doc_id = mention["document_id"]
                if doc_id not in names:
                    names[doc_id] = Path(store.get_document(doc_id).origin or doc_id).name
                mention["document_id"] = names[doc_id]
    return records


def run(splits: tuple[str, ...] = SPLITS, *, engine: "Engine | None" = None, docs: Path = DOCS, gold: Path = GOLD,
        with_store: bool = True) -> dict[str, ChronicleScore]:
    """Score the posts once per split; split name -> score."""
    from dateline.pipeline import Engine

    lines = load_gold(gold)  # a bad gold file fails before the model loads
    engine = engine or Engine.load()
    collected = collect(docs, engine=engine, with_store=with_store)
    names = PlaceNames.from_gazetteer(engine.extractor.gazetteer) if engine.extractor.gazetteer else None
    return {s: score(lines, collected.by_doc, collected.store, split=s, names=names) for s in splits}


def suite_report(*, engine: "Engine | None" = None, docs: Path = DOCS, gold: Path = GOLD) -> dict[str, Any]:
    """The whole set (split "all") as bench/accuracy.py reports a suite: metrics and counts."""
    result = run(("all",), engine=engine, docs=docs, gold=gold)["all"]
    return {"kind": "chronicle", "gold": str(gold), "metrics": result.metrics, "counts": result.counts, "notes": []}


def news_report(*, engine: "Engine | None" = None) -> dict[str, Any]:
    """bench/opennews (openly licensed news reports) as a suite, scored like chronicle-dev."""
    return suite_report(engine=engine, docs=NEWS_DOCS, gold=NEWS_GOLD)


def held_report(*, engine: "Engine | None" = None) -> dict[str, Any]:
    """bench/heldnews (news held out whole), scored like chronicle-dev."""
    return suite_report(engine=engine, docs=HELD_DOCS, gold=HELD_GOLD)


def dev_report(*, engine: "Engine | None" = None) -> dict[str, Any]:
    """bench/devnews (news open for error analysis), scored like chronicle-dev."""
    return suite_report(engine=engine, docs=DEV_DOCS, gold=DEV_GOLD)


def blogs_report(*, engine: "Engine | None" = None) -> dict[str, Any]:
    """bench/devblogs (blog posts open for error analysis), scored like chronicle-dev."""
    return suite_report(engine=engine, docs=BLOG_DOCS, gold=BLOG_GOLD)


# ------------------------------------------------------------------------------- printing

_MAIN = ("precision", "recall", "strict_precision", "duplicate_share", "aggregates_shown", "false_positive_share",
         "fatalities_ratio", "background_recall", "aggregate_recall", "records_per_incident", "store_fatalities_ratio")
_FIELDS = ("actor1_right", "actor2_right", "actors_right", "event_type_right", "sub_event_type_right", "date_right",
           "place_right", "fatalities_right")
_COUNTS = ("documents", "shown", "true_positives", "duplicates", "aggregates_shown", "false_positives",
           "gold_events", "gold_current", "matched_current", "gold_aggregates", "fatalities_shown", "fatalities_gold",
           "store_records", "store_matched_records", "store_incidents", "store_incidents_split", "store_fatalities",
           "store_fatalities_gold")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table(results: dict[str, ChronicleScore], *, worst: int = 6) -> list[str]:
    """The scores as aligned lines: one column per split, then the worst documents."""
    splits = list(results)
    width = max(len(k) for k in (*_MAIN, *_FIELDS, *_COUNTS))
    head = f"{'':<{width}}  " + "  ".join(f"{s:>8}" for s in splits)
    out = [head]
    for title, keys, source in (("measures", _MAIN, "metrics"), ("fields on matched records", _FIELDS, "metrics"),
                                ("counts", _COUNTS, "counts")):
        out.append(f"-- {title}")
        for key in keys:
            values = [getattr(results[s], source).get(key) for s in splits]
            if any(v is not None for v in values):
                out.append(f"{key:<{width}}  " + "  ".join(f"{_cell(v):>8}" for v in values))
    base = results.get("all") or next(iter(results.values()))
    if worst:
        out.append(f"-- worst documents ({base.split}): errors = false positives + duplicates + aggregates + missed")
    for doc in base.worst(worst) if worst else ():
        c = doc.counts
        out.append(f"{doc.errors:>3}  {doc.doc[:60]:<60}  shown {c['shown']:>2}  tp {c['true_positives']:>2}  "
                   f"dup {c['duplicates']:>2}  agg {c['aggregates_shown']:>2}  fp {c['false_positives']:>2}  "
                   f"missed {c['gold_current'] - c['matched_current']:>2}/{c['gold_current']}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=DOCS, help="folder of the posts (*.txt)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold.jsonl")
    parser.add_argument("--news", action="store_true", help="score bench/opennews instead (--docs and --gold ignored)")
    parser.add_argument("--held", action="store_true",
                        help="score bench/heldnews, the news held out whole, instead (--docs and --gold ignored)")
    parser.add_argument("--dev", action="store_true",
                        help="score bench/devnews, news open for error analysis, instead (--docs and --gold ignored)")
    parser.add_argument("--blogs", action="store_true",
                        help="score bench/devblogs, blog posts open for error analysis, instead (--docs and --gold ignored)")
    parser.add_argument("--split", choices=SPLITS, help="only this half (default: all, a and b)")
    parser.add_argument("--json", nargs="?", const="-", metavar="PATH",
                        help="the scores with every document's detail as JSON (to PATH, or stdout without one)")
    parser.add_argument("--no-store", action="store_true", help="skip the one-store part (records per incident)")
    args = parser.parse_args()
    from dateline.errors import DatelineError

    try:
        docs, gold = ((HELD_DOCS, HELD_GOLD) if args.held else (DEV_DOCS, DEV_GOLD) if args.dev
                      else (BLOG_DOCS, BLOG_GOLD) if args.blogs else (NEWS_DOCS, NEWS_GOLD) if args.news
                      else (args.docs, args.gold))
        splits = ("all",) if args.held or args.dev or args.blogs else (args.split,) if args.split else SPLITS
        results = run(splits, docs=docs, gold=gold, with_store=not args.no_store)
    except DatelineError as err:
        raise SystemExit(f"error: {err}") from None
    if args.json == "-":
        print(json.dumps({s: r.to_dict() for s, r in results.items()}, indent=1))
        return
    # the held-out set's documents are not shown: its errors are not to be read while deciding
    print("\n".join(table(results, worst=0 if args.held else 6)))
    if args.json:
        Path(args.json).write_text(json.dumps({s: r.to_dict() for s, r in results.items()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

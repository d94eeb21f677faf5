"""The `dateline` command: thin click wrappers over the library functions.

Data goes to stdout, progress and messages to stderr. Exit codes: 0 all went well,
1 an operation (or some inputs of a batch) failed, 2 a usage error.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any, Sequence

import click

from .. import __version__, query
from ..config import DEFAULT_MAX_BYTES_ENV, database_path
from ..errors import printable
from ..export.spreadsheet import safe_cell, safe_row
from ..ingest.day_first import DayFirstOption
from ..models import EVENT_FIELDS, Event, Incident
from .chronology import chronology
from .options import day_first_options, db_option, filter_options, handle_errors, load_engine, make_filter, open_db
from .places import places
from .review import review, show_review
from .serve import serve
from .times import times
from .users import user

log = logging.getLogger(__name__)

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
TABLE_COLUMNS = ("date_start", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "fatalities", "flags")


# -- output -------------------------------------------------------------------------------


def flags_of(event: Event) -> str:
    return ",".join(name for name in ("negated", "hypothetical", "future", "background") if getattr(event, name))


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, widths: dict[str, int] | None = None) -> None:
    """A plain aligned table for people."""
    widths = widths or {}
    cells = [[_cell(row.get(c), widths.get(c, 28)) for c in columns] for row in rows]
    sizes = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip())
    click.echo("  ".join("-" * s for s in sizes))
    for r in cells:
        click.echo("  ".join(r[i].ljust(sizes[i]) for i in range(len(columns))).rstrip())


def echo_events(events: Sequence[Event], fmt: str) -> None:
    if fmt == "jsonl":
        for e in events:
            click.echo(json.dumps(e.to_record(), ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps([e.to_record() for e in events], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=[f for f in EVENT_FIELDS if f != "spans"], extrasaction="ignore")
        writer.writeheader()
        for e in events:
            writer.writerow(safe_row(e.to_record()))
    else:
        rows = [{**e.to_record(), "flags": flags_of(e)} for e in events]
        print_table(rows, TABLE_COLUMNS, widths={"sub_event_type": 24, "actor1": 30, "actor2": 30, "location": 18})
        click.echo(f"{len(events)} event(s)", err=True)


def echo_records(records: Sequence[dict[str, Any]], fmt: str, *, noun: str = "event(s)") -> None:
    """Flat records (mentions or incidents with their extra keys) as jsonl, json, csv or a table."""
    if fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps(list(records), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        names = [f for f in EVENT_FIELDS if f != "spans"] + (["sources", "n_mentions"] if records and "mentions" in records[0] else [])
        writer = csv.DictWriter(sys.stdout, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow(safe_row({**r, "sources": "; ".join(r.get("sources") or []),
                                      "n_mentions": len(r.get("mentions") or [])}))
    else:
        rows = [{**r, "flags": ",".join(n for n in ("negated", "hypothetical", "future", "background") if r.get(n)),
                 "sources": "; ".join(r.get("sources") or [])} for r in records]
        columns = TABLE_COLUMNS + (("sources",) if any(r.get("sources") for r in rows) else ())
        print_table(rows, columns, widths={"sub_event_type": 24, "actor1": 30, "actor2": 30, "location": 18, "sources": 30})
        click.echo(f"{len(records)} {noun}", err=True)


def incident_record(incident: Incident, mentions: Sequence[Event], outlets: dict[str, str | None] | None = None) -> dict[str, Any]:
    """An incident as one JSON record: its fields, incident_id, mentions (with outlet and document),
    sources, disagreements naming outlets, merge reasons and which mention gave each field."""
    record = incident.record.to_record()
    record["incident_id"] = incident.incident_id
    record["kind"] = "event"
    record["mentions"] = [
        {"event_id": m.event_id, "document_id": m.document_id,
         "source": (outlets or {}).get(m.document_id, m.source) or m.source, "published": m.published,
         "date_start": m.date_start, "location": m.location, "fatalities": m.fatalities, "evidence_text": m.evidence_text}
        for m in mentions
    ]
    record["sources"] = list(incident.sources)
    record["disagreements"] = list(incident.disagreements)
    record["merge_reasons"] = list(incident.merge_reasons)
    record["field_sources"] = dict(incident.field_sources)
    return record


def stored_incident_records(store, rows: Sequence[Event]) -> list[dict[str, Any]]:
    """Full records (with mentions) of incidents listed from the store."""
    from ..review.api import review_records

    details = store.incident_details([r.event_id for r in rows]) if rows else {}
    reviews = review_records(store, [r.event_id for r in rows], with_history=False) if rows else {}
    out = []
    for row in rows:
        incident = details.get(row.event_id)
        if incident is None:
            continue
        record = incident_record(incident, store.mentions_of(row.event_id))
        record["review"] = reviews.get(row.event_id) or {"status": "unreviewed"}
        out.append(record)
    return out


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)


# -- commands -----------------------------------------------------------------------------


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """dateline: conflict reporting in, a sourced and geocoded event chronicle out.

    \b
    Example:
        dateline ingest post.txt feeds/ https://example.org/article
        dateline events --province Maysan --from 2008-06
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


class _OneLineFormatter(logging.Formatter):
    """Log messages name input files and URLs: their newlines and controls are escaped, so each
    record stays one line and no file name can forge an "Error:" line (tracebacks, at -vv, keep theirs)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return printable(super().formatMessage(record))


class _Progress:
    """A progress bar on stderr, counting inputs (files or URLs)."""

    def __init__(self, total: int, enabled: bool) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="input", file=sys.stderr, disable=not enabled, leave=False)
        self.last: str | None = None

    def __call__(self, origin: str) -> None:
        if origin != self.last:
            self.last = origin
            self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def _progress_enabled(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


@main.command()
@click.argument("sources", nargs=-1)
@db_option
@click.option("--refresh", is_flag=True,
              help="Re-extract documents already stored (all of them when no SOURCES are given); decisions hold.")
@click.option("--max-bytes", type=click.IntRange(min=1), envvar=DEFAULT_MAX_BYTES_ENV, default=None, help="Refuse files larger than this (default 20 MB).")
@day_first_options
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Extract on a local Dask cluster of N worker processes.")
@click.option("--scheduler", metavar="URL", default=None, help="Extract on an existing Dask cluster (tcp://HOST:8786).")
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True, help="Documents per cluster task (with --workers/--scheduler).")
@click.option("--source-homes/--no-source-homes", default=True, show_default=True,
              help="Use each outlet's home province, read from its documents stored before this run, "
                   "for towns its stories leave unplaced.")
@handle_errors
def ingest(sources: tuple[str, ...], db: str | None, refresh: bool, max_bytes: int | None, day_first: DayFirstOption,
           progress: bool | None, workers: int | None, scheduler: str | None, batch_size: int, source_homes: bool) -> None:
    """Read files, directories or URLs, extract their events and store them.

    Each document is stored in one transaction; documents already stored are skipped,
    so re-running an interrupted batch completes it. With --workers or --scheduler the
    extraction runs on Dask distributed (workers write straight to a postgresql:// --db).
    With --refresh, stored documents are extracted again and their incidents replaced; people's
    decisions hold, and a machine value that changed under one is a conflict to review.

    \b
    Example:
        dateline ingest ../shared/samples/maysan-2008.txt --db chronicle.db
        dateline ingest corpus/ --workers 2 --db postgresql://me@localhost/dateline
        dateline ingest --refresh --db chronicle.db
    """
    from ..ingest import count_sources
    from ..ingest.sources import DEFAULT_MAX_BYTES
    from ..pipeline import ingest as run_ingest
    from ..pipeline import refresh as run_refresh

    if not sources and not refresh:
        raise click.UsageError("give files, directories or URLs to ingest (or --refresh to re-extract stored documents)")
    if workers or scheduler:
        if workers and scheduler:
            raise click.UsageError("give --workers or --scheduler, not both")
        from ..scale import connect, distributed_ingest

        with connect(workers=workers, scheduler=scheduler) as client:
            report = distributed_ingest(sources, db=database_path(db), client=client, batch_size=batch_size,
                                        max_bytes=max_bytes or DEFAULT_MAX_BYTES, day_first=day_first,
                                        progress=_progress_enabled(progress), refresh=refresh,
                                        source_homes=source_homes)
        _finish_ingest(report)
        return
    engine = load_engine()
    with open_db(db) as store:
        total = count_sources(sources) if sources else store.stats()["documents"]
        bar = _Progress(total, _progress_enabled(progress))
        try:
            run = run_refresh if refresh else run_ingest
            report = run(sources, store=store, engine=engine, max_bytes=max_bytes or DEFAULT_MAX_BYTES, day_first=day_first,
                         on_document=bar, source_homes=source_homes)
        finally:
            bar.close()
    _finish_ingest(report)


def _finish_ingest(report) -> None:
    """Notices, failures and the summary on stderr; exit 1 when any input failed."""
    for notice in getattr(report, "notices", ()):
        click.echo(f"Note: {notice}", err=True)
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    click.echo(report.summary(), err=True)
    if report.failures:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table", "csv"]), default="jsonl", show_default=True)
@click.option("--all/--counted", "include_flagged", default=True, show_default=True,
              help="Also print negated, hypothetical, future and background mentions (flagged).")
@click.option("--mentions", is_flag=True, help="Print the sentence-level mentions instead of the incidents.")
@click.option("--aggregates", is_flag=True, help="Also print aggregate statements (totals over a period or area) as kind \"aggregate\" (json/jsonl).")
@click.option("--max-bytes", type=click.IntRange(min=1), envvar=DEFAULT_MAX_BYTES_ENV, default=None)
@day_first_options
@handle_errors
def extract(sources: tuple[str, ...], fmt: str, include_flagged: bool, mentions: bool, aggregates: bool,
            max_bytes: int | None, day_first: DayFirstOption) -> None:
    """Print the incidents of files or URLs (one per real event in each report), without a database.

    \b
    Example:
        dateline extract --format jsonl post.txt articles.jsonl
        dateline extract --mentions --format table post.txt
    """
    from ..ingest.sources import DEFAULT_MAX_BYTES
    from ..pipeline import IngestReport, extract_reports

    engine = load_engine()
    report = IngestReport()
    collected: list[dict[str, Any]] = []
    for _document, events, told in extract_reports(sources, engine=engine, report=report, max_bytes=max_bytes or DEFAULT_MAX_BYTES, day_first=day_first):
        if mentions:
            records = [e.to_record() for e in events if include_flagged or e.counted]
        else:
            by_id = {e.event_id: e for e in events}
            records = [incident_record(i, [by_id[m] for m in i.mention_ids if m in by_id])
                       for i in told.incidents if include_flagged or i.record.counted]
        if aggregates and fmt in ("json", "jsonl"):
            records += [a.to_record() for a in told.aggregates]
        if fmt == "jsonl":
            for record in records:  # streamed: a pipeline reading stdout sees records early
                click.echo(json.dumps(record, ensure_ascii=False))
        else:
            collected.extend(records)
    if fmt != "jsonl":
        echo_records(collected, fmt, noun="mention(s)" if mentions else "incident(s)")
    for notice in report.notices:
        click.echo(f"Note: {notice}", err=True)
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    if report.failures:
        sys.exit(1)


@main.command()
@db_option
@filter_options
@FORMAT
@handle_errors
def events(db: str | None, fmt: str, **filters: Any) -> None:
    """List stored events, filtered.

    \b
    Example:
        dateline events --province Maysan --from 2008-06-01 --type Arrests --format csv
    """
    chosen = make_filter(**filters)
    with open_db(db) as store:
        echo_events(query.events(store, chosen), fmt)


@main.command()
@db_option
@filter_options
@FORMAT
@handle_errors
def incidents(db: str | None, fmt: str, **filters: Any) -> None:
    """List stored incidents (one per real event, joined across reports), filtered.

    Each JSON record has the event fields, `incident_id`, its `mentions` with outlet and document,
    `sources` and `disagreements` naming the outlets.

    \b
    Example:
        dateline incidents --province Maysan --from 2008-06 --format jsonl
    """
    chosen = make_filter(**filters)
    with open_db(db) as store:
        rows = query.incidents(store, chosen)
        records = stored_incident_records(store, rows) if fmt != "table" else [
            {**r.to_record(), "sources": (r.source or "").split("; ") if r.source else []} for r in rows]
        if fmt == "table":
            details = store.incident_details([r.event_id for r in rows])
            for record in records:
                found = details.get(record["event_id"])
                record["sources"] = found.sources if found else []
    echo_records(records, fmt, noun="incident(s)")


@main.command()
@db_option
@filter_options
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@handle_errors
def timeline(db: str | None, by: str, fmt: str, **filters: Any) -> None:
    """Events and fatalities per day, week, month or year.

    \b
    Example:
        dateline timeline --by month --province Baghdad
    """
    chosen = make_filter(**filters)
    with open_db(db) as store:
        rows = query.timeline(store, chosen, by=by)
        # events dated only to a coarser period ("in 2006") have no place in a finer timeline: say so
        coarse = sum(r.events for r in query.timeline(store, chosen, by="year")) - sum(r.events for r in rows)
    if coarse > 0:
        click.echo(f"note: {coarse} event(s) dated more coarsely than a {by} are not shown (try --by year)", err=True)
    records = [{"period": r.period, "events": r.events, "fatalities": r.fatalities, "by_type": r.by_type} for r in rows]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["period", "events", "fatalities"])
        writer.writerows([safe_cell(r["period"]), r["events"], r["fatalities"]] for r in records)
    else:
        for r in records:
            r["types"] = ", ".join(f"{k} {v}" for k, v in sorted(r["by_type"].items()))
        print_table(records, ("period", "events", "fatalities", "types"), widths={"types": 70})


def _month_day(value: str | None) -> tuple[int, int]:
    if value is None:
        today = dt.date.today()
        return today.month, today.day
    try:
        parsed = dt.datetime.strptime(value, "%m-%d")
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a calendar day; use MM-DD, e.g. 06-19", param_hint="MM-DD") from None
    return parsed.month, parsed.day


@main.command()
@click.argument("day", metavar="[MM-DD]", required=False)
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "sidebar"]), default="table", show_default=True,
              help="sidebar: a \"This day in history\" note of reviewed incidents, newest first.")
@click.option("--markup", type=click.Choice(["md", "html", "text"]), default="md", show_default=True, help="Markup of the sidebar.")
@handle_errors
def onthisday(day: str | None, db: str | None, fmt: str, markup: str, **filters: Any) -> None:
    """Events on a calendar day (today by default) across all years.

    \b
    Example:
        dateline onthisday 06-19
        dateline onthisday 06-19 --format sidebar --markup html
    """
    month, mday = _month_day(day)
    chosen = make_filter(**filters)
    if fmt == "sidebar":
        from ..publish import sidebar_note

        with open_db(db) as store:
            click.echo(sidebar_note(store, month, mday, markup=markup, filters=chosen), nl=False)
        return
    with open_db(db) as store:
        echo_events(query.on_this_day(store, month, mday, chosen), fmt)  # incidents (the filter's default unit)


@main.command()
@click.argument("text")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def search(text: str, db: str | None, limit: int, fmt: str) -> None:
    """Full-text search over documents and event evidence.

    \b
    Example:
        dateline search "deputy governor"
    """
    with open_db(db) as store:
        hits = query.search(store, text, limit=limit)
    records = [{"document_id": h.document_id, "event_id": h.event_id, "title": h.title, "snippet": h.snippet} for h in hits]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        print_table(records, ("document_id", "event_id", "title", "snippet"), widths={"snippet": 80, "document_id": 20})


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "jsonl", "geojson"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of stdout.")
@handle_errors
def export(db: str | None, fmt: str, output: str | None, **filters: Any) -> None:
    """Export events as ACLED-style CSV, JSON lines or GeoJSON.

    \b
    Example:
        dateline export --format geojson --province Maysan -o maysan.geojson
    """
    from ..export import export_events
    from ..review.api import review_records

    chosen = make_filter(**filters)
    with open_db(db) as store:
        chosen_events = query.iter_incidents(store, chosen)  # read in batches: any size in little memory

        def reviews(ids: Sequence[str]) -> dict[str, dict[str, Any]]:
            return review_records(store, ids, with_history=fmt == "jsonl")

        if output:
            tmp = Path(output + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fp:
                n = export_events(chosen_events, fmt, fp, reviews=reviews)
            tmp.replace(output)  # a failed export never leaves a half-written file under the real name
        else:
            n = export_events(chosen_events, fmt, sys.stdout, reviews=reviews)
    click.echo(f"{n} incident(s) exported", err=True)


@main.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def documents(db: str | None, limit: int, fmt: str) -> None:
    """List stored documents.

    \b
    Example:
        dateline documents --limit 10
    """
    with open_db(db) as store:
        docs = store.documents(limit=limit)
    records = [dataclasses.asdict(d) for d in docs]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        print_table(records, ("id", "published", "title", "source", "n_events", "n_words"), widths={"id": 24, "title": 50})


@main.command()
@click.argument("event_id")
@db_option
@click.option("--history", is_flag=True, help="Also list every decision people made on the incident.")
@handle_errors
def show(event_id: str, db: str | None, history: bool) -> None:
    """One event with every field, its evidence in context and the document's references.

    \b
    Example:
        dateline show 3f2c9a1b2d4e5f60 --history
    """
    from ..errors import StoreError

    with open_db(db) as store:
        try:
            incident = store.get_incident(event_id)
        except StoreError:
            incident = None
        if incident is not None:
            _show_incident(incident, store.mentions_of(event_id))
            show_review(store, event_id, history=history)
            return
        event = store.get_event(event_id)
        document = store.get_document(event.document_id)
    for name, value in event.to_record().items():
        if value not in (None, False, {}, ""):
            click.echo(f"{name:>16}: {value}")
    before = document.text[max(0, event.evidence_start - 200) : event.evidence_start]
    after = document.text[event.evidence_end : event.evidence_end + 200]
    click.echo("\n" + " ".join(before.split()) + " " + click.style(event.evidence_text, bold=True, underline=True) + " " + " ".join(after.split()))
    if document.references:
        click.echo("\nSources cited by the document:")
        for ref in document.references:
            click.echo(f"  - {ref.date or '?':10}  {ref.outlet or ''}: {ref.title or ref.text}")


def _show_incident(incident: Incident, mentions: Sequence[Event]) -> None:
    """An incident: its fields, then each mention with outlet, date and sentence, then disagreements."""
    for name, value in incident.record.to_record().items():
        if value not in (None, False, {}, "") and name not in ("spans", "incident_id"):
            click.echo(f"{name:>16}: {value}")
    click.echo(f"\nMentions ({len(mentions)} in {len(incident.document_ids)} document(s)):")
    for m in mentions:
        click.echo(f"  - {m.source or m.document_id} | {m.published or '?'} | {m.date_start or '?'} | {m.location or '?'}"
                   f" | killed {m.fatalities if m.fatalities is not None else '-'} | {m.event_id}")
        click.echo(f"      {' '.join(m.evidence_text.split())}")
    if incident.disagreements:
        click.echo("\nSources disagree:")
        for note in incident.disagreements:
            click.echo(f"  - {note}")
    if incident.merge_reasons:
        click.echo("\nJoined because:")
        for note in incident.merge_reasons:
            click.echo(f"  - {note}")


@main.group()
def gazetteer() -> None:
    """Build and query the offline gazetteer."""


@gazetteer.command("build")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", type=click.Path(dir_okay=False), help="Where to write it (default: the gazetteer dateline uses).")
@click.option("--if-missing", is_flag=True, help="Do nothing when the gazetteer file already exists.")
@handle_errors
def gazetteer_build(files: tuple[str, ...], output: str | None, if_missing: bool) -> None:
    """Build the gazetteer from shipped data plus any GeoNames extracts given.

    \b
    Example:
        dateline gazetteer build IQ.txt admin1CodesASCII.txt
    """
    from ..config import gazetteer_path
    from ..geo.gazetteer_build import build_gazetteer

    target = Path(output) if output else gazetteer_path()
    if if_missing and target.exists():
        click.echo(f"gazetteer already built: {target}", err=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    stats = build_gazetteer(target, extra_files=[Path(f) for f in files])
    click.echo(f"gazetteer written to {target}: {stats}", err=True)


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", help="ISO country code to prefer, e.g. IQ.")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True)
@handle_errors
def gazetteer_lookup(name: str, country: str | None, limit: int) -> None:
    """Show the candidates for a place name, best first.

    \b
    Example:
        dateline gazetteer lookup Amara --country IQ
    """
    from ..geo.gazetteer import Gazetteer

    places = Gazetteer.default().lookup(name, country_code=country, limit=limit)
    if not places:
        raise click.ClickException(f"no place named {name!r} in the gazetteer")
    rows = [{"name": p.name, "feature": p.feature_code, "admin1": p.admin1, "country": p.country,
             "lat": round(p.latitude, 4), "lon": round(p.longitude, 4), "population": p.population} for p in places]
    print_table(rows, ("name", "feature", "admin1", "country", "lat", "lon", "population"))


@main.command()
@db_option
@handle_errors
def stats(db: str | None) -> None:
    """Counts of documents, events and references in the store.

    \b
    Example:
        dateline stats --db chronicle.db
    """
    with open_db(db) as store:
        for key, value in store.stats().items():
            click.echo(f"{key}: {value}")


@main.command()
@click.option("--kind", required=True, help="Kind of gold data (see --help for the list).")
@click.option("--gold", required=True, type=click.Path(exists=True), help="Gold file or folder.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help="The fixed part to score: dev = the part rules are tuned on (TimeML: its train two "
                   "thirds), test = held out (pitf, plover, timeml, pitfplace, eventloc, ucdpevents, and "
                   "eventtypes: the fifth of the labelled sentences the type classifier never saw).")
@handle_errors
def evaluate(kind: str, gold: str, fmt: str, split: str) -> None:
    """Score dateline against human-coded data and print per-field scores.

    \b
    Example:
        dateline evaluate --kind pitf --gold ../shared/data/pitf-atrocities/pitf.world.20130101-20151231.csv
        dateline evaluate --kind ucdpevents --split test --gold ../shared/data/ucdp-ged-iraq/conflict_data_irq.csv
        dateline evaluate --kind eventtypes --split test --gold src/dateline/data/event_types/train.jsonl
    """
    from ..evaluate import evaluate as run_evaluation

    report = run_evaluation(kind, Path(gold), **({"split": split} if split != "all" else {}))
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(report.lines()))


# Commands that live in their own modules
for _command in (places, serve, times, review, chronology, user):
    main.add_command(_command)

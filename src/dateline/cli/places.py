"""`dateline places`: every toponym of the inputs, with its span, resolved place and alternatives."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from ..errors import DatelineError
from ..ingest.day_first import DayFirstOption
from .options import day_first_options

if TYPE_CHECKING:
    from ..geo.places import Explanation, Scored
    from ..geo.toponyms import Toponym
    from ..models import Event, Place

__all__ = ["places"]

_SHOWN_CANDIDATES = 6  # candidates printed per mention with --explain


@click.command("places")
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--explain", is_flag=True,
              help="print each mention's candidates with the parts of their scores and the drops that acted, "
                   "and each event's place with the step that chose it (text, not --format)")
@day_first_options
def places(sources: tuple[str, ...], fmt: str, explain: bool, day_first: DayFirstOption) -> None:
    """Print every place name of files or URLs and what it resolves to, without a database.

    Spans are character offsets into each document's text; a JSON-lines input's own "id"
    comes back as document_id. Demonyms ("Iraqi", "Saudi-led") come as mentions of kind
    "demonym", resolved to the country or region they name; they never place an event.

    \b
    Example:
        dateline places --format jsonl post.txt articles.jsonl
        dateline places --explain post.txt
    """
    from ..pipeline import Engine, IngestReport, documents_from, iter_toponyms

    try:
        engine = Engine.load()
        report = IngestReport()
        for document, toponyms in iter_toponyms(documents_from(list(sources), report=report, day_first=day_first),
                                                engine=engine, demonyms=True, explain=explain):
            if explain:
                events = next((found for _d, found in engine.extract([document])), [])
                _print_explained(document.id, toponyms, events if isinstance(events, list) else [])
                continue
            for top in toponyms:
                if fmt == "jsonl":
                    click.echo(json.dumps(top.to_dict(), ensure_ascii=False))
                else:
                    click.echo(f"{top.document_id}\t{top.start}-{top.end}\t{top.text}\t{top.kind}\t"
                               f"{_where(top.place)}\tprec {top.geo_precision or '-'}/{top.where_prec or '-'}\t{top.reason}")
    except DatelineError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    if report.failures:
        sys.exit(1)


def _where(place: "Place | None") -> str:
    if place is None:
        return "-"
    return f"{place.name} ({place.feature_code}, {place.admin1 or '-'}, {place.country or place.country_code or '-'})"


def _print_explained(document_id: str, toponyms: list["Toponym"], events: list["Event"]) -> None:
    """The mentions with their ranking, then the events with the place each took."""
    click.echo(f"== {document_id}")
    for top in toponyms:
        hint = f", named as a {top.kind_hint}" if top.kind_hint else ""
        click.echo(f"{top.start}-{top.end} '{top.text}' [{top.kind}{hint}] -> {_where(top.place)}: {top.reason}")
        if top.explanation is not None:
            _print_ranking(top.explanation)
    click.echo("-- events")
    if not events:
        click.echo("   (none)")
    for n, event in enumerate(events, 1):
        click.echo(f"event {n} '{event.trigger or event.evidence_text[:40]}' ({event.sub_event_type}) at "
                   f"{event.location or '-'} ({event.admin1 or '-'}, {event.country or '-'}), "
                   f"prec {event.geo_precision or '-'}/{event.where_prec or '-'}: {event.place_reason}")
        span = (event.spans or {}).get("place")
        placed_by = next((t for t in toponyms if span and [t.start, t.end] == list(span)), None)
        if placed_by is not None:
            click.echo(f"   placed by the mention {placed_by.start}-{placed_by.end} '{placed_by.text}' (above)")
        else:
            click.echo("   placed by no mention of its sentence: a fallback of the document (its province or country)"
                       if event.location else "   no place")


def _print_ranking(explanation: "Explanation") -> None:
    if explanation.looked_up != explanation.name:
        click.echo(f"   looked up as '{explanation.looked_up}'")
    if not explanation.candidates:
        click.echo("   no candidate in the gazetteer")
    for rank, candidate in enumerate(explanation.candidates[:_SHOWN_CANDIDATES], 1):
        click.echo(f"   {rank}. {_where(candidate.place)}  {candidate.points:.3f} = {_parts(candidate)}")
        click.echo(f"      reason: {candidate.reason}")
    if len(explanation.candidates) > _SHOWN_CANDIDATES:
        click.echo(f"   ... {len(explanation.candidates) - _SHOWN_CANDIDATES} more")
    for name, what in explanation.drops:
        click.echo(f"   drop {name}: {what}")


def _parts(candidate: "Scored") -> str:
    return ", ".join(f"{p.name} {p.points:+.3f}" for p in candidate.parts if p.points)

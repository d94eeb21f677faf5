"""`dateline places`: every toponym of the inputs, with its span, resolved place and alternatives."""

from __future__ import annotations

import json
import sys

import click

from ..errors import DatelineError
from ..ingest.day_first import DayFirstOption
from .options import day_first_options

__all__ = ["places"]


@click.command("places")
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@day_first_options
def places(sources: tuple[str, ...], fmt: str, day_first: DayFirstOption) -> None:
    """Print every place name of files or URLs and what it resolves to, without a database.

    Spans are character offsets into each document's text; a JSON-lines input's own "id"
    comes back as document_id.

    \b
    Example:
        dateline places --format jsonl post.txt articles.jsonl
    """
    from ..pipeline import Engine, IngestReport, documents_from, iter_toponyms

    try:
        engine = Engine.load()
        report = IngestReport()
        for _document, toponyms in iter_toponyms(documents_from(list(sources), report=report, day_first=day_first),
                                                 engine=engine):
            for top in toponyms:
                if fmt == "jsonl":
                    click.echo(json.dumps(top.to_dict(), ensure_ascii=False))
                else:
                    place = top.place
                    where = f"{place.name} ({place.feature_code}, {place.admin1 or '-'}, {place.country or '-'})" if place else "-"
                    click.echo(f"{top.document_id}\t{top.start}-{top.end}\t{top.text}\t{where}\t"
                               f"prec {top.geo_precision or '-'}/{top.where_prec or '-'}\t{top.reason}")
    except DatelineError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    if report.failures:
        sys.exit(1)

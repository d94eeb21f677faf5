"""The ``dateline times`` command: a thin wrapper over annotate.times."""

from __future__ import annotations

import json
import sys

import click

from ..annotate.times import iter_times
from ..errors import DatelineError, IngestError
from ..ingest.day_first import DayFirstOption
from .options import day_first_options


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date to normalise against (overrides the document's).")
@day_first_options
def times(sources: tuple[str, ...], fmt: str, published: str | None, day_first: DayFirstOption) -> None:
    """Print every time expression of files or URLs: span, type and TIMEX3 value.

    Spans are character offsets into the document's text; in JSON lines each record carries
    the document's id as document_id.

    \b
    Example:
        dateline times --format jsonl --published 2008-06-20 post.txt
    """
    failures: list[IngestError] = []
    try:
        for record in iter_times(sources, published=published, day_first=day_first, failures=failures):
            if fmt == "jsonl":
                click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
            else:
                click.echo(f"{record.document_id}\t{record.start}-{record.end}\t{record.type}\t{record.value}\t{record.text}")
    except DatelineError as err:
        raise click.ClickException(str(err)) from err
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    if failures:
        sys.exit(1)

"""`dateline chronology`: the dated chronology of reviewed incidents, ready to paste into a post."""

from __future__ import annotations

from typing import Any

import click

from ..publish import chronology as build_chronology
from .options import db_option, filter_options, handle_errors, make_filter, open_db

__all__ = ["chronology"]


@click.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["md", "html", "text"]), default="md", show_default=True)
@handle_errors
def chronology(db: str | None, fmt: str, **filters: Any) -> None:
    """A dated chronology of reviewed incidents with their sources (Markdown, HTML or plain text).

    \b
    Example:
        dateline chronology --from 2008-03 --to 2008-06 --format md > chronology.md
    """
    chosen = make_filter(**filters)
    with open_db(db) as store:
        click.echo(build_chronology(store, chosen, markup=fmt), nl=False)

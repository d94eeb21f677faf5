"""What the commands share: options, the filter built from them, the store and engine they open, and
the mapping of the library's errors to one line and exit code 1."""

from __future__ import annotations

import functools
from typing import Any, Callable

import click

from ..config import database_path
from ..errors import ConfigError, DatelineError
from ..filters import ACTOR_ROLES, EventFilter
from ..ingest.day_first import day_first_rule

__all__ = ["day_first_options", "db_option", "filter_options", "handle_errors", "load_engine", "make_filter", "open_db"]


def day_first_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--day-first and --day-first-source, handed to the command as one ``day_first`` rule."""

    @click.option("--day-first", "day_first_all", is_flag=True,
                  help="Read numeric dates (16/6/08) as day/month/year in every document.")
    @click.option("--day-first-source", "day_first_sources", multiple=True, metavar="SOURCE",
                  help="Read them day first in this source's documents only (URL host such as bbc.co.uk, "
                       "or source name); repeatable. A JSON-lines record may say \"day_first\": true itself.")
    @functools.wraps(command)
    def wrapper(*args: Any, day_first_all: bool, day_first_sources: tuple[str, ...], **kwargs: Any) -> Any:
        return command(*args, day_first=day_first_rule(everywhere=day_first_all, sources=day_first_sources), **kwargs)

    return wrapper


def _fail(err: DatelineError) -> click.ClickException:
    return click.ClickException(str(err))


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's errors into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatelineError as err:
            raise _fail(err) from err

    return wrapper


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db", metavar="PATH", default=None,
        help="Database file or postgresql://user@host/dbname (default: $DATELINE_DB or ./dateline.db).",
    )(func)


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by events, timeline, onthisday and export."""
    options = [
        click.option("--from", "date_from", metavar="DATE", help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", help="Events on or before this date."),
        click.option("--place", help="Location, district, province or country (e.g. Maysan)."),
        click.option("--province", "admin1", help="Everything inside this province (admin1)."),
        click.option("--actor", help="Actor name or id (substring)."),
        click.option("--role", "actor_role", type=click.Choice(ACTOR_ROLES), default="either", show_default=True,
                     help="Which side --actor is on: actor1 (who acts), actor2 (who is acted on) or either."),
        click.option("--type", "event_type", help="Event type or sub-event type (e.g. Battles, Arrests)."),
        click.option("--text", help="Full-text match on the evidence."),
        click.option("--all", "include_flagged", is_flag=True, help="Include negated, hypothetical, future and background mentions, and rejected incidents."),
        click.option("--reviewed", is_flag=True, help="Only incidents a person accepted or edited (dateline review)."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def make_filter(**kwargs: Any) -> EventFilter:
    names = {"date_from", "date_to", "place", "admin1", "actor", "actor_role", "event_type", "text", "include_flagged", "limit"}
    filters = EventFilter(**{k: v for k, v in kwargs.items() if k in names})
    # rejected incidents are hidden like flagged ones: --all shows both; --reviewed keeps only checked ones
    filters.review = "reviewed" if kwargs.get("reviewed") else "all" if kwargs.get("include_flagged") else "published"
    try:
        filters.validate()
    except ConfigError as err:  # a malformed option value is a usage error (exit 2)
        raise click.UsageError(str(err)) from err
    return filters


def open_db(db: str | None):
    from ..store import open_store

    return open_store(database_path(db))


def load_engine():
    from ..pipeline import Engine

    return Engine.load()

"""Click options shared by commands that live in different modules (cli.py and the stages' commands)."""

from __future__ import annotations

import functools
from typing import Any, Callable

import click

from .ingest.day_first import day_first_rule

__all__ = ["day_first_options"]


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

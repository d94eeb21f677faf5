"""Exports of events: ACLED-style CSV, JSON lines, GeoJSON.

    >>> import sys
    >>> export_events(events, "acled-csv", sys.stdout)     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO

from ..errors import ExportError
from ..models import Event
from .acled_csv import write_acled_csv
from .geojson import write_geojson
from .jsonl import write_jsonl

# Each writer takes the events, the file and, by keyword, ``reviews``: incident id -> review record
# (status, edited fields, who, when, history) of the incidents a person decided on.
WRITERS: dict[str, Callable[..., int]] = {
    "acled-csv": write_acled_csv,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def export_events(events: Iterable[Event], fmt: str, fp: TextIO, *,
                  reviews: Mapping[str, Mapping[str, Any]] | None = None) -> int:
    """Write ``events`` to ``fp`` in format ``fmt`` (acled-csv, jsonl, geojson); returns how many were written.

    ``reviews`` (incident id -> review record) marks the values a person decided: ACLED's ``tags``,
    a ``review`` key in JSON lines (with the history) and in GeoJSON properties."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}", where="format", hint=f"use one of: {', '.join(FORMATS)}")
    try:
        return writer(events, fp, reviews=reviews or {})
    except OSError as err:
        raise ExportError(f"could not write {fmt}: {err}", where=str(getattr(fp, "name", "")) or None) from err


__all__ = ["FORMATS", "export_events", "write_acled_csv", "write_geojson", "write_jsonl"]

"""Exports of events: ACLED-style CSV, JSON lines, GeoJSON.

    >>> import sys
    >>> export_events(events, "acled-csv", sys.stdout)     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from ..errors import ExportError
from ..models import Event
from .acled_csv import acled_csv_chunks, write_acled_csv
from .chunks import Chunks, Reviews, write_chunks
from .geojson import geojson_chunks, write_geojson
from .jsonl import jsonl_chunks, write_jsonl
from .spreadsheet import safe_cell, safe_row

# Each writer takes the events and, by keyword, ``reviews``: the review records (status, edited fields,
# who, when, history) of the incidents a person decided on, by id or as a lookup for a batch of ids.
WRITERS: dict[str, Callable[..., Chunks]] = {
    "acled-csv": acled_csv_chunks,
    "jsonl": jsonl_chunks,
    "geojson": geojson_chunks,
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def export_chunks(events: Iterable[Event], fmt: str, *, reviews: Reviews = None) -> Chunks:
    """The export of ``events`` in format ``fmt`` as text pieces, for streaming (the web app).

    ``reviews`` marks the values a person decided: ACLED's ``tags``, a ``review`` key in JSON lines
    (with the history) and in GeoJSON properties."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}", where="format", hint=f"use one of: {', '.join(FORMATS)}")
    return writer(events, reviews=reviews)


def export_events(events: Iterable[Event], fmt: str, fp: TextIO, *, reviews: Reviews = None) -> int:
    """Write ``events`` to ``fp`` in format ``fmt`` (acled-csv, jsonl, geojson); returns how many were written."""
    chunks = export_chunks(events, fmt, reviews=reviews)
    try:
        return write_chunks(chunks, fp)
    except OSError as err:
        raise ExportError(f"could not write {fmt}: {err}", where=str(getattr(fp, "name", "")) or None) from err


__all__ = ["FORMATS", "export_chunks", "export_events", "safe_cell", "safe_row", "write_acled_csv", "write_geojson",
           "write_jsonl"]

"""Exports of events: ACLED-style CSV, JSON lines, GeoJSON.

    >>> import sys
    >>> export_events(events, "acled-csv", sys.stdout)     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from ..errors import ExportError
from ..models import Event
from .acled_csv import write_acled_csv
from .geojson import write_geojson
from .jsonl import write_jsonl

WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "acled-csv": write_acled_csv,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def export_events(events: Iterable[Event], fmt: str, fp: TextIO) -> int:
    """Write ``events`` to ``fp`` in format ``fmt`` (acled-csv, jsonl, geojson); returns how many were written."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}", where="format", hint=f"use one of: {', '.join(FORMATS)}")
    try:
        return writer(events, fp)
    except OSError as err:
        raise ExportError(f"could not write {fmt}: {err}", where=str(getattr(fp, "name", "")) or None) from err


__all__ = ["FORMATS", "export_events", "write_acled_csv", "write_geojson", "write_jsonl"]

"""Events as JSON lines: one flat record (Event.to_record) per line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..models import Event
from .chunks import ROWS_PER_CHUNK, Chunks, Reviews, reviewed, write_chunks


def jsonl_chunks(events: Iterable[Event], *, reviews: Reviews = None) -> Chunks:
    """One JSON object per event per line (with its ``review`` and history when a person decided on it),
    a few hundred lines a piece; returns the number of lines."""
    lines: list[str] = []
    count = 0
    for event, review in reviewed(events, reviews):
        record = event.to_record()
        if review:
            record["review"] = dict(review)
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
        if len(lines) == ROWS_PER_CHUNK:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)
    return count


def write_jsonl(events: Iterable[Event], fp: TextIO, *, reviews: Reviews = None) -> int:
    """Write one JSON object per event per line; returns the number of lines."""
    return write_chunks(jsonl_chunks(events, reviews=reviews), fp)

"""Events as JSON lines: one flat record (Event.to_record) per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from ..models import Event


def write_jsonl(events: Iterable[Event], fp: TextIO, *, reviews: Mapping[str, Mapping[str, Any]] | None = None) -> int:
    """Write one JSON object per event per line (with its ``review`` and history when a person decided
    on it); returns the number of lines."""
    count = 0
    reviews = reviews or {}
    for event in events:
        record = event.to_record()
        if event.event_id in reviews:
            record["review"] = dict(reviews[event.event_id])
        fp.write(json.dumps(record, ensure_ascii=False))
        fp.write("\n")
        count += 1
    return count

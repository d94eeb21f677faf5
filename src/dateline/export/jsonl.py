"""Events as JSON lines: one flat record (Event.to_record) per line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..models import Event


def write_jsonl(events: Iterable[Event], fp: TextIO) -> int:
    """Write one JSON object per event per line; returns the number of lines."""
    count = 0
    for event in events:
        fp.write(json.dumps(event.to_record(), ensure_ascii=False))
        fp.write("\n")
        count += 1
    return count

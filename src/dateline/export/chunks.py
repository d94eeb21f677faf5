"""Exports as a stream of text pieces: the web app sends them as they come, files get them written.

A writer is a generator of ``str`` pieces that returns how many events it wrote; memory stays at
one batch of rows whatever the number of events.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from ..models import Event

__all__ = ["Chunks", "ROWS_PER_CHUNK", "ReviewLookup", "Reviews", "drain", "reviewed", "write_chunks"]

ROWS_PER_CHUNK = 500
Chunks = Generator[str, None, int]
# Review records (status, edited fields, who, when, history) by incident id, or a function that finds
# them for a batch of ids: a stream then asks the store one batch at a time.
ReviewLookup = Callable[[Sequence[str]], Mapping[str, Mapping[str, Any]]]
Reviews = Mapping[str, Mapping[str, Any]] | ReviewLookup | None


def drain(buffer: io.StringIO) -> str:
    """The buffer's text, leaving it empty for the next rows."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def write_chunks(chunks: Chunks, fp: TextIO) -> int:
    """Write every piece to ``fp``; returns the writer's count."""
    while True:
        try:
            fp.write(next(chunks))
        except StopIteration as stop:
            return stop.value


def reviewed(events: Iterable[Event], reviews: Reviews) -> Iterator[tuple[Event, Mapping[str, Any] | None]]:
    """Each event with the review record of the person who decided on it (None when nobody did)."""
    if reviews is None:
        yield from ((event, None) for event in events)
        return
    if isinstance(reviews, Mapping):
        yield from ((event, reviews.get(event.event_id)) for event in events)
        return
    stream = iter(events)
    while batch := list(itertools.islice(stream, ROWS_PER_CHUNK)):
        found = reviews([event.event_id for event in batch])
        yield from ((event, found.get(event.event_id)) for event in batch)

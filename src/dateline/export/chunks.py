"""Exports as a stream of text pieces: the web app sends them as they come, files get them written.

A writer is a generator of ``str`` pieces that returns how many events it wrote; memory stays at
one batch of rows whatever the number of events.
"""

from __future__ import annotations

import io
from collections.abc import Generator
from typing import TextIO

__all__ = ["Chunks", "ROWS_PER_CHUNK", "drain", "write_chunks"]

ROWS_PER_CHUNK = 500
Chunks = Generator[str, None, int]


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

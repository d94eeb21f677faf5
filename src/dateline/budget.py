"""How much one document may cost: a size and a time budget, so no input hangs a batch.

A document over ``max_chars`` is refused before the NLP runs (annotation is linear in length, so
the size bounds its time). ``seconds`` covers the reading of a long document (one read piece by
piece, ``annotate/pipeline.py``: checked between pieces, and refused as soon as the part read shows
the whole would pass the budget) and the extraction of every document (checked between sentences).
Either way the document gets one line naming it and the batch goes on.

    DATELINE_MAX_CHARS          characters per document (default 2,000,000)
    DATELINE_DOCUMENT_SECONDS   seconds of reading and extraction per document (default 300)
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from .config import env_number
from .errors import ExtractError
from .models import Document

__all__ = ["Budget", "Deadline", "MAX_CHARS_ENV", "SECONDS_ENV", "document_name"]

MAX_CHARS_ENV = "DATELINE_MAX_CHARS"
SECONDS_ENV = "DATELINE_DOCUMENT_SECONDS"
# 2 million characters: a 1 MB single-paragraph page passes with room; news articles are under 50,000.
_DEFAULT_MAX_CHARS = 2_000_000
# Measured: about 1,500 words/s per core on a loaded 2-core machine, so a document at the size limit
# (2 million characters, about 340,000 words) takes about 4 minutes at worst: the time budget admits
# what the size budget does, and stops what is slow for another reason. A news article takes seconds.
_DEFAULT_SECONDS = 300.0
# the share of a long document read before its projected time may refuse it (a smaller sample is noise)
_PROJECT_AFTER = 0.2


@dataclass(frozen=True, slots=True)
class Budget:
    """The most one document may cost; ``None`` switches a limit off."""

    max_chars: int | None = _DEFAULT_MAX_CHARS
    seconds: float | None = _DEFAULT_SECONDS

    @classmethod
    def from_env(cls, *, max_chars: int | None = None, seconds: float | None = None) -> Budget:
        """Given values, else $DATELINE_MAX_CHARS / $DATELINE_DOCUMENT_SECONDS, else the defaults (0 = no limit)."""
        chars = max_chars if max_chars is not None else env_number(MAX_CHARS_ENV, int, _DEFAULT_MAX_CHARS)
        secs = seconds if seconds is not None else env_number(SECONDS_ENV, float, _DEFAULT_SECONDS)
        return cls(max_chars=int(chars) or None, seconds=float(secs) or None)

    def refusal(self, document: Document) -> ExtractError | None:
        """The one-line refusal of a document over the size limit, else None."""
        if self.max_chars is None or len(document.text) <= self.max_chars:
            return None
        return ExtractError(f"document is {len(document.text):,} characters, over the {self.max_chars:,} limit",
                            where=document_name(document), hint=f"split it, or raise ${MAX_CHARS_ENV}")

    def deadline(self, document: Document) -> Deadline:
        """The clock for extracting one document, started now."""
        ends = None if self.seconds is None else time.monotonic() + self.seconds
        return Deadline(ends, self.seconds, document_name(document))


@dataclass(frozen=True, slots=True)
class Deadline:
    """When extraction of one document must give up (``ends`` on the monotonic clock; None: never)."""

    ends: float | None = None
    seconds: float | None = None
    name: str = ""

    def check_reading(self, done: int, total: int) -> None:
        """Raise ExtractError once the time is up while reading a long document (`done` of `total`
        characters read), or as soon as a fifth or more is read and the time it took says the whole
        would pass the budget."""
        if self.ends is None or self.seconds is None:
            return
        now = time.monotonic()
        hint = f"split the document, or raise ${SECONDS_ENV}"
        if now > self.ends:
            raise ExtractError(f"reading passed its {self.seconds:g} s budget after {done:,} of {total:,} characters",
                               where=self.name, hint=hint)
        spent = now - (self.ends - self.seconds)
        if done >= total * _PROJECT_AFTER and done and spent * total / done > self.seconds:
            raise ExtractError(f"reading would take about {spent * total / done:,.0f} s ({done:,} of {total:,} characters "
                               f"took {spent:.0f} s), over its {self.seconds:g} s budget", where=self.name, hint=hint)

    def check(self, done: int) -> None:
        """Raise ExtractError once the time is up; `done` is how many sentences were read."""
        if self.ends is not None and time.monotonic() > self.ends:
            raise ExtractError(f"extraction passed its {self.seconds:g} s budget after {done:,} sentences",
                               where=self.name, hint=f"split the document, or raise ${SECONDS_ENV}")


def document_name(document: Document) -> str:
    """Where a document came from and its id ("wire.jsonl: 17"), for one-line messages."""
    if document.origin and document.origin != document.id:
        return f"{document.origin}: {document.id}"
    return document.id



"""The time expressions of documents, as plain records (``dateline times``, scorers, tools).

    iter_times(sources, published=None)   one TimeRecord per expression, document by document
    document_times(document)              the records of one Document

Spans are character offsets into the document's ``text``; the values are relative to the
document's publication date, or to ``published`` when given (it overrides the document's).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any, Iterator, Sequence

from ..errors import ConfigError, IngestError
from ..ingest.day_first import DayFirstOption
from ..models import Document
from .timex import find_timexes, parse_published

log = logging.getLogger(__name__)


@dataclass(slots=True)
class TimeRecord:
    """One time expression of one document."""

    document_id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: str | None
    date_end: str | None
    precision: int | None
    mod: str | None
    anchored: bool
    anchored_on_narrative: bool
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_published(value: str | None) -> str | None:
    """A --published value as YYYY-MM-DD, or ConfigError."""
    if value is None:
        return None
    if parse_published(value) is None:
        raise ConfigError(f"not a date: {value!r}", where="--published", hint="write it as YYYY-MM-DD")
    return value[:10]


def document_times(document: Document, *, published: str | None = None, day_first: bool | None = None) -> list[TimeRecord]:
    """Every time expression of one document, relative to ``published`` or its own date; numeric
    dates day first when ``day_first`` says so (None: as the document's reader decided)."""
    ref = published or document.published
    return [
        TimeRecord(document.id, t.start, t.end, t.text, t.type, t.value, t.date_start, t.date_end, t.precision, t.mod,
                   t.anchored, t.anchored_on_narrative, ref)
        for t in find_timexes(document.text, ref, day_first=document.day_first if day_first is None else day_first)
    ]


def iter_times(
    sources: Sequence[str], *, published: str | None = None, day_first: DayFirstOption = False, failures: list[IngestError] | None = None
) -> Iterator[TimeRecord]:
    """Time expressions of files and URLs; an unreadable input goes to ``failures`` and the rest go on."""
    from ..ingest import iter_documents

    published = check_published(published)
    for item in iter_documents(sources, day_first=day_first):
        if isinstance(item, IngestError):
            log.info("%s", item)  # in failures; the caller prints it once
            if failures is not None:
                failures.append(item)
            continue
        yield from document_times(item, published=published)

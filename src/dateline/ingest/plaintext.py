"""Plain text and Markdown documents, and `document_from_text`, which every reader uses."""

from __future__ import annotations

import hashlib
import logging

from dateline.errors import IngestError
from dateline.models import REFERENCES, Document

from .day_first import DayFirstOption, reads_day_first
from .decode import clean_text
from .references import normalise_date, parse_references
from .sections import parse_header, split_sections

logger = logging.getLogger(__name__)

__all__ = ["document_from_text", "hash_id", "read_plaintext", "require_text"]


def hash_id(text: str) -> str:
    """Fallback document id: "sha1-" + 16 hex digits of the sha1 of the raw text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def document_from_text(
    text: str,
    *,
    id: str | None = None,  # noqa: A002 - the public name of the field
    title: str | None = None,
    published: object = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    origin: str | None = None,
    day_first: DayFirstOption = False,
) -> Document:
    """A Document with sections and references; metadata not given is read from header lines.

    `published` may be any date-like value; it is stored as an ISO date or None (never today).
    The id defaults to the URL, else a hash of the text.
    """
    url, source = _blank_to_none(url), _blank_to_none(source)
    day_first = reads_day_first(day_first, url=url, source=source)
    text = clean_text(text)
    header = parse_header(text, day_first=day_first)
    sections = split_sections(text, day_first=day_first)
    references = []
    for section in sections:
        if section.kind == REFERENCES:
            references.extend(
                parse_references(
                    text[section.start : section.end], offset=section.start, day_first=day_first
                )
            )
    iso = normalise_date(published, day_first=day_first) if published is not None else None
    if published not in (None, "") and iso is None:
        logger.debug("unparseable published date %r ignored", published)
    return Document(
        id=_blank_to_none(id) or url or hash_id(text),  # an id of control characters alone is no id
        text=text,
        title=_blank_to_none(title) or header.title,
        published=iso or header.published,
        url=url,
        source=source,
        author=_blank_to_none(author) or header.author,
        origin=origin,
        sections=sections,
        references=references,
        day_first=day_first,
    )


def require_text(document: Document, *, where: str) -> Document:
    """The document, or IngestError when no text is left once control characters and invisible
    marks are dropped (a record of "\\u0000" alone, a file of a byte order mark alone)."""
    if document.text.strip():
        return document
    raise IngestError("no text left after removing control characters", where=where,
                      hint="the input holds only control or invisible characters")


def _blank_to_none(value: object) -> str | None:
    """A metadata value as one clean line, or None when blank."""
    if value is None:
        return None
    text = " ".join(clean_text(str(value)).split())
    return text or None


def read_plaintext(text: str, *, origin: str | None = None, day_first: DayFirstOption = False) -> Document:
    """A plain-text or Markdown file: the text is kept as decoded, header lines give metadata."""
    return require_text(document_from_text(text, origin=origin, day_first=day_first), where=origin or "<text>")

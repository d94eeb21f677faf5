"""RSS, Atom and RDF feed files: one Document per entry (feedparser)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

import feedparser

from dateline.errors import IngestError
from dateline.models import Document

from .day_first import DayFirstOption, reads_day_first
from .html import html_to_text
from .plaintext import document_from_text
from .references import normalise_date

logger = logging.getLogger(__name__)

__all__ = ["iter_feed", "looks_like_feed"]

_FEED_HINT = "expected an RSS, Atom or RDF feed; check the file is complete"


def looks_like_feed(head: str) -> bool:
    """Whether the start of a text is an RSS/Atom/RDF document."""
    start = head.lstrip("\ufeff \t\r\n")[:2000].lower()
    if start.startswith("<?xml"):
        return any(tag in start for tag in ("<rss", "<feed", "<rdf:rdf"))
    return start.startswith(("<rss", "<feed", "<rdf:rdf"))


def iter_feed(
    data: bytes | str, *, origin: str, day_first: DayFirstOption = False
) -> Iterator[Document | IngestError]:
    """Documents for the entries of a feed; one IngestError per unusable entry.

    Raises IngestError when the data is not a feed or is too broken to give any entry.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    # A stream, never a str/bytes: feedparser would treat those as a URL or file name to open.
    parsed = feedparser.parse(io.BytesIO(raw))
    entries = parsed.entries
    problem = parsed.get("bozo_exception")
    if not parsed.version and not entries:
        detail = f" ({problem})" if problem else ""
        raise IngestError(f"not a readable feed{detail}", where=origin, hint=_FEED_HINT)
    usable = [e for e in entries if _entry_text(e) or e.get("title")]
    if not usable:
        detail = f"malformed feed ({problem})" if parsed.bozo else "feed has no entries"
        raise IngestError(detail, where=origin, hint=_FEED_HINT)
    if parsed.bozo:
        logger.warning("%s: feed is not well-formed (%s); reading what could be parsed", origin, problem)
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        where = f"{origin}:entry {number}"
        try:
            yield _document(entry, source=source, origin=origin, where=where, day_first=day_first)
        except IngestError as err:
            yield err


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value") or "")
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def _document(entry: Any, *, source: str | None, origin: str, where: str, day_first: DayFirstOption) -> Document:
    title = html_to_text(entry.get("title") or "") or None
    text = _entry_text(entry) or title
    if not text:
        raise IngestError("feed entry has no title, summary or content", where=where, hint=_FEED_HINT)
    link = entry.get("link") or None
    day_first = reads_day_first(day_first, url=link, source=source)
    return document_from_text(
        text,
        id=entry.get("id") or link,
        title=title,
        published=_entry_date(entry, day_first=day_first),
        url=link,
        source=source,
        author=entry.get("author") or None,
        origin=origin,
        day_first=day_first,
    )


def _entry_date(entry: Any, *, day_first: bool) -> str | None:
    # The literal date first: feedparser's *_parsed values are shifted to UTC.
    for key in ("published", "updated", "created"):
        iso = normalise_date(entry.get(key), day_first=day_first)
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return normalise_date(entry[key])
    return None

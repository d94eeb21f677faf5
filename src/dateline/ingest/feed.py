"""RSS, Atom and RDF feed files: one Document per entry (feedparser)."""

from __future__ import annotations

import codecs
import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from dateline.errors import IngestError
from dateline.models import Document

from .day_first import DayFirstOption, reads_day_first
from .html import html_to_text
from .plaintext import document_from_text, require_text
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
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    try:
        # A stream, never a str/bytes: feedparser would treat those as a URL or file name to open.
        parsed = feedparser.parse(io.BytesIO(_valid_xml_characters(raw)))
    except Exception as exc:  # noqa: BLE001 - feedparser's own failures have no common base class
        raise IngestError(f"not a readable feed ({type(exc).__name__}: {exc})", where=origin, hint=_FEED_HINT) from exc
    entries = parsed.entries
    problem = parsed.get("bozo_exception")
    if not parsed.version and not entries:
        detail = f" ({problem})" if problem else ""
        raise IngestError(f"not a readable feed{detail}", where=origin, hint=_FEED_HINT)
    if parsed.bozo:
        logger.warning("%s: feed is not well-formed (%s); reading what could be parsed", origin, problem)
    source = parsed.feed.get("title") or None
    items = [_entry(entry, number, source=source, origin=origin, day_first=day_first)
             for number, entry in enumerate(entries, start=1)]
    if not any(isinstance(item, Document) for item in items):
        detail = f"malformed feed ({problem})" if parsed.bozo else "feed has no entries"
        raise IngestError(detail, where=origin, hint=_FEED_HINT)
    yield from items


def _entry(entry: Any, number: int, *, source: str | None, origin: str, day_first: DayFirstOption) -> Document | IngestError:
    """One entry's document, or the one-line error that costs only this entry."""
    where = f"{origin}:entry {number}"
    try:
        return _document(entry, source=source, origin=origin, where=where, day_first=day_first)
    except IngestError as err:
        return err
    except Exception as exc:  # noqa: BLE001 - one entry the parsers choke on must not lose its neighbours
        logger.debug("entry %s failed", where, exc_info=True)
        return IngestError(f"unreadable entry ({type(exc).__name__}: {exc})", where=where, hint=_FEED_HINT)


# Numeric character references to code points XML 1.0 forbids (surrogates, C0 controls, beyond
# U+10FFFF): feedparser decodes them into strings that cannot be encoded and then fails on the
# whole feed. Raw control bytes are refused by the XML parser the same way.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_RAW_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_char_allowed(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _valid_xml_characters(raw: bytes) -> bytes:
    """The feed with forbidden character references made U+FFFD and raw control bytes dropped
    (left alone in UTF-16/32 data, where those bytes are parts of characters)."""
    def replace(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        return match.group(0) if _xml_char_allowed(code) else b"&#xFFFD;"

    cleaned = _CHAR_REF.sub(replace, raw)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or raw[:4].count(b"\x00") >= 2:
        return cleaned
    return _RAW_CONTROLS.sub(b"", cleaned)


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
    return require_text(document_from_text(
        text,
        id=entry.get("id") or link,
        title=title,
        published=_entry_date(entry, day_first=day_first),
        url=link,
        source=source,
        author=entry.get("author") or None,
        origin=origin,
        day_first=day_first,
    ), where=where)


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

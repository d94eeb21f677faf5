"""Text as PostgreSQL can hold it: every string parameter of a PostgreSQL connection, cleaned.

PostgreSQL ``text`` refuses NUL and a UTF-8 database refuses unpaired surrogates (JSON's
``"\\ud800"``), while SQLite stores both. The readers drop such characters already
(``ingest/decode.py``); this is the store's own guarantee for every other way in (the Python
API, a future reader): each one becomes U+FFFD, one character for one, so the offsets of
evidence spans and sections still point at the same text. Registered per connection, it covers
documents, metadata, events, incidents and query parameters alike, so a lookup by an id
holding NUL finds the document stored under the cleaned id.
"""

from __future__ import annotations

import logging
import re

import psycopg
from psycopg.abc import Buffer
from psycopg.types.string import StrDumperUnknown

log = logging.getLogger(__name__)

__all__ = ["REPLACEMENT", "register_storable_text", "storable_text"]

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """`text` with NUL and unpaired surrogates replaced by U+FFFD (same length, same offsets)."""
    if "\x00" in text:
        text = text.replace("\x00", REPLACEMENT)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub(REPLACEMENT, text)
    return text


class _StorableTextDumper(StrDumperUnknown):
    """psycopg's default dumper for str (text format, unknown oid), after storable_text."""

    def dump(self, obj: str) -> Buffer | None:
        cleaned = storable_text(obj)
        if cleaned is not obj:
            log.debug("a text value held NUL or an unpaired surrogate; stored with U+FFFD")
        return super().dump(cleaned)


def register_storable_text(conn: psycopg.Connection) -> psycopg.Connection:
    """Make every str parameter of `conn` storable (see the module's docstring); returns `conn`."""
    conn.adapters.register_dumper(str, _StorableTextDumper)
    return conn

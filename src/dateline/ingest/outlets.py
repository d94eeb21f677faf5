"""A document's outlet, when its reader found none: a credit line in the text, else the URL's host.

Readers take the outlet from HTML metadata, the feed's title or the JSON-lines ``source``; plain text
often says it only in a credit line ("BAGHDAD (Reuters) -", "(AP) --", "..., Associated Press"), and a
page without metadata still has a host. The agencies and their credit forms are data
(``data/outlets.yaml``).
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

import yaml

from ..config import package_data
from ..models import Document

__all__ = ["credit_line_outlet", "fill_outlet", "host_outlet", "source_key", "url_host"]

# Where a credit line sits: the first characters of the text (dateline) or its last ones (sign-off).
HEAD_CHARS = 300
TAIL_CHARS = 200


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], re.Pattern[str], str]]:
    entries = yaml.safe_load(package_data("outlets.yaml").read_text(encoding="utf-8")) or []
    found = []
    for entry in entries:
        forms = "|".join(re.escape(f) for f in sorted(entry["forms"], key=len, reverse=True))
        # "(AP)", "(Reuters) -", "— AFP", "By Jane Doe, Associated Press"
        head = re.compile(rf"\((?:{forms})\)|^(?:{forms})\s*[-—–:]|\b(?:{forms})\s*[-—–]{{1,2}}\s", re.M)
        tail = re.compile(rf"(?:[-—–,]\s*|\bBy\b[^\n]{{0,60}},\s*)(?:{forms})\s*\.?\s*$|\((?:{forms})\)\s*$")
        found.append((head, tail, entry["name"]))
    return found


def credit_line_outlet(text: str) -> str | None:
    """The agency a credit line at the start or end of the text names."""
    head, tail = text[:HEAD_CHARS], text[-TAIL_CHARS:].rstrip()
    for head_re, tail_re, name in _patterns():
        if head_re.search(head) or tail_re.search(tail):
            return name
    return None


def host_outlet(url: str | None) -> str | None:
    """The host of a URL without "www." (a malformed URL has none)."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def fill_outlet(document: Document) -> Document:
    """Set ``source`` from the credit line or the URL when the reader found no outlet (in place)."""
    if not (document.source or "").strip():
        document.source = credit_line_outlet(document.text) or host_outlet(document.url)
    return document


def source_key(*, url: str | None = None, source: str | None = None) -> str | None:
    """The key documents of one outlet share: the URL's host without "www.", else the source name."""
    host = url_host(url).removeprefix("www.") if url else ""
    if host:
        return host
    name = (source or "").strip().casefold()
    return name or None


def url_host(url: str) -> str:
    """The lower-case host of a URL or bare host name; "" when it has none or is malformed.

    URLs come from untrusted records and pages (``http://[oops/x``): a malformed one is a URL
    without a host, never an error that stops the batch.
    """
    try:
        return urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # an unclosed IPv6 bracket, a netloc that NFKC turns into a delimiter
        return ""

"""HTML pages (main text and metadata via trafilatura) and HTML fragments to plain text."""

from __future__ import annotations

import datetime as dt
import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from dateline.errors import IngestError
from dateline.models import COMMENTS, Document, Section

from .day_first import DayFirstOption
from .decode import clean_text
from .plaintext import document_from_text

logger = logging.getLogger(__name__)

__all__ = ["html_to_text", "read_html"]

# Fewer words than this is navigation residue ("Home"), not an article.
_MIN_WORDS = 5
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "pre", "section", "article", "header", "footer", "dd", "dt", "hr",
}


def read_html(
    html: str,
    *,
    origin: str | None = None,
    url: str | None = None,
    day_first: DayFirstOption = False,
) -> Document:
    """One Document from an HTML page: trafilatura's main text, title, author, date, site name.

    The page's comments are appended after the main text as a ``comments`` section. Raises
    IngestError when the page has no main text.
    """
    where = origin or url or "<html>"
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=True
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise IngestError(f"could not parse HTML: {exc}", where=where, hint="is it an HTML page?") from exc
    main = _paragraphs(result.text if result is not None else "")
    if len(main.split()) < _MIN_WORDS:
        raise IngestError(
            "no main text found in HTML",
            where=where,
            hint="save the article page itself, or give its text as .txt",
        )
    comments = _paragraphs(result.comments or "")
    text = main + ("\n\n" + comments if comments else "")
    page_url = result.url or url
    doc = document_from_text(
        text,
        id=page_url,
        title=result.title,
        published=_not_invented(result.date, html),
        url=page_url,
        source=result.sitename,
        author=result.author,
        origin=origin,
        day_first=day_first,
    )
    if comments:
        main_end = len(main)
        doc.sections = [
            Section(s.kind, s.start, min(s.end, main_end)) for s in doc.sections if s.start < main_end
        ]
        doc.sections.append(Section(COMMENTS, main_end, len(text)))
        doc.references = [r for r in doc.references if r.end <= main_end]
    return doc


def _paragraphs(text: str) -> str:
    """trafilatura's one-line-per-paragraph text with blank lines between paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _blocks(text: str) -> str:
    """Paragraphs split at blank lines, whitespace inside each collapsed (wrapped lines joined)."""
    chunks = (" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text))
    return "\n\n".join(chunk for chunk in chunks if chunk)


def _not_invented(date: str | None, html: str) -> str | None:
    """Drop a 'today' date the page does not state (date guessers fall back to now)."""
    if not date:
        return None
    today = dt.date.today()
    if date.startswith(today.isoformat()) and today.isoformat() not in html and str(today.year) not in html:
        logger.debug("dropping today's date %s not found in the page", date)
        return None
    return date


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), one blank line between blocks."""
    fragment = clean_text(fragment)  # lxml refuses control characters outright
    if "<" not in fragment:
        return _blocks(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError) as exc:
        # AssertionError: lxml's "too many bodies" on a fragment that is a bare <html> element
        logger.debug("fragment not parseable as HTML (%s); stripping tags", exc)
        return _blocks(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n\n" + (element.text or "")
    return _blocks(root.text_content())

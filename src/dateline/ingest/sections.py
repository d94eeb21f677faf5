"""Split a document's text into header, body, references, sidebar and comments sections.

Only body sections feed event extraction, so the rules lean towards keeping prose in the
body and moving out only what is clearly not the article:

- header: leading front matter, date lines, one title line ("# Title" or a short line with
  no final period), and a "By ..." byline;
- references: a heading ("References", "Sources:") or a run of citation-shaped lines;
- comments: "No comments:", "3 comments:", "Post a Comment", "Comments", ... and what follows;
- sidebar: "This Day In Iraqi History - ...", "Related posts", "Labels:", "Archive", ... and
  what follows.

Sections are contiguous and cover the whole text; each starts at its first non-blank line
(the first at 0) and keeps the blank lines after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.models import BODY, COMMENTS, HEADER, REFERENCES, SIDEBAR, Section

from .references import is_citation_line, is_reference_heading, match_date

__all__ = ["Header", "parse_header", "split_sections", "line_kind"]

_COMMENTS = re.compile(
    r"^(?:(?:no|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,5})\s+comments?\s*:?"
    r"|post an? comment|comments?(?:\s*\(\d+\))?\s*:?|leave an? (?:comment|reply)"
    r"|\d{1,5}\s+(?:responses?|replies)(?:\s+to\b.*)?|(?:add|write) (?:a|your) comment\b.*"
    r"|reader comments|show comments|view comments)\s*$",
    re.I,
)
_SIDEBAR_LINE = re.compile(
    r"^(?:related (?:posts?|articles?|stories|links|content|reading)|(?:blog )?archives?"
    r"|popular posts|about me|followers|blog ?roll|newer posts?|older posts?|subscribe"
    r"|share this(?: post| article| story)?|you (?:may|might) also like|more stories"
    r"|most (?:read|popular|viewed)|recommended(?: for you)?|trending now|home)\s*:?\s*$",
    re.I,
)
_SIDEBAR_START = re.compile(
    r"^(?:this day in\b|on this day\b|labels?:|tags?:|categories:|filed under:"
    r"|subscribe to:|posted by\s+\S.{0,80}$|copyright\b|©)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|al-?\w*)){0,8}$", re.I)
_MD_TITLE = re.compile(r"^#\s+(?P<title>\S.*?)\s*#*\s*$")
_DATE_PREFIX = re.compile(r"^(?:posted|published|updated|date)\s*(?:on|:)?\s*", re.I)
# A wire story's dateline with its year: "BAGHDAD, June 19, 2008 (AP) —", "KABUL, Afghanistan, 5 March 2009 -"
_WIRE_DATELINE = re.compile(r"(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?),\s+"
                            r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                            r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+[0-3]?\d|[0-3]?\d\s+[A-Z][a-z]{2,8}\.?),?\s+(?:19|20)\d\d)"
                            r"\s*(?:\([^()]{1,40}\))?\s*(?:[-—–:]+\s*|$)")
_MAX_TITLE = 200
_MAX_MARKER = 120


@dataclass(slots=True)
class Header:
    """What the leading lines of a text say about it; `end` is where the body starts."""

    end: int = 0
    title: str | None = None
    published: str | None = None
    author: str | None = None


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its newline) for every line."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def _clean(line: str) -> str:
    # Blogger pages carry no-break spaces as "blank" lines.
    return line.replace("\u00a0", " ").strip()


def line_kind(line: str) -> str | None:
    """The section a marker line opens (comments, sidebar, references), or None."""
    text = _clean(line)
    if not text:
        return None
    if len(text) <= _MAX_MARKER and _COMMENTS.match(text):
        return COMMENTS
    if len(text) <= _MAX_MARKER and _SIDEBAR_LINE.match(text):
        return SIDEBAR
    if _SIDEBAR_START.match(text):
        return SIDEBAR
    if is_reference_heading(text):
        return REFERENCES
    return None


def _header_date(text: str, day_first: bool) -> str | None:
    found = match_date(_DATE_PREFIX.sub("", text), day_first=day_first, full=True)
    return found.iso if found else None


def _wire_date(line: str, day_first: bool) -> tuple[str, int] | None:
    """(ISO date, length of the dateline) when the line opens with a wire dateline that gives a year."""
    m = _WIRE_DATELINE.match(line)
    if m is None:
        return None
    found = match_date(m["date"], day_first=day_first, full=True)
    return (found.iso, m.end()) if found else None


def _title_like(text: str) -> bool:
    # a headline cut short ("A suicide bomber has killed at least 18 people at a ...") is still one
    cut = text.endswith(("...", "…")) and not text.rstrip(".… ").endswith((".", ",", ":", ";"))
    return (
        len(text) <= _MAX_TITLE
        and (cut or not text.endswith((".", ",", ":", ";")))
        and line_kind(text) is None
        and not is_citation_line(text)
    )


def _front_matter(lines: list[tuple[int, str]]) -> tuple[int, dict[str, str]] | None:
    """(index after the closing '---', key/values) for YAML-ish front matter, else None."""
    if not lines or lines[0][1].strip() != "---":
        return None
    for i in range(1, min(len(lines), 60)):
        if lines[i][1].strip() in ("---", "..."):
            values = {}
            for _, line in lines[1:i]:
                key, sep, value = line.partition(":")
                if sep and key.strip() and not key.startswith((" ", "\t", "-")):
                    values[key.strip().lower()] = value.strip().strip("'\"")
            return i + 1, values
    return None


def parse_header(text: str, *, day_first: bool = False) -> Header:
    """Read the header lines: front matter, date line, title line, byline.

    A title line is only taken when more text follows it, so a one-line text stays body.
    """
    lines = _lines(text)
    header = Header()
    index = 0
    front = _front_matter(lines)
    if front is not None:
        index, values = front
        header.title = values.get("title") or None
        header.published = _header_date(values.get("date", ""), day_first) if values.get("date") else None
        header.author = values.get("author") or None
        header.end = lines[index][0] if index < len(lines) else len(text)
    seen_title = header.title is not None
    for i in range(index, len(lines)):
        start, raw = lines[i]
        line = _clean(raw)
        if not line:
            continue
        more_follows = any(_clean(rest) for _, rest in lines[i + 1 :])
        published = _header_date(line, day_first) if header.published is None else None
        wire = _wire_date(line, day_first) if header.published is None and not published else None
        if wire is not None:
            header.published = wire[0]
            if line[wire[1]:].strip():  # the story goes on after its dateline: the line is body
                header.end = start
                return header
            continue
        if published:
            header.published = published
        elif not seen_title and (md := _MD_TITLE.match(line)) and more_follows:
            header.title, seen_title = md.group("title"), True
        elif not seen_title and _title_like(line) and more_follows:
            header.title, seen_title = line, True
        elif header.author is None and seen_title and _BYLINE.match(line) and more_follows:
            header.author = line[3:].strip()
        else:
            header.end = start
            return header
    header.end = len(text)
    return header


def _kinds(lines: list[tuple[int, str]], body_from: int) -> list[tuple[int, str]]:
    """(offset, kind) where each section after the header starts, in order."""
    starts: list[tuple[int, str]] = []
    current = BODY
    under_heading = False  # a list opened by "References" runs to the next marker
    i = 0
    while i < len(lines):
        start, raw = lines[i]
        line = _clean(raw)
        if start < body_from or not line:
            i += 1
            continue
        marker = line_kind(line)
        if marker is not None:
            current, under_heading = marker, marker == REFERENCES
            starts.append((start, marker))
        elif current in (BODY, REFERENCES) and is_citation_line(line):
            if current == BODY:
                starts.append((start, REFERENCES))
                current = REFERENCES
            i = _citation_run(lines, i)
            continue
        elif current == REFERENCES and not under_heading:
            # Prose after a list found only by its shape: back to the body.
            starts.append((start, BODY))
            current = BODY
        i += 1
    return starts


def _citation_run(lines: list[tuple[int, str]], i: int) -> int:
    """Index of the line after the last citation of the run starting at i (blanks allowed)."""
    last = i
    for j in range(i, len(lines)):
        line = _clean(lines[j][1])
        if line and not is_citation_line(line):
            break
        if line:
            last = j
    return last + 1


def split_sections(text: str, *, day_first: bool = False) -> list[Section]:
    """Sections covering `text` (offsets into it): header, body, references, sidebar, comments."""
    if not text:
        return []
    lines = _lines(text)
    header = parse_header(text, day_first=day_first)
    starts: list[tuple[int, str]] = []
    if header.end > 0:
        starts.append((0, HEADER))
    if header.end < len(text):
        starts.append((0 if header.end == 0 else header.end, BODY))
    starts.extend(_kinds(lines, header.end))
    sections: list[Section] = []
    for n, (start, kind) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        if sections and sections[-1].kind == kind:
            sections[-1].end = end  # merge e.g. "No comments:" + "Post a Comment"
        elif end > start:
            sections.append(Section(kind, start, end))
    if sections:
        sections[0].start = 0
    return [s for s in sections if s.end > s.start]

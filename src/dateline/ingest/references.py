"""Dates in headers and citations, and parsing of a document's reference list.

A citation line looks like one of::

    Surname, Given, “Title,” Outlet, 6/16/08
    - “Title,” Outlet, 6/17/08          (continuation: same author as the line above)
    Outlet, “Title,” 6/20/08            (no author)

Authors are normalised to "Given Surname", several joined with "; "
("Tavernise, Sabrina and Mizher, Qais" -> "Sabrina Tavernise; Qais Mizher").
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from dateline.models import Reference

logger = logging.getLogger(__name__)

__all__ = [
    "DateMatch",
    "is_citation_line",
    "is_reference_heading",
    "match_date",
    "normalise_authors",
    "normalise_date",
    "parse_citation",
    "parse_references",
]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)"
_ORD = r"(?:st|nd|rd|th)?"

# Order matters: the first pattern that matches wins.
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?", re.I)),
    ("ym", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})(?![\d/-])")),
    ("numeric", re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)")),
    ("mdy", re.compile(_WEEKDAY + r"?" + _MONTH + r"\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?P<y>\d{4})" + _TIME + "?", re.I)),
    ("dmy", re.compile(_WEEKDAY + r"?" + r"(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME + "?", re.I)),
    ("my", re.compile(_MONTH + r",?\s+(?P<y>\d{4})", re.I)),
    ("y", re.compile(r"(?P<y>(?:1[89]|20)\d{2})")),
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: its ISO value (YYYY-MM-DD, YYYY-MM or YYYY) and where it was."""

    iso: str
    start: int
    end: int
    text: str


def _year(value: str) -> int:
    """Four-digit year; two-digit years 00-30 are 20xx, the rest 19xx."""
    year = int(value)
    if len(value) == 2:
        year += 2000 if year <= 30 else 1900
    return year


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO string for a valid (partial) date, else None."""
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day).isoformat()
        if month is not None:
            return f"{dt.date(year, month, 1):%Y-%m}"
    except ValueError:
        return None
    return f"{year:04d}"


def _value(kind: str, m: re.Match[str], day_first: bool) -> str | None:
    g = m.groupdict()
    if kind == "iso":
        return _iso(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind == "ym":
        return _iso(int(g["y"]), int(g["m"]))
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        # Dotted dates are European (day first); slashes follow the caller's convention.
        month, day = (b, a) if (day_first or g["sep"] == ".") else (a, b)
        if month > 12 and day <= 12:  # an impossible month means the other order
            month, day = day, month
        return _iso(_year(g["y"]), month, day)
    month = _MONTHS[g["mon"].lower()] if g.get("mon") else None
    if kind in ("mdy", "dmy"):
        return _iso(int(g["y"]), month, int(g["d"]))
    if kind == "my":
        return _iso(int(g["y"]), month)
    return _iso(int(g["y"]))


def match_date(
    text: str, *, day_first: bool = False, full: bool = True, allow_year: bool = False
) -> DateMatch | None:
    """The date that makes up all of `text` (full=True) or ends it (full=False), if any.

    Returns None when there is no such date: that is an answer ("no date here"), not a failure.
    """
    stripped = text.rstrip(" \t.;)")
    lead = len(text) - len(text.lstrip())
    for kind, pattern in _DATE_PATTERNS:
        if kind == "y" and not allow_year:
            continue
        if full:
            m = pattern.fullmatch(stripped, lead)
        else:
            m = None
            for cand in pattern.finditer(stripped):
                if cand.end() == len(stripped):
                    m = cand
        if m is None:
            continue
        value = _value(kind, m, day_first)
        if value:
            return DateMatch(value, m.start(), m.end(), m.group(0))
    return None


def normalise_date(value: object, *, day_first: bool = False) -> str | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) from a metadata value, or None if unparseable.

    Accepts dates, datetimes, time.struct_time, ISO strings, "June 20, 2008", RFC 822 feed
    dates; falls back to dateparser. Never invents a date (no "today" for junk).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser
        return _iso(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]
    text = " ".join(str(value).split())
    if not text:
        return None
    found = match_date(text, day_first=day_first, full=True, allow_year=True)
    if found:
        return found.iso
    for kind, pattern in _DATE_PATTERNS[:-2]:  # a full date anywhere, e.g. RFC 822
        for m in pattern.finditer(text):
            iso = _value(kind, m, day_first)
            if iso:
                return iso
    return _dateparser_fallback(text, day_first=day_first)


# The languages a date written in words is tried in: those of the reporting dateline reads. Without a
# list dateparser tries all of its 200 locales on a date it cannot read (seconds per odd value).
DATE_LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "ar", "ru", "uk", "tr", "fa")


@functools.lru_cache(maxsize=2)
def _date_parser(day_first: bool) -> Any:
    import dateparser  # slow import; only needed for odd formats

    return dateparser.DateDataParser(
        languages=list(DATE_LANGUAGES),
        settings={
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "DMY" if day_first else "MDY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _dateparser_fallback(text: str, *, day_first: bool) -> str | None:
    parser = _date_parser(day_first)
    try:
        data = parser.get_date_data(text)
    except (ValueError, TypeError, OverflowError) as exc:
        logger.debug("dateparser failed on %r: %s", text, exc)
        return None
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj
    if data.period == "year":
        return f"{when.year:04d}"
    if data.period == "month":
        return f"{when:%Y-%m}"
    return when.date().isoformat()


# --- citations -------------------------------------------------------------------------------

_QUOTED = re.compile(r"[“\"«](?P<title>[^“”\"«»]{2,300}?)(?P<trail>[,.]?)[”\"»]")
_CONTINUATION = re.compile(r"^\s*(?:-{1,3}|–|—|_{3,})\s*,?\s*(?=[“\"«])")
_BULLET = re.compile(r"^\s*(?:[*•·]\s+|\[\d{1,3}\]\s*|\d{1,3}[.)]\s+)")
_HEADING = re.compile(
    r"^\s*(?:references?|sources?(?: cited)?|bibliography|works cited|notes|footnotes|"
    r"citations|further reading)\s*:?\s*$",
    re.I,
)
# Names and outlets before a title: capitalised words, with commas and small joining words.
# The runs are possessive (*+, ++): with plain ones "BAGHDAD BUREAU ... #3" could be cut into
# words at every capital letter, and a failing match tried each of the 2^n cuts.
_NAMEISH = re.compile(
    r"^(?:(?:\(?[A-Z0-9][\w.'’&/()-]*+|and|of|the|for|on|in|at|de|du|des|la|le|el|van|von|"
    r"al-[\w’'-]++|[&/–—-]++)[,;]?\s*+)*$"
)
_MAX_PREFIX = 120
_MAX_LINE = 500


@dataclass(slots=True)
class _Parsed:
    author: str | None
    title: str | None
    outlet: str | None
    date: DateMatch | None
    continuation: bool


def _clean(part: str) -> str:
    return part.strip().strip(",;:").strip()


def _person(name: str) -> str:
    """'Surname, Given' -> 'Given Surname'; anything else unchanged."""
    bits = [b.strip() for b in name.split(",")]
    if len(bits) == 2 and all(bits):
        return f"{bits[1]} {bits[0]}"
    return name.strip()


def normalise_authors(prefix: str) -> str:
    """'Tavernise, Sabrina and Mizher, Qais' -> 'Sabrina Tavernise; Qais Mizher'."""
    parts = re.split(r"\s*(?:;|&|\band\b)\s*", prefix)
    return "; ".join(_person(p) for p in parts if p.strip())


def _looks_like_person(prefix: str) -> bool:
    """'Burns, John' or 'Tavernise, Sabrina and Mizher, Qais' (a comma inside each name)."""
    parts = [p for p in re.split(r"\s*(?:;|&|\band\b)\s*", prefix) if p.strip()]
    return bool(parts) and all(p.count(",") == 1 for p in parts)


def parse_citation(line: str, *, day_first: bool = False) -> _Parsed | None:
    """Parse one citation line; None when the line is not shaped like a citation."""
    body = line.strip()
    if not body or len(body) > _MAX_LINE:
        return None
    continuation = False
    cont = _CONTINUATION.match(body)
    if cont:
        continuation = True
        body = body[cont.end():]
    else:
        body = _BULLET.sub("", body, count=1)
    quoted = _QUOTED.search(body)
    if quoted is None:
        return None
    prefix = _clean(body[: quoted.start()])
    if continuation and prefix:
        return None
    if len(prefix) > _MAX_PREFIX or not _NAMEISH.match(prefix):
        return None  # "Maliki said, “...”": prose, not a citation
    rest = _clean(body[quoted.end():])
    date = match_date(rest, day_first=day_first, full=False, allow_year=True) if rest else None
    if date is None:
        return None
    outlet_text = _clean(rest[: date.start])
    if len(outlet_text) > _MAX_PREFIX or not _NAMEISH.match(outlet_text):
        return None  # "..., Reuters reported on June 16, 2008": prose
    if not continuation and not prefix and not outlet_text:
        return None
    author: str | None = None
    outlet: str | None = outlet_text or None
    if prefix:
        if outlet is None and not _looks_like_person(prefix):
            outlet = prefix  # "Voices of Iraq, “Title,” 6/20/08"
        else:
            author = normalise_authors(prefix)
    title = quoted.group("title").strip().rstrip(",").strip()
    return _Parsed(author, title or None, outlet, date, continuation)


def is_citation_line(line: str, *, day_first: bool = False) -> bool:
    """Whether a line is shaped like a citation (author/outlet, quoted title, date)."""
    return parse_citation(line, day_first=day_first) is not None


def is_reference_heading(line: str) -> bool:
    """A heading line that opens a reference list ("References", "Sources:")."""
    return bool(_HEADING.match(line))


def parse_references(text: str, *, offset: int = 0, day_first: bool = False) -> list[Reference]:
    """Parse the citations in a reference list (one per line), with offsets into the document.

    Pass the text of a ``references`` section and its start as `offset`. Lines shaped like
    citations are fully parsed; other non-heading lines that carry a quoted title or end in a
    date are kept with what could be read. Continuation lines ("- “Title,” ...") inherit the
    author (and, if they name none, the outlet) of the citation above.
    """
    refs: list[Reference] = []
    previous: Reference | None = None
    pos = 0
    for raw in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(raw)
        line = raw.rstrip("\n")
        stripped = line.strip()
        if not stripped or is_reference_heading(stripped):
            continue
        start = offset + line_start + (len(line) - len(line.lstrip()))
        end = offset + line_start + len(line.rstrip())
        parsed = parse_citation(stripped, day_first=day_first)
        if parsed is None:
            ref = _loose_reference(stripped, start, end, day_first=day_first)
            if ref is not None:
                refs.append(ref)
                previous = ref
            continue
        author, outlet = parsed.author, parsed.outlet
        if parsed.continuation and previous is not None:
            author = previous.author
            outlet = outlet or previous.outlet
        ref = Reference(
            text=stripped,
            start=start,
            end=end,
            author=author,
            title=parsed.title,
            outlet=outlet,
            date=parsed.date.iso if parsed.date else None,
            date_text=parsed.date.text if parsed.date else None,
        )
        refs.append(ref)
        previous = ref
    return refs


def _loose_reference(line: str, start: int, end: int, *, day_first: bool) -> Reference | None:
    """A reference-list line that is not a well-formed citation: keep its title and date."""
    quoted = _QUOTED.search(line)
    if quoted is not None and not _NAMEISH.match(_clean(line[: quoted.start()])):
        quoted = None  # "He said “...”": a quotation in prose, not a title
    date = match_date(line, day_first=day_first, full=False, allow_year=True)
    url = re.search(r"https?://\S+", line)
    if quoted is None and date is None and url is None:
        logger.debug("not a reference: %r", line)
        return None
    return Reference(
        text=line,
        start=start,
        end=end,
        title=quoted.group("title").strip().rstrip(",") if quoted else None,
        date=date.iso if date else None,
        date_text=date.text if date else None,
    )

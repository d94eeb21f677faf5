"""Time expressions: find them in text and normalise them against the publication date.

A first normaliser of our own (DESIGN.md: dateparser only as a fallback) covering the
forms news and blog posts use most: full and partial calendar dates, numeric dates,
bare years and months, weekdays in news convention, relative days, weeks, months and
years. Values follow TIMEX3 ("2008-06-19", "2008-06", "2008", "2008-W25", "PAST_REF").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3,
    "several": 3,
}

# Precision codes follow ACLED: 1 day, 2 week or a range of days, 3 month or coarser.
DAY, WEEK, MONTH = 1, 2, 3


@dataclass(slots=True)
class Timex:
    """A normalised time expression; start/end are offsets into the text given."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value
    date_start: str | None = None  # ISO day the expression starts on
    date_end: str | None = None  # ISO day it ends on
    precision: int | None = None
    mod: str | None = None  # START (since ...), BEFORE, AFTER, APPROX
    anchored: bool = False  # True when the value depends on the publication date

    @property
    def is_calendar(self) -> bool:
        return self.date_start is not None


_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:\.(?=\s*\d))?"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Order matters: longer, more specific forms first; matches may not overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{2}|\d{4})\b")),
    ("between_days", re.compile(rf"\bbetween\s+{_MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+and\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?", re.I)),
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR})?\b", re.I)),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("month_year", re.compile(rf"\b(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b", re.I)),
    ("rel_month", re.compile(rf"\b(?P<rel>last|this|next|since|in|early|late|mid|until|by)\s+{_MONTH}(?!\s*\d)", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)'?s\b", re.I)),
    ("year", re.compile(rf"\b(?P<prep>in|since|during|until|by|of|from|before|after|early|late|mid)[\s-]+{_YEAR}\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|this|next|on|since|late|early)\s+)?{_WEEKDAY}\b(?P<part>\s+(?:morning|afternoon|evening|night))?", re.I)),
    ("relday", re.compile(r"\b(?P<word>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|the\s+day\s+before\s+yesterday)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|later)\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>last|this|next|past|coming|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year|weekend)\b", re.I)),
    ("vague", re.compile(r"\b(?P<word>recently|now|currently|nowadays|at\s+present|in\s+the\s+past|formerly|in\s+the\s+future|soon)\b", re.I)),
    ("bare_year", re.compile(rf"(?<![\d/$.,-]){_YEAR}(?![\d/%-])")),
]


def text_of(m: re.Match[str], start: int) -> str:
    """The matched text from ``start`` (an offset into the whole string) on."""
    return m.group(0)[start - m.start():]


def _iso(d: date) -> str:
    return d.isoformat()


def parse_published(value: str | date | None) -> date | None:
    """The publication day from an ISO string (YYYY-MM-DD or longer); None when absent."""
    if value is None or isinstance(value, date):
        return value
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month_num(text: str) -> int:
    key = text.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTHS[key[:3]]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _past_year_for(month: int, day: int, ref: date | None) -> int | None:
    """Year that puts month/day at or before the reference day (news talks about the past)."""
    if ref is None:
        return None
    year = ref.year
    if (month, day) > (ref.month, ref.day) and (month - ref.month) > 1:
        year -= 1
    return year


def _day(kind: str, d: date, m: re.Match[str], *, anchored: bool) -> Timex:
    return Timex(m.start(), m.end(), m.group(0), "DATE", _iso(d), _iso(d), _iso(d), DAY, anchored=anchored)


def _month(m: re.Match[str], year: int, month: int, *, mod: str | None = None, anchored: bool = False) -> Timex:
    first, last = _month_range(year, month)
    return Timex(m.start(), m.end(), m.group(0), "DATE", f"{year:04d}-{month:02d}", _iso(first), _iso(last), MONTH, mod=mod, anchored=anchored)


def _year(m: re.Match[str], year: int, *, mod: str | None = None, anchored: bool = False) -> Timex:
    return Timex(m.start(), m.end(), m.group(0), "DATE", f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31", MONTH, mod=mod, anchored=anchored)


def _normalise(kind: str, m: re.Match[str], ref: date | None, *, day_first: bool) -> Timex | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return _day(kind, d, m, anchored=False) if d else None
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        year = y if y > 99 else (2000 + y if y <= 30 else 1900 + y)
        month, day = (b, a) if (day_first or a > 12) else (a, b)
        d = _safe_date(year, month, day)
        return _day(kind, d, m, anchored=False) if d else None
    if kind == "between_days":
        month = _month_num(g["month"])
        year = int(g["year"]) if g.get("year") else _past_year_for(month, int(g["d1"]), ref)
        if year is None:
            return None
        d1, d2 = _safe_date(year, month, int(g["d1"])), _safe_date(year, month, int(g["d2"]))
        if not d1 or not d2:
            return None
        return Timex(m.start(), m.end(), m.group(0), "DATE", _iso(d1), _iso(d1), _iso(d2), WEEK, anchored=not g.get("year"))
    if kind in ("mdy", "dmy"):
        month, day = _month_num(g["month"]), int(g["day"])
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            return _day(kind, d, m, anchored=False) if d else None
        year = _past_year_for(month, day, ref)
        if year is None:
            return None
        d = _safe_date(year, month, day)
        return _day(kind, d, m, anchored=True) if d else None
    if kind == "month_year":
        t = _month(m, int(g["year"]), _month_num(g["month"]))
        part = (g.get("part") or "").lower()
        if part:
            _apply_part(t, part)
        return t
    if kind == "rel_month":
        if ref is None:
            return None
        rel, month = g["rel"].lower(), _month_num(g["month"])
        if rel == "next":
            year = ref.year if month > ref.month else ref.year + 1
        elif rel in ("until", "by"):
            year = ref.year if month >= ref.month else ref.year + 1
        elif rel == "this":
            year = ref.year
        elif rel == "last":
            year = ref.year if month < ref.month else ref.year - 1
        else:  # news reports the past: the most recent such month, this one included
            year = ref.year if month <= ref.month else ref.year - 1
        t = _month(m, year, month, anchored=True)
        if rel == "since":
            t.mod = "START"
            t.date_end = _iso(ref)
        elif rel in ("early", "late", "mid"):
            _apply_part(t, rel)
        return t
    if kind == "decade":
        dec = int(g["dec"])
        return Timex(m.start(), m.end(), m.group(0), "DATE", f"{dec // 10:03d}", f"{dec}-01-01", f"{dec + 9}-12-31", MONTH)
    if kind == "year":
        prep = g["prep"].lower()
        t = _year(m, int(g["year"]))
        if prep in ("since", "from", "after"):
            t.mod = "START" if prep != "after" else "AFTER"
            if ref:
                t.date_end = _iso(ref)
        elif prep in ("until", "by", "before"):
            t.mod = "BEFORE"
        elif prep in ("early", "late", "mid"):
            _apply_part(t, prep)
        # "in 2006": the expression is the year, not the preposition
        t.start = m.start("year") if prep in ("in", "during", "of") else t.start
        t.text = text_of(m, t.start)
        return t
    if kind == "bare_year":
        return _year(m, int(g["year"]))
    if kind == "weekday":
        if ref is None:
            return None
        wd = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        # News convention: a weekday names the most recent such day, the publication day included.
        back = (ref.weekday() - wd) % 7
        d = ref - timedelta(days=back)
        if rel == "next":
            d = ref + timedelta(days=((wd - ref.weekday()) % 7) or 7)
        elif rel == "last" and back == 0:
            d = ref - timedelta(days=7)
        t = _day(kind, d, m, anchored=True)
        if rel == "on":
            t.start = m.start("weekday")
            t.text = text_of(m, t.start)
        if rel == "since":
            t.mod = "START"
            t.date_end = _iso(ref)
        return t
    if kind == "relday":
        if ref is None:
            return None
        word = " ".join(g["word"].lower().split())
        offset = {"yesterday": -1, "last night": -1, "the day before yesterday": -2}.get(word, 0)
        return _day(kind, ref + timedelta(days=offset), m, anchored=True)
    if kind == "ago":
        if ref is None:
            return None
        n_text = " ".join(g["n"].lower().split())
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 1)
        unit = g["unit"].lower()
        if g["dir"].lower() in ("later",):
            return None  # anchored on the narrative, not the publication date: left to the extractor
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        d = ref - timedelta(days=days)
        if unit == "day":
            return _day(kind, d, m, anchored=True)
        if unit == "week":
            return _week(m, d, anchored=True)
        if unit == "month":
            return _month(m, d.year, d.month, anchored=True)
        return _year(m, d.year, anchored=True)
    if kind == "rel_unit":
        if ref is None:
            return None
        rel = " ".join(g["rel"].lower().split())
        unit = g["unit"].lower()
        if unit == "week" or unit == "weekend":
            if rel == "past":
                return Timex(m.start(), m.end(), m.group(0), "DURATION", "P1W", _iso(ref - timedelta(days=7)), _iso(ref), WEEK, anchored=True)
            shift = {"last": -7, "next": 7, "coming": 7}.get(rel, 0)
            return _week(m, ref + timedelta(days=shift), anchored=True)
        if unit == "month":
            if rel == "past":
                return Timex(m.start(), m.end(), m.group(0), "DURATION", "P1M", _iso(ref - timedelta(days=30)), _iso(ref), MONTH, anchored=True)
            y, mo = ref.year, ref.month + {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
            if mo == 0:
                y, mo = y - 1, 12
            elif mo == 13:
                y, mo = y + 1, 1
            return _month(m, y, mo, anchored=True)
        if rel == "past":
            return Timex(m.start(), m.end(), m.group(0), "DURATION", "P1Y", _iso(ref - timedelta(days=365)), _iso(ref), MONTH, anchored=True)
        return _year(m, ref.year + {"last": -1, "next": 1, "coming": 1}.get(rel, 0), anchored=True)
    if kind == "vague":
        word = " ".join(g["word"].lower().split())
        value = {"in the past": "PAST_REF", "formerly": "PAST_REF", "recently": "PAST_REF",
                 "in the future": "FUTURE_REF", "soon": "FUTURE_REF"}.get(word, "PRESENT_REF")
        return Timex(m.start(), m.end(), m.group(0), "DATE", value)
    return None


def _week(m: re.Match[str], d: date, *, anchored: bool) -> Timex:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Timex(m.start(), m.end(), m.group(0), "DATE", f"{iso[0]:04d}-W{iso[1]:02d}", _iso(monday), _iso(monday + timedelta(days=6)), WEEK, anchored=anchored)


def _apply_part(t: Timex, part: str) -> None:
    """Narrow a month or year to its early, mid or late part (TIMEX3 mod)."""
    start, end = date.fromisoformat(t.date_start), date.fromisoformat(t.date_end)
    span = (end - start).days + 1
    third = span // 3
    if part.startswith("early") or "beginning" in part:
        t.date_end, t.mod = _iso(start + timedelta(days=third - 1)), "START"
    elif part.startswith("late") or "end" in part:
        t.date_start, t.mod = _iso(end - timedelta(days=third - 1)), "END"
    else:
        t.date_start, t.date_end, t.mod = _iso(start + timedelta(days=third)), _iso(end - timedelta(days=third)), "MID"


def find_timexes(text: str, published: str | date | None = None, *, day_first: bool = False) -> list[Timex]:
    """Every time expression in ``text`` with its value relative to ``published``."""
    ref = parse_published(published)
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "rel_month" and m.group("month").lower() == "may" and m.group("rel").lower() not in ("last", "this", "next", "since", "early", "late", "mid"):
                continue  # "in may" is far more often the verb than the month
            if kind == "mdy" and m.group("month").lower() == "may" and m.group("month")[0].islower():
                continue
            if kind == "weekday" and not (m.group("weekday")[0].isupper()):
                continue
            timex = _normalise(kind, m, ref, day_first=day_first)
            if timex is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(timex)
    found.sort(key=lambda t: t.start)
    return found

"""Time expressions: find them in text and normalise them against the publication date.

    find_timexes(text, published)       every DATE, TIME, DURATION and SET expression, in order
    normalise_span(text, published, start=, end=)   one given span read as one expression
    parse_published(value)              the publication day of an ISO string

Our own rule-based normaliser (DESIGN.md: dateparser only as a fallback), scored on TempEval-3
(docs/evaluation-dates.md). Values follow TIMEX3 ("2008-06-19", "2008-06", "2008", "2008-W25",
"2008-Q3", "2008-SU", "199", "P3D", "PAST_REF"). The patterns are in timex_rules, their values
in timex_values, timex_relative, timex_special, timex_fiscal (the periods earnings news
compares) and timex_fraction ("2 1/2 years"); timex_bounds trims each match to the TimeML extent. Relative expressions that count from the narrative ("two
days later", "the day before") are anchored on the most recent calendar expression before them
in the text, else on the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from datetime import date

from . import timex_days, timex_fraction, timex_relative, timex_special, timex_values
from .timex_bounds import trim
from .timex_model import DAY, MONTH, WEEK, Timex
from .timex_rules import GATES, MONTHS, NUM, NUMBER_WORDS, PARTS_OF_DAY, PATTERNS, SPAN_PATTERNS, WEEKDAYS
from .timex_values import Context

# Every pattern kind's normaliser: the calendar ones of timex_values and those of the modules built on
# it (merged here, not in timex_values, so that each module imports on its own without a cycle).
NORMALISERS = {**timex_values.NORMALISERS, **timex_relative.NORMALISERS, **timex_special.NORMALISERS,
               **timex_fraction.NORMALISERS, **timex_days.NORMALISERS,
               "span_ordinal_day": timex_days.n_ordinal_day}

__all__ = ["DAY", "MONTH", "MONTHS", "NUMBER_WORDS", "WEEK", "WEEKDAYS", "Timex", "find_timexes", "normalise_span", "parse_published", "pattern_kind"]

# "April 24 and 25", "June 19 to 22", "June 19-20": the second day is a date of its own
_AND_DAY = re.compile(r"(?:\s+(?:and|or|to|through|till|until)\s+|\s*[-\u2013]\s*)(?P<day>[0-3]?\d)\b"
                      r"(?![\d,.:%]\d|\s*(?:%|percent|[ap]\.?m\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|"
                      r"\s+(?:people|persons|troops|soldiers|civilians|others|of|were|are|have|had|killed|dead|wounded|died)\b)")
# "the evening of June 19": that part of the day, a TIME, as "Friday evening" is; "the night of
# Oct. 23" stays the day, as TimeBank writes it (the one case on train) and as "Friday night" is.
_PART_OF = re.compile(r"\bthe\s+(?P<part>afternoon|evening)\s+of\s+$", re.I)
_JOIN = re.compile(r"\s*(?:,|on|at|of)?\s*$", re.I)
# A wire dateline, "WASHINGTON, March 12 (Xinhua) --": the day the story speaks from, which can be
# a day before the publication date; relative days ("Friday", "yesterday") count from it.
_DATELINE = re.compile(r"\s*[A-Z][A-Za-z.' -]{1,40},\s+(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)\s*\(")


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


def _story_day(text: str, published: date | None) -> date | None:
    """The dateline's day when the text opens with one within three days of publication, else published."""
    m = _DATELINE.match(text, 0, 120)
    if published is None or m is None or m["month"].lower().rstrip(".") not in MONTHS:
        return published
    month, day = MONTHS[m["month"].lower()], int(m["day"])
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return published
        if abs((d - published).days) <= 3:
            return d
    return published


def _matches(text: str, start: int, end: int, patterns: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, re.Match[str]]]:
    """Non-overlapping pattern matches in text[start:end], earlier patterns first, in text order."""
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    found: list[tuple[str, re.Match[str]]] = []
    lower = text[start:end].lower()
    for kind, pattern in patterns:
        gate = GATES.get(kind)
        if gate is not None and not any(word in lower for word in gate):
            continue
        for m in pattern.finditer(text, start, end):
            if m.start() == m.end():
                continue
            i = bisect_right(taken, (m.start(), m.end()))
            if (i > 0 and taken[i - 1][1] > m.start()) or (i < len(taken) and taken[i][0] < m.end()):
                continue
            insort(taken, (m.start(), m.end()))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    return found


def _is_anchor(t: Timex) -> bool:
    return t.is_calendar and t.mod != "START" and t.type in ("DATE", "TIME")


def _normalise_all(text: str, ctx: Context, start: int, end: int) -> list[Timex]:
    found: list[Timex] = []
    for kind, m in _matches(text, start, end, SPAN_PATTERNS if ctx.given else PATTERNS):
        timex = NORMALISERS[kind](m, ctx)
        if timex is None:
            continue
        found.append(_part_of_day(text, trim(text, timex), start))
        if _is_anchor(timex):
            ctx.anchor = timex
        second = _second_day(text, timex, end)
        if second is not None:
            found.append(second)
    return _year_beside(text, _merge_clock(text, found))


# what may stand between a year and a day or month it dates ("Two years ago, on February 14", "in 2005 on May 3")
_YEAR_GAP = re.compile(r"[\s,]*(?:(?:on|in|of)\s+)?(?:the\s+)?$", re.I)
_OWN_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")


def _names_month(text: str) -> bool:
    return any(word.rstrip(".") in MONTHS for word in re.findall(r"[a-z.]+", text.lower()))


def _year_beside(text: str, found: list[Timex]) -> list[Timex]:
    """ "Two years ago, on February 14", "in 2005 on May 3": a day or month named without its year beside
    a year is of that year, not of the year the text's publication gives it."""
    for a, b in zip(found, found[1:]):
        gap = text[a.end : b.start]
        if len(gap) > 8 or not _YEAR_GAP.fullmatch(gap):
            continue
        for year, dated in ((a, b), (b, a)):
            if not (year.type == "DATE" and len(year.value) == 4 and year.value.isdigit()):
                continue
            if (dated.type != "DATE" or len(dated.value) not in (7, 10) or _OWN_YEAR.search(dated.text)
                    or dated.value[:4] == year.value or not _names_month(dated.text)):
                continue  # a weekday ("On Friday, 2004 was ...") is dated by the text's own time
            try:
                date.fromisoformat((year.value + dated.value[4:] + "-01")[:10])
            except ValueError:
                continue  # February 29 of a year without one
            dated.value = year.value + dated.value[4:]
            for name in ("date_start", "date_end"):
                day = getattr(dated, name)
                if day is not None:
                    setattr(dated, name, _with_year(day, year.value))
    return found


def _with_year(day: str, year: str) -> str:
    """The ISO day in another year (February 29 becomes February 28 where that year has none)."""
    try:
        return date.fromisoformat(year + day[4:10]).isoformat()
    except ValueError:
        return date.fromisoformat(year + day[4:8] + "28").isoformat()


def _part_of_day(text: str, t: Timex, start: int) -> Timex:
    """ "the evening of June 19": the expression takes in the part of the day, the value its TIMEX3 code."""
    if t.type != "DATE" or t.precision != DAY or len(t.value) != 10:
        return t
    m = _PART_OF.search(text, max(start, t.start - 26), t.start)  # not before a given span
    if m is None:
        return t
    t.start, t.text, t.type = m.start(), text[m.start() : t.end], "TIME"
    t.value = f"{t.value}T{PARTS_OF_DAY[m['part'].lower()]}"
    return t


def _second_day(text: str, t: Timex, limit: int) -> Timex | None:
    """ "on April 24 and 25": the bare second day is its own date in the same month."""
    if t.type != "DATE" or t.precision != DAY or len(t.value) != 10 or not t.text[:1].isalpha():
        return None
    m = _AND_DAY.match(text, t.end, limit)
    if m is None:
        return None
    first = date.fromisoformat(t.value)
    try:
        d = first.replace(day=int(m["day"]))
    except ValueError:
        return None
    if d <= first:
        return None
    return Timex(m.start("day"), m.end("day"), m["day"], "DATE", d.isoformat(), d.isoformat(), d.isoformat(), DAY, anchored=t.anchored)


def _merge_clock(text: str, found: list[Timex]) -> list[Timex]:
    """ "5 p.m. EST Nov. 9", "Friday at 10 a.m.": one TIME on the named day."""
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if prev is not None and _redate_clock(text, prev, t):
            out.append(t)
            continue
        if prev is not None and _same_day_apposed(text, prev, t):
            # "this coming Sunday, March eighth": one expression (as "Friday, Oct. 13" is)
            out[-1] = Timex(prev.start, t.end, text[prev.start : t.end], "DATE", t.value, t.date_start, t.date_end, DAY,
                            anchored=prev.anchored and t.anchored)
            continue
        if prev is not None and _JOIN.match(text[prev.end : t.start]) and t.start - prev.end <= 5:
            clock, day = (prev, t) if prev.type == "TIME" and ":" in prev.value else (t, prev)
            if ":" in clock.value and day.type in ("DATE", "TIME") and day.precision == DAY and len(day.value) >= 10:
                merged = Timex(prev.start, t.end, text[prev.start : t.end], "TIME", day.value[:10] + clock.value[10:],
                               day.date_start, day.date_end, DAY, anchored=day.anchored, anchored_on_narrative=day.anchored_on_narrative)
                out[-1] = merged
                continue
        out.append(t)
    return out


# "9:45 a.m. (0645 GMT) on Tuesday": the clock is on the day after the parenthesis.
_AFTER_GLOSS = re.compile(r"\s*\([^()\n]{1,24}\)\s*,?\s*(?:on\s+)?$", re.I)


_WEEKDAY_END = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")


def _same_day_apposed(text: str, weekday: Timex, t: Timex) -> bool:
    """A weekday and, after a comma, a date of the same day."""
    return (weekday.type == t.type == "DATE" and weekday.value == t.value and len(t.value) == 10 and 0 < t.start - weekday.end <= 2
            and text[weekday.end : t.start] in (", ", ",") and bool(_WEEKDAY_END.search(weekday.text)))


def _redate_clock(text: str, clock: Timex, day: Timex) -> bool:
    """Put a clock time on the day named just after its parenthetical gloss; both stay expressions."""
    if clock.type != "TIME" or len(clock.value) != 16 or day.type != "DATE" or day.precision != DAY or len(day.value) != 10:
        return False
    if day.start - clock.end > 30 or not _AFTER_GLOSS.match(text[clock.end : day.start]):
        return False
    clock.value = day.value + clock.value[10:]
    clock.date_start, clock.date_end, clock.anchored_on_narrative = day.date_start, day.date_end, day.anchored_on_narrative
    return True


def find_timexes(text: str, published: str | date | None = None, *, day_first: bool = False) -> list[Timex]:
    """Every time expression in ``text`` with its value relative to ``published``."""
    ctx = Context(text, _story_day(text, parse_published(published)), day_first=day_first)
    return _normalise_all(text, ctx, 0, len(text))


def normalise_span(
    text: str,
    published: str | date | None = None,
    *,
    start: int = 0,
    end: int | None = None,
    anchor: Timex | None = None,
    day_first: bool = False,
) -> Timex | None:
    """Read text[start:end] as one time expression (the rest of ``text`` is context for tense).

    ``anchor`` is the narrative time before the span. None when nothing in the span has a value.
    """
    end = len(text) if end is None else end
    ref = _story_day(text, parse_published(published))
    conjunct = _conjunct(text, Context(text, ref, day_first=day_first, anchor=anchor, given=True), start, end)
    if conjunct is not None:
        return conjunct
    found = _normalise_all(text, Context(text, ref, day_first=day_first, anchor=anchor, given=True), start, end)
    if not found:
        return None
    # A calendar value beats a vague one read from a word beside it ("Earlier Sunday").
    return max(found, key=lambda t: (not t.value.endswith("_REF"), t.end - t.start, -t.start))


# A span that is one member of a coordination takes its reading from the whole: "25" of "April 24
# and 25" is a day of April, "Monday" of "Monday and Tuesday nights" a set of Monday nights, "two"
# of "two to six days" a length in days, "last" of "this year as last" last year.
_COORD_BEFORE = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or)\s+$")
_COORD_AFTER = re.compile(r"\s+(?:and|or)\s+[A-Z][a-z]+day\s+(?:morning|afternoon|evening|night)s\b")
_RANGE_UNIT = re.compile(rf"\s*(?:to|or|-)\s*{NUM}[\s-]+(?P<unit>second|minute|hour|day|week|month|year|decade)s?\b", re.I)
_BARE_NUM = re.compile(rf"{NUM}$", re.I)
_AS_BEFORE = re.compile(r"\b(?:as|than)\s+$", re.I)


def _conjunct(text: str, ctx: Context, start: int, end: int) -> Timex | None:
    """The reading of text[start:end] as a member of a coordination around it; None if it is none."""
    span = text[start:end]
    if span.isdigit() and (m := _COORD_BEFORE.search(text, max(0, start - 24), start)):
        window = (m.start(), end)
    elif span.lower() == "last" and (m := _AS_BEFORE.search(text, max(0, start - 8), start)):
        window = (m.start(), end)  # "this year as [last]"
    elif span.istitle() and span.lower() in WEEKDAYS and (m := _COORD_AFTER.match(text, end)):
        window = (start, m.end())
    elif _BARE_NUM.fullmatch(span.strip()) and (m := _RANGE_UNIT.match(text, end)):
        # read "two days" on its own, then put the value back on the span "two"
        alone = _normalise_all(f"{span} {m['unit']}s", Context(f"{span} {m['unit']}s", ctx.ref, given=True), 0, len(span) + len(m["unit"]) + 2)
        if len(alone) != 1 or alone[0].type != "DURATION":
            return None
        t = alone[0]
        t.start, t.end, t.text = start, end, span
        return t
    else:
        return None
    same = [t for t in _normalise_all(text, ctx, *window) if (t.start, t.end) == (start, end)]
    return same[0] if same else None


def pattern_kind(text: str, start: int, end: int) -> str | None:
    """The kind of pattern ("weekday", "ago", "duration", …) that reads most of text[start:end].

    For error analysis and tagger comparisons (bench/compare_heideltime.py); None when none matches.
    """
    found = _matches(text, start, end, SPAN_PATTERNS)
    if not found:
        return None
    return max(found, key=lambda km: (km[1].end() - km[1].start(), -km[1].start()))[0]

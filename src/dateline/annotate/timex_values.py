"""TIMEX3 values, day ranges and precision for each kind of pattern in timex_rules.

Conventions (news): an expression without a year names the most recent such day or month, the
publication day included, unless its clause speaks of the future ("will", "next"); then the
next one. "two days later", "the day before" count from the narrative anchor (the previous
calendar time in the paragraph) when there is one, else from the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from .timex_model import DAY, MONTH, WEEK, Timex
from .timex_rules import (
    DAY_WORDS,
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_CODES,
    VAGUE_COUNTS,
    WEEKDAYS,
)

_FUTURE = re.compile(r"\b(?:will|won't|shall|going\s+to|plans?\s+to|planning\s+to|planned|scheduled|expected\s+to|is\s+to|are\s+to|set\s+(?:to|for)|slated|upcoming|might|as\s+(?:soon|early)\s+as|would\s+be\s+\w+ing)\b|'ll\b", re.I)
# A clause ends at a sentence mark, not at the period of "a.m.", "U.S." or "Oct.".
_CLAUSE_END = re.compile(r"(?<![ap]\.m)(?<!\b[A-Z])(?<!Jan)(?<!Feb)(?<!Mar)(?<!Apr)(?<!Aug)(?<!Sep)(?<!Sept)(?<!Oct)(?<!Nov)(?<!Dec)(?<!Mr)(?<!Mrs)(?<!Dr)(?<!St)[.!?;](?=\s|$)|\n")
# A plan told in the past tense ("had been scheduled to expire Friday") is not a future clause,
# nor is one carried out "as (previously) planned" ("the offensive began as previously planned
# Saturday night"): the tense is the clause's own.
_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been|as)\s+(?:\w+ly\s+)?$", re.I)
# ... and so is a plan whose clause goes on in the past: "a service planned for Saturday was
# canceled", "the talks scheduled for Monday were postponed".
_PAST_AFTER_PLAN = re.compile(r"\b(?:was|were|had)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|called\s+off)\b", re.I)
_SINCE = re.compile(r"\bsince\s+$", re.I)
_PAST_CUE = re.compile(r"\b(?:since|ended)\s+$", re.I)
# After the expression, a future cue counts only up to a reported clause: in "said Thursday that
# the troops will remain" the "will" belongs to what was said, not to Thursday.
_REPORTED = re.compile(r"\b(?:that|saying|says|said|while|but|because|when)\b", re.I)
# A past-tense clause ("had not called ... until Thursday", "had filed reports by Wednesday").
_PAST_TENSE = re.compile(r"\b(?:had|was|were|did)\b", re.I)
# A verb in the simple past after its subject: "who stepped down", "he resigned" (not a reporting
# verb: in "they said they expect ... by Dec. 15" the date belongs to what was said).
_SIMPLE_PAST = re.compile(r"\b(?:who|which|he|she|it|they|we|I)\s+(?:\w+ly\s+)?(?:\w+ed|took|made|began|came|went|left|won|lost|sold|bought|met)\b(?<!\bneed)(?<!ceed)(?<!\bexpected)", re.I)
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?(?P<rel>this|last|next)\s+year\b", re.I)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass
class Context:
    """What a normaliser may look at: the whole text, the publication day, the narrative anchor."""

    text: str
    ref: date | None
    day_first: bool = False
    anchor: Timex | None = None
    given: bool = False  # the caller says the span is a time expression (normalise_span)
    _future: dict[int, bool] = field(default_factory=dict)
    _past: dict[int, bool] = field(default_factory=dict)

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around [start, end) speaks of the future."""
        if start not in self._future:
            left = self.text.rfind("\n", max(0, start - 120), start)
            before = self.text[max(0, start - 120, left + 1) : start]
            cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
            after = self.text[end : end + 60]
            stop = _CLAUSE_END.search(after)
            after = after[: stop.start() if stop else len(after)]
            reported = _REPORTED.search(after)
            after = after[: reported.start()] if reported else after
            window = before[cut:] + " " + after
            self._future[start] = any(not _past_plan(window, f) for f in _FUTURE.finditer(window))
        return self._future[start]

    def past(self, start: int, end: int) -> bool:
        """Whether the clause around [start, end) is in a past tense ("had", "was", "were", "did")."""
        if start not in self._past:
            before = self.text[max(0, start - 80) : start]
            cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
            after = self.text[end : end + 60]
            stop = _CLAUSE_END.search(after)
            window = before[cut:] + " " + after[: stop.start() if stop else len(after)]
            self._past[start] = bool(_PAST_TENSE.search(window)) and not _FUTURE.search(window)
        return self._past[start]


def _past_plan(window: str, cue: re.Match[str]) -> bool:
    """Whether a "scheduled"/"planned" cue is a plan told in the past tense."""
    if not cue.group(0).lower().startswith(("scheduled", "planned", "set", "slated")):
        return False  # ("will", "is to" are a future whatever came before)
    return bool(_PAST_PLAN.search(window, 0, cue.start()) or _PAST_AFTER_PLAN.search(window, cue.end()))


def iso(d: date) -> str:
    return d.isoformat()


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_num(text: str) -> int:
    key = text.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTHS[key[:3]]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def number(text: str) -> int | None:
    """An integer from digits or number words ("twenty four", "a hundred"); None for vague counts."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _new(m: re.Match[str], type_: str, value: str, start: date | None = None, end: date | None = None, precision: int | None = None, **kw: object) -> Timex:
    return Timex(m.start(), m.end(), m.group(0), type_, value, iso(start) if start else None, iso(end) if end else None, precision, **kw)  # type: ignore[arg-type]


def day_timex(m: re.Match[str], d: date, *, anchored: bool) -> Timex:
    return _new(m, "DATE", iso(d), d, d, DAY, anchored=anchored)


def month_timex(m: re.Match[str], year: int, month: int, *, anchored: bool = False) -> Timex:
    last = calendar.monthrange(year, month)[1]
    return _new(m, "DATE", f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), MONTH, anchored=anchored)


def year_timex(m: re.Match[str], year: int, *, anchored: bool = False) -> Timex:
    return _new(m, "DATE", f"{year:04d}", date(year, 1, 1), date(year, 12, 31), MONTH, anchored=anchored)


def week_timex(m: re.Match[str], d: date, *, anchored: bool) -> Timex:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _new(m, "DATE", f"{y:04d}-W{w:02d}", monday, monday + timedelta(days=6), WEEK, anchored=anchored)


def quarter_timex(m: re.Match[str], year: int, q: int, *, anchored: bool) -> Timex:
    first = date(year, 3 * q - 2, 1)
    last = date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    return _new(m, "DATE", f"{year:04d}-Q{q}", first, last, MONTH, anchored=anchored)


def apply_part(t: Timex, part: str) -> None:
    """Narrow a month, year or decade to its early, mid or late third (TIMEX3 mod)."""
    if t.date_start is None or t.date_end is None:
        return
    start, end = date.fromisoformat(t.date_start), date.fromisoformat(t.date_end)
    third = ((end - start).days + 1) // 3
    part = part.lower()
    if part.startswith("early") or "beginning" in part or "start" in part:
        t.date_end, t.mod = iso(start + timedelta(days=third - 1)), "START"
    elif part.startswith("late") or "end" in part:
        t.date_start, t.mod = iso(end - timedelta(days=third - 1)), "END"
    else:
        t.date_start, t.date_end, t.mod = iso(start + timedelta(days=third)), iso(end - timedelta(days=third)), "MID"


def base_day(ctx: Context, *, narrative: bool, unit: str = "day") -> tuple[date | None, bool]:
    """The day a relative expression counts from, and whether it is the narrative anchor.

    The anchor must be at least as fine as the unit: "the day before" counts from a day,
    never from "2006"."""
    a = ctx.anchor
    fine_enough = a is not None and (a.precision == DAY or (unit in ("month", "quarter", "year", "decade") and len(a.value) >= 7) or (unit in ("year", "decade")))
    if narrative and a is not None and a.date_start and fine_enough:
        return date.fromisoformat(a.date_start), True
    return ctx.ref, False


def clock_timex(m: re.Match[str], ctx: Context, hour: int, minute: int) -> Timex | None:
    """A clock time on the narrative's day (else the publication day); None with neither."""
    base, on_narrative = base_day(ctx, narrative=True)
    if base is None:
        return None
    t = _new(m, "TIME", f"{iso(base)}T{hour:02d}:{minute:02d}", base, base, DAY, anchored=True)
    t.anchored_on_narrative = on_narrative
    return t


def year_for(month: int, day: int, ctx: Context, m: re.Match[str]) -> int | None:
    """The year of a month (and day) given without one: most recent, or next in a future clause."""
    if ctx.ref is None:
        return None
    ref = ctx.ref
    ahead_year = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    months_ahead = (ahead_year - ref.year) * 12 + month - ref.month
    past_cue = _PAST_CUE.search(ctx.text, max(0, m.start() - 12), m.start())  # "since March", "the year ended March 31"
    if not past_cue and months_ahead <= 6 and ctx.future(m.start(), m.end()):
        return ahead_year
    back_year = ref.year if (month, day) <= (ref.month, ref.day) or month == ref.month else ref.year - 1
    after = _YEAR_AFTER.match(ctx.text, m.end(), m.end() + 24)  # "February this year" read as "February"
    if after:
        return ref.year + {"last": -1, "next": 1}.get(after["rel"].lower(), 0)
    if past_cue:
        return back_year
    # The nearest such day, but a day more than four months ahead is taken to be in the past.
    ahead = (ahead_year - ref.year) * 12 + month - ref.month
    back = (ref.year - back_year) * 12 + ref.month - month
    if 0 < ahead <= 4 and ahead < back and not _told_in_past(ctx, m):
        return ahead_year
    return back_year


def _told_in_past(ctx: Context, m: re.Match[str]) -> bool:
    """A clause in the simple past before the expression ("who stepped down in March")."""
    before = ctx.text[max(0, m.start() - 80) : m.start()]
    cut = max((c.end() for c in _CLAUSE_END.finditer(before)), default=0)
    return bool(_SIMPLE_PAST.search(before, cut))


# -- normalisers by kind --------------------------------------------------------------------

def n_iso(m: re.Match[str], ctx: Context) -> Timex | None:
    d = safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return day_timex(m, d, anchored=False) if d else None


def n_numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    year = y if y > 99 else (2000 + y if y <= 30 else 1900 + y)
    month, day = (b, a) if (ctx.day_first or a > 12) else (a, b)
    d = safe_date(year, month, day)
    return day_timex(m, d, anchored=False) if d else None


def n_between_days(m: re.Match[str], ctx: Context) -> Timex | None:
    month = month_num(m["month"])
    year = int(m["year"]) if m["year"] else year_for(month, int(m["d1"]), ctx, m)
    if year is None:
        return None
    d1, d2 = safe_date(year, month, int(m["d1"])), safe_date(year, month, int(m["d2"]))
    if not d1 or not d2 or d2 < d1:
        return None
    return _new(m, "DATE", iso(d1), d1, d2, WEEK, anchored=not m["year"])


def n_month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["month"].lower() == "may" and m["month"][0].islower():
        return None
    month, day = month_num(m["month"]), int(m["day"])
    if m["year"]:
        d = safe_date(int(m["year"]), month, day)
        return day_timex(m, d, anchored=False) if d else None
    year = year_for(month, day, ctx, m)
    d = safe_date(year, month, day) if year else None
    return day_timex(m, d, anchored=True) if d else None


def n_month_day_words(m: re.Match[str], ctx: Context) -> Timex | None:
    day = DAY_WORDS.get(re.sub(r"\s+", " ", m["word"].lower()))
    if day is None:
        return None
    month = month_num(m["month"])
    year = year_for(month, day, ctx, m)
    d = safe_date(year, month, day) if year else None
    return day_timex(m, d, anchored=True) if d else None


def given_year(m: re.Match[str]) -> int | None:
    """The year a pattern names in digits or spoken ("nineteen ninety-four"); None when it names none."""
    if m["year"]:
        return int(m["year"])
    spoken = m.groupdict().get("spoken")
    if spoken:
        rest = number(spoken.split(None, 1)[1])
        return 1900 + rest if rest is not None else None
    return None


def n_month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = given_year(m)
    if year is None:
        return None
    t = month_timex(m, year, month_num(m["month"]))
    if m["part"]:
        apply_part(t, m["part"])
    elif ctx.ref is not None and _SINCE.search(ctx.text, max(0, m.start() - 7), m.start()):
        t.mod, t.date_end = "START", iso(ctx.ref)  # "held since March 2007": from then to now, as "since March"
    return t


def n_rel_month(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.ref is None:
        return None
    rel, month, ref = " ".join(m["rel"].lower().split()), month_num(m["month"]), ctx.ref
    if m["month"].islower() and not ctx.given:
        return None  # "this march", "in may": months are written with a capital
    if m["month"].lower() == "may" and rel not in ("last", "this", "next", "since", "early", "late", "mid") and not m["month"][0].isupper():
        return None  # "in may" is far more often the verb than the month; "in May" is the month
    if rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif rel in ("until", "by"):
        year = ref.year if month >= ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    elif rel == "last":
        year = ref.year if month < ref.month else ref.year - 1
    else:
        year = year_for(month, 1, ctx, m) or ref.year
    t = month_timex(m, year, month, anchored=True)
    if rel == "since":
        t.mod, t.date_end = "START", iso(ref)
    elif rel in ("early", "late", "mid") or rel.endswith(" of"):
        apply_part(t, rel)
    if rel in ("in", "since", "until", "by"):
        t.start = m.start("month")
        t.text = m.group(0)[t.start - m.start():]
    return t


def n_bare_month(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.ref is None:
        return None
    word = m["month"]
    if re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", ctx.text[m.end() : m.end() + 12]):
        return None  # "the March for Life", "the March of the Combatant Mothers": a procession
    if word == "May" and re.match(r"\s+(?:be|have|not|I|we|he|she|they|you|it)\b", ctx.text[m.end():m.end() + 8]):
        return None
    month = month_num(word)
    year = year_for(month, 1, ctx, m)
    return month_timex(m, year, month, anchored=True) if year else None


def _fraction(m: re.Match[str], ctx: Context) -> bool:
    """ "a quarter of the market", "quarter-century", "four-quarter test": not a calendar quarter."""
    if not m.group(0)[0].isalnum() or ctx.text[m.end() : m.end() + 1] == "-":
        return True
    bare = not (m["ord"] or m["rel"] or m["year"] or m["year0"] or m["ryear"])
    return bare and not m.group(0).lower().startswith("the")


def n_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    what, rel, ordinal = m["what"].lower(), (m["rel"] or "").lower(), (m["ord"] or "").lower()
    ref = ctx.ref
    if not ctx.given and _fraction(m, ctx):
        return None
    given_year = m["year"] or m["year0"]
    if given_year:
        year = int(given_year)
    elif m["ryear"] and ref is not None:  # "next year's first quarter"
        year = ref.year + {"last": -1, "next": 1}.get(m["ryear"].lower(), 0)
    elif ctx.anchor is not None and ctx.anchor.value[:4].isdigit() and "-Q" in ctx.anchor.value and not ordinal and rel in ("", "same"):
        year = int(ctx.anchor.value[:4])
    elif ref is not None:
        year = ref.year
    else:
        return None
    if what == "half":
        if rel == "last" and given_year and not ordinal:
            ordinal = "second"  # "the last half of 1989"
        if not ordinal or ORDINALS.get(ordinal, 3) > 2:
            return None
        h = ORDINALS[ordinal]
        return _new(m, "DATE", f"{year:04d}-H{h}", date(year, 6 * h - 5, 1), date(year, 6 * h, 30 if h == 1 else 31), MONTH, anchored=not m["year"])
    if ordinal:
        return quarter_timex(m, year, ORDINALS[ordinal], anchored=not given_year)
    if given_year or m["ryear"]:
        if ctx.anchor is not None and "-Q" in ctx.anchor.value:  # "the 1988 quarter": the story's quarter in that year
            return quarter_timex(m, year, int(ctx.anchor.value[-1]), anchored=True)
        if ref is None:
            return None
        return quarter_timex(m, year, (ref.month - 1) // 3 or 4, anchored=True)  # the last quarter reported
    if ctx.anchor is not None and "-Q" in ctx.anchor.value and rel in ("", "same"):
        a_year, a_q = int(ctx.anchor.value[:4]), int(ctx.anchor.value[-1])
        if rel == "" and ref is not None and ctx.anchor.anchored and a_year < ref.year:
            a_year += 1  # after "the year-ago quarter", "the quarter" is the story's own again
        return quarter_timex(m, a_year, a_q, anchored=True)
    if ref is None or rel not in ("latest", "last", "past", "current", "this", "next", "previous", ""):
        return None
    q = (ref.month - 1) // 3 + 1
    shift = {"latest": -1, "last": -1, "past": -1, "previous": -1, "next": 1, "": -1}.get(rel, 0)
    y, q0 = divmod((year * 4 + q - 1) + shift, 4)
    return quarter_timex(m, y, q0 + 1, anchored=True)


def n_season(m: re.Match[str], ctx: Context) -> Timex | None:
    code = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    named = given_year(m)
    if named is not None:
        year = named
    elif ctx.ref is None or (not rel and code not in ("SU", "WI")):
        return None  # a bare "fall" or "spring" is too often the verb or a noun
    else:
        ref = ctx.ref
        current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(ref.month, "FA")
        order = ["WI", "SP", "SU", "FA"]
        year = ref.year
        if rel in ("last", "this past"):
            year = ref.year if order.index(code) < order.index(current) else ref.year - 1
        elif rel == "next":
            year = ref.year if order.index(code) > order.index(current) else ref.year + 1
        elif rel not in ("this", "this past") and order.index(code) > order.index(current) and not ctx.future(m.start(), m.end()):
            year = ref.year - 1
    if code == "WI" and named is None and ctx.ref is not None:
        # Winter runs December to February and is named by the year it starts in.
        ref = ctx.ref
        current = ref.year if ref.month == 12 else ref.year - 1
        year = current - 1 if (rel == "last" and ref.month in (12, 1, 2)) else current + 1 if rel == "next" and ref.month in (12, 1, 2) else current if ref.month in (3, 4, 5, 6, 7, 8, 9, 10, 11) and rel != "next" else current
        if rel == "next" and ref.month not in (12, 1, 2):
            year = ref.year
    first_month, last_month = _SEASON_MONTHS[code]
    end_year = year + 1 if code == "WI" else year
    t = _new(m, "DATE", f"{year:04d}-{code}", date(year, first_month, 1), date(end_year, last_month, calendar.monthrange(end_year, last_month)[1]), MONTH, anchored=named is None)
    if rel in ("early", "late", "mid"):
        apply_part(t, rel)
    if rel == "the" and named is None:
        t.start = m.start("season")
        t.text = m.group(0)[t.start - m.start():]
    return t


def n_fiscal_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return year_timex(m, int(m["year"]))


def n_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    if m.groupdict().get("word"):  # ("decade" and "decade_half" patterns)
        if ctx.ref is None:
            return None
        dec = (ctx.ref.year // 100) * 100 + DECADE_WORDS[m["word"].lower()] * 10
        if dec > ctx.ref.year:
            dec -= 100
    elif m["dec"]:
        dec = int(m["dec"])
    else:
        if ctx.ref is None:
            return None
        dec = (ctx.ref.year // 100) * 100 + int(m["short"])
        dec = dec - 100 if dec > ctx.ref.year else dec
    t = _new(m, "DATE", f"{dec // 10:03d}", date(dec, 1, 1), date(dec + 9, 12, 31), MONTH)
    part = (m["part"] or "").lower()
    if part.startswith("first half"):  # "the first half of the '80s": 1980-1984
        t.date_end, t.mod = iso(date(dec + 4, 12, 31)), "START"
    elif "half" in part:
        t.date_start, t.mod = iso(date(dec + 5, 1, 1)), "END"
    elif part:
        apply_part(t, part)
    return t


def n_century(m: re.Match[str], ctx: Context) -> Timex | None:
    n = int(m["n"])
    if not 1 <= n <= 21:
        return None
    first = (n - 1) * 100
    return _new(m, "DATE", f"{n - 1:02d}", date(max(first, 1), 1, 1), date(first + 99, 12, 31), MONTH)


def n_year(m: re.Match[str], ctx: Context) -> Timex | None:
    prep = " ".join(m["prep"].lower().split())
    t = year_timex(m, int(m["year"]))
    if prep in ("since", "from", "after"):
        t.mod = "AFTER" if prep == "after" else "START"
        if ctx.ref:
            t.date_end = iso(ctx.ref)
    elif prep in ("until", "by", "before"):
        t.mod = "BEFORE"
    elif prep in ("early", "late", "mid") or prep.endswith(" of"):
        apply_part(t, prep)
    if prep not in ("early", "late", "mid") and not prep.endswith(" of"):
        t.start = m.start("year")  # "in 2006": the expression is the year, not the preposition
        t.text = m["year"]
    return t


def n_bare_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return year_timex(m, int(m["year"]))


def n_spoken_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    rest = number(m["rest"]) if m["rest"] else 0
    if rest is None:
        return None
    year = 1900 + rest if m["century"].lower() == "nineteen" else 2000 + rest
    return year_timex(m, year)


def n_month_rel_year(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.ref is None:
        return None
    rel = m["rel"].lower()
    year = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
    return month_timex(m, year, month_num(m["month"]), anchored=True)


NORMALISERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "iso": n_iso, "numeric": n_numeric, "between_days": n_between_days, "mdy": n_month_day, "dmy": n_month_day,
    "month_day_words": n_month_day_words, "month_year": n_month_year, "rel_month": n_rel_month,
    "bare_month": n_bare_month, "quarter": n_quarter, "season": n_season, "fiscal_year": n_fiscal_year,
    "decade": n_decade, "century": n_century, "year": n_year, "bare_year": n_bare_year,
    "spoken_year": n_spoken_year, "month_rel_year": n_month_rel_year,
}

NORMALISERS["decade_half"] = n_decade
__all__ = ["NORMALISERS", "Context", "PARTS_OF_DAY", "UNIT_CODES", "VAGUE_COUNTS", "WEEKDAYS", "number"]

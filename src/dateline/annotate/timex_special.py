"""Values of holidays, "the year" (financial news), year-earlier periods and spans read on request.

    n_holiday      "Thanksgiving Day", "Election Day", "Easter week": the most recent one, or the
                   next in a clause about the future
    n_the_year     "the year" (the publication year), "the year ended June 30" (a P1Y duration)
    n_year_ago     "year-earlier", "the year-ago third quarter": last year, at the granularity of
                   the quarter the story speaks of
    n_span_vague   words TimeML marks but that are too often not temporal to find in running
                   text ("previously", "soon", "so far"); read only when the caller gives a span

The patterns are in timex_rules.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .timex_fiscal import n_period, year_ago
from .timex_model import DAY, Timex
from .timex_rules import ORDINALS, PARTS_OF_DAY
from .timex_values import (
    Context,
    _new,
    apply_part,
    base_day,
    day_timex,
    month_timex,
    number,
    quarter_timex,
    week_timex,
    year_timex,
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "christmas": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "election": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "labor": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial": lambda y: _nth_weekday(y, 5, 0, -1),
    "independence": lambda y: date(y, 7, 4),
    "veterans": lambda y: date(y, 11, 11),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's": lambda y: date(y, 2, 14),
    "easter": _easter,
}


def n_holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    ref = ctx.ref
    if ref is None:
        return None
    name = " ".join(m["name"].lower().replace("\u2019", "'").split())
    name = re.sub(r"'?\s+(?:day|sunday)$", "", name).rstrip("'")
    rule = _HOLIDAYS.get(name)
    if rule is None:
        return None
    rel = (m["rel"] or "").lower()
    future = rel == "next" or (rel != "last" and ctx.future(m.start(), m.end()))
    if future:
        d = rule(ref.year) if rule(ref.year) >= ref else rule(ref.year + 1)
    else:
        # "Easter week began": a holiday's week counts as this one from six days before it
        slack = timedelta(days=6 if m["week"] else 0)
        d = rule(ref.year) if rule(ref.year) <= ref + slack else rule(ref.year - 1)
    if rel == "last" and d == ref:
        d = rule(ref.year - 1)
    t = week_timex(m, d, anchored=True) if m["week"] else day_timex(m, d, anchored=True)
    return t


def n_the_year(m: re.Match[str], ctx: Context) -> Timex | None:
    if re.match(r"\s+end(?:ed|ing)\b", ctx.text[m.end() : m.end() + 8], re.I):
        return _new(m, "DURATION", "P1Y")  # "the year ended June 30": a fiscal year's length
    if ctx.ref is None:
        return None
    if "end" in m.group(0).lower():
        return _year_end(m, ctx, ctx.ref)
    if re.search(r"latest|recent", m.group(0), re.I):
        return year_timex(m, ctx.ref.year - 1, anchored=True)  # "the latest fiscal year": the last full one
    return year_timex(m, ctx.ref.year, anchored=True)


# "since year-end" is last year's last day, "at year-end" this year's, "around year end" its
# December; "by year-end" and "year-end results" the year ("by" with mod END).
_YEAR_END_PREP = re.compile(r"\b(?P<prep>since|by|until|till|before|around|about|near|at)\s+$", re.I)


def _year_end(m: re.Match[str], ctx: Context, ref: date) -> Timex:
    prep = _YEAR_END_PREP.search(ctx.text, max(0, m.start() - 10), m.start())
    word = prep["prep"].lower() if prep else ""
    if word == "since":
        return day_timex(m, date(ref.year - 1, 12, 31), anchored=True)
    if word == "at":
        return day_timex(m, date(ref.year, 12, 31), anchored=True)
    if word in ("around", "about", "near"):
        return month_timex(m, ref.year, 12, anchored=True)
    t = year_timex(m, ref.year, anchored=True)
    if word:  # "by year's end": TimeBank writes the year (2 of 3 on train); the mod keeps the end
        apply_part(t, "end")
    return t


def n_year_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    ref = ctx.ref
    if ref is None:
        return None
    ordinal = (m["ord"] or "").lower()
    if ordinal:
        return quarter_timex(m, ref.year - 1, ORDINALS[ordinal], anchored=True)
    return year_ago(m, ctx)


_SPAN_VAGUE = {"previously": "PAST_REF", "formerly": "PAST_REF", "earlier": "PAST_REF", "once": "PAST_REF", "soon": "FUTURE_REF",
               "future": "FUTURE_REF", "a later date": "FUTURE_REF", "so far": "PRESENT_REF", "already": "PRESENT_REF", "yet": "PRESENT_REF",
               "the moment": "PRESENT_REF", "at the moment": "PRESENT_REF", "this time": "PRESENT_REF"}
_SPAN_SETS = {"quarterly": "P3M", "annually": "P1Y", "semiannually": "P6M"}


def n_span_age(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "8-month-old" read as a given span: the age is a length (P8M)."""
    from .timex_relative import length_value

    unit = m["unit"].lower()
    n = number(m["n"]) if m["n"] else None
    return _new(m, "DURATION", length_value(n, "century" if unit.startswith("centur") else unit))


def n_span_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """A given "the day" / "the week" / "the morning" is the one the narrative is on ("later in the day"); a bare "week" a length."""
    the = m.group(0).lower().startswith("the")
    if m["unit"].lower() == "week" and not the:
        return _new(m, "DURATION", "P1W")
    base, on_narrative = base_day(ctx, narrative=True)
    if base is None:
        return None
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:  # "in the morning": that part of the narrative's day, a TIME
        t = _new(m, "TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", base, base, DAY, anchored=True)
    else:
        t = (week_timex if unit == "week" else day_timex)(m, base, anchored=True)
    t.anchored_on_narrative = on_narrative
    return t


def n_span_vague(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m["word"].lower().split())
    if word in ("a while", "some time") or word.endswith(("period", "time")):
        return _new(m, "DURATION", "PXX")  # a length nobody measured
    if word in _SPAN_SETS:
        return _new(m, "SET", _SPAN_SETS[word])
    if "term" in word:
        return _new(m, "DATE", "FUTURE_REF")
    return _new(m, "DATE", _SPAN_VAGUE.get(word, "PRESENT_REF"))


_THIS_UNIT = re.compile(r"\bthis\s+(?P<unit>year|month|week)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def n_ellipsis_last(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "this year as last", "more this week than last": the unit named earlier in the sentence, one back."""
    before = ctx.text[max(0, m.start() - 120) : m.start()]
    cut = max((e.end() for e in _SENTENCE_END.finditer(before)), default=0)
    said = list(_THIS_UNIT.finditer(before, cut))
    if not said or ctx.ref is None:
        return None
    unit, ref = said[-1]["unit"].lower(), ctx.ref
    if unit == "year":
        t = year_timex(m, ref.year - 1, anchored=True)
    elif unit == "month":
        t = month_timex(m, ref.year - (ref.month == 1), (ref.month - 2) % 12 + 1, anchored=True)
    else:
        t = week_timex(m, ref - timedelta(days=7), anchored=True)
    t.start, t.text = m.start("word"), m["word"]
    return t


NORMALISERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "ellipsis_last": n_ellipsis_last,
    "holiday": n_holiday, "the_year": n_the_year, "period": n_period, "year_ago": n_year_ago, "span_vague": n_span_vague,
    "span_age": n_span_age, "span_day": n_span_day,
}

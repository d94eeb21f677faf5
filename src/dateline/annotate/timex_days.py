"""Days and parts of months as war reporting names them (the eighth pass).

    n_ordinal_day      "on the 19th", "by the 22nd": a day of the month the narrative is on
    n_weeks_ago_day    "two weeks ago Sunday", "a week from Tuesday": that weekday, weeks away
    n_month_part       "the second half of May", "the last week of June": the month, narrowed
    n_clock24          "at 0300 GMT", "14:30 local time": a 24-hour clock time
    n_narrative_part   "in the morning": that part of the narrative's day
    n_millennia        "two thousand years", "millennia": lengths in millennia (P2L, PXL)

The patterns are in timex_rules; each kind has gate words there.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable

from .timex_model import DAY, WEEK, Timex
from .timex_rules import PARTS_OF_DAY, WEEKDAYS
from .timex_values import Context, _new, base_day, clock_timex, day_timex, iso, month_num, month_timex, number, year_for

# After "the 19th" a noun means an ordinal ("the 19th floor", "the 11th Circuit", "the 82nd
# Airborne"); a day is followed by punctuation, a function word or a verb ("on the 19th, ...",
# "by the 22nd the town fell", "the bombing on the 19th killed 12").
_DAY_FOLLOWER = re.compile(
    r"\s*(?:[.,;:!?)\"'\u2019\u201d-]|$)|\s+(?:and|or|to|through|till|until|when|while|at|in|on|as|after|before|but|with|the|a|an|"
    r"he|she|it|they|we|its|their|his|her|this|that|of\s+(?:this|last|next|the)\s+month|was|were|is|has|had|will|would|saw|left|"
    r"[a-z]+ed(?<!hundred))\b")


_DAY_PREPOSITION = re.compile(r"\b(?:on|since|by|until|till|from|before|after|of|to|through|and)\s+$", re.I)


def n_ordinal_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "on the 19th": the 19th of the month the narrative is on, else the most recent 19th."""
    if not ctx.given and not (_DAY_FOLLOWER.match(ctx.text, m.end()) and _DAY_PREPOSITION.search(ctx.text, max(0, m.start() - 9), m.start())):
        return None
    day = int(m["day"])
    a = ctx.anchor
    if a is not None and a.date_start and len(a.value) >= 7 and a.value[4] == "-" and a.value[5:7].isdigit():
        year, month = int(a.value[:4]), int(a.value[5:7])
        on_narrative = True
    elif ctx.ref is not None:
        ref = ctx.ref
        year, month = ref.year, ref.month
        if day > ref.day and not ctx.future(m.start(), m.end()):
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        elif day < ref.day and ctx.future(m.start(), m.end()):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        on_narrative = False
    else:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    t = day_timex(m, date(year, month, day), anchored=True)
    t.anchored_on_narrative = on_narrative
    t.start = m.start("the")
    t.text = ctx.text[t.start : t.end]
    return t


def n_weeks_ago_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "a week ago Tuesday" is the Tuesday before last Tuesday; "a week from Sunday" the one after next."""
    ref = ctx.ref
    n = number(m["n"])
    if ref is None or n is None or not 0 < n <= 52:
        return None
    wd = WEEKDAYS[m["weekday"].lower()]
    if m["dir"].lower() == "ago":
        d = ref - timedelta(days=(ref.weekday() - wd) % 7 + 7 * n)
    else:
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 + 7 * n)
    return day_timex(m, d, anchored=True)


# Days of the month each part covers: (first day, last day), negative from the month's end.
_MONTH_PARTS = {
    ("first", "half"): (1, 15), ("second", "half"): (16, -1), ("last", "half"): (16, -1), ("latter", "half"): (16, -1),
    ("first", "week"): (1, 7), ("second", "week"): (8, 14), ("third", "week"): (15, 21), ("fourth", "week"): (22, 28),
    ("last", "week"): (-7, -1), ("final", "week"): (-7, -1), ("first", "days"): (1, 7), ("last", "days"): (-7, -1),
    ("final", "days"): (-7, -1), ("closing", "days"): (-7, -1), ("opening", "days"): (1, 7),
}


def n_month_part(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the second half of May", "the last week of June": the month, with the days of that part.

    TIMEX3 has no value for part of a month, so the value is the month with mod START, MID or
    END (as for "early May"); date_start/date_end carry the days."""
    which, what = m["which"].lower(), m["what"].lower().split()[-1]
    what = "days" if what in ("days", "weeks") else what
    bounds = _MONTH_PARTS.get((which, what))
    if bounds is None:
        return None
    month = month_num(m["month"])
    year = int(m["year"]) if m["year"] else year_for(month, 1, ctx, m)
    if year is None:
        return None
    t = month_timex(m, year, month, anchored=not m["year"])
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = (b if b > 0 else last + 1 + b for b in bounds)
    t.date_start, t.date_end = iso(date(year, month, first_day)), iso(date(year, month, last_day))
    t.mod = "START" if last_day <= 15 and first_day == 1 else "END" if last_day == last else "MID"
    t.precision = WEEK if what != "half" else t.precision
    return t


def n_clock24(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "0300 GMT", "14:30 local time": wire copy's 24-hour clock, on the narrative's day."""
    hour, minute = int(m["h"]), int(m["min"])
    military = m.string[max(0, m.start() - 3) : m.start()].lower() == "at "
    if hour > 23 or (m["tz"].lower().startswith(("hour", "hrs")) and ":" not in m.group(0) and not military):
        return None  # "1500 hours" is a length as often as a time; "15:00 hours" and "at 1500 hours" are sure
    return clock_timex(m, ctx, hour, minute)


def n_millennia(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "two thousand years" → P2L, "a millennium" → P1L, "millennia" → PXL."""
    if m["many"]:
        return _new(m, "DURATION", "PXL")
    n = 1 if m["one"] else number(m["n"])
    return _new(m, "DURATION", f"P{n}L") if n else None


def n_narrative_part(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "in the morning": that part of the day the narrative is on (a TIME, "…TMO")."""
    base, on_narrative = base_day(ctx, narrative=True)
    if base is None:
        return None
    t = _new(m, "TIME", f"{iso(base)}T{PARTS_OF_DAY[m['part'].lower()]}", base, base, DAY, anchored=True)
    t.anchored_on_narrative = on_narrative
    t.start = m.start("the")
    t.text = ctx.text[t.start : t.end]
    return t


NORMALISERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "millennia": n_millennia, "narrative_part": n_narrative_part, "ordinal_day": n_ordinal_day,
    "weeks_ago_day": n_weeks_ago_day, "month_part": n_month_part, "clock24": n_clock24
}

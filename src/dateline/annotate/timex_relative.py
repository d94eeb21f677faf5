"""Values of relative expressions: weekdays, "yesterday", "two days later", "last week",
durations, sets, clock times and vague references (PAST_REF, PRESENT_REF, FUTURE_REF)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .timex_fiscal import compared_last_year, year_ago
from .timex_model import DAY, MONTH, WEEK, Timex
from .timex_rules import PARTS_OF_DAY, RANGE_START, UNIT_CODES, VAGUE_COUNTS, WEEKDAYS
from .timex_values import (
    _CLAUSE_END as _SENTENCE_END,
)
from .timex_values import (
    Context,
    _new,
    add_months,
    base_day,
    clock_timex,
    day_timex,
    iso,
    month_num,
    month_timex,
    number,
    quarter_timex,
    week_timex,
    year_timex,
)

_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "semiannually": "P6M"}
_VAGUE = {"recently": "PAST_REF", "lately": "PAST_REF", "in the past": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
          "previously": "PAST_REF", "once": "PAST_REF", "recent": "PAST_REF", "in the future": "FUTURE_REF", "the future": "FUTURE_REF",
          "the near future": "FUTURE_REF", "soon": "FUTURE_REF"}


# "until Friday", also across a clock time: "extended its deadline until 9 a.m. EST Tuesday".
_UNTIL = re.compile(r"\b(?:until|till|by|as\s+(?:early|soon)\s+as)\s+(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{3})?,?\s+)?$", re.I)


_WEEK_AFTER = re.compile(r",?\s+(?:of\s+)?(?P<rel>last|next|this)\s+week\b", re.I)


def n_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    ref = ctx.ref
    if ref is None or not m["weekday"][0].isupper():
        return None
    wd = WEEKDAYS[m["weekday"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    # News convention: the most recent such day, the publication day included; in a clause
    # about the future, the next one.
    if rel in ("the previous", "the following"):
        # counted from the day the narrative is on: "the previous Friday" is the one before it
        base, _ = base_day(ctx, narrative=True)
        if base is None:
            return None
        d = base - timedelta(days=(base.weekday() - wd) % 7 or 7) if rel == "the previous" else base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    elif rel in ("next", "coming", "this coming"):
        d = ref + timedelta(days=ahead or 7)
    elif rel == "last":
        d = ref - timedelta(days=back or 7)
    elif (rel in ("until", "by") and not ctx.past(m.start(), m.end())) or (
        rel == "" and back and (ctx.future(m.start(), m.end()) or (_UNTIL.search(ctx.text, max(0, m.start() - 40), m.start()) and not ctx.past(m.start(), m.end())))
    ):
        d = ref + timedelta(days=ahead)
    else:
        d = ref - timedelta(days=back)
    week = _WEEK_AFTER.match(ctx.text, m.end()) if not rel else None
    if week is not None:  # "on Wednesday last week": that week's Wednesday, not the latest one
        shift = {"last": -1, "next": 1}.get(week["rel"].lower(), 0)
        d = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * shift + wd)
    t = day_timex(m, d, anchored=True)
    # "Friday evening" is a TIME in TimeBank (…TEV, every time on train); "Friday night" and
    # "Friday morning" are written as the bare day about as often as with the part: the day.
    part = (m["dpart"] or "").strip().lower()
    if part in ("evening", "afternoon"):
        t.type, t.value = "TIME", f"{iso(d)}T{PARTS_OF_DAY[part]}"
    if rel == "since":
        t.mod, t.date_end = "START", iso(ref)
    if rel in ("since", "until", "by"):
        t.start = m.start("weekday")
        t.text = m.group(0)[t.start - m.start():]
    return t


def n_relday(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.ref is None or _title(m, ctx, m["word"]):
        return None
    word = " ".join(m["word"].lower().split())
    if word == "overnight":  # the night before the day the narrative is on ("overnight losses in New York")
        base, on_narrative = base_day(ctx, narrative=True)
        if base is None:
            return None
        d = base - timedelta(days=1)
        return _new(m, "TIME", f"{iso(d)}TNI", d, d, DAY, anchored=True, anchored_on_narrative=on_narrative)
    offset = -2 if "day before" in word else -1 if ("yesterday" in word or word == "last night") else 1 if "tomorrow" in word else 0
    d = ctx.ref + timedelta(days=offset)
    t = day_timex(m, d, anchored=True)
    part = next((code for key, code in PARTS_OF_DAY.items() if key in word), None)
    if word in ("last night", "tonight"):
        part = None
    if part:
        t.type, t.value = "TIME", f"{iso(d)}T{part}"
    return t


def _shift(m: re.Match[str], base: date, n: int, unit: str, *, anchored: bool, granular: Timex | None = None) -> Timex | None:
    """The day, week, month, quarter or year ``n`` units from ``base`` (n < 0 is earlier)."""
    if granular is not None and "-Q" in granular.value and unit == "year":
        y, q = int(granular.value[:4]), int(granular.value[-1])
        return quarter_timex(m, y + n, q, anchored=anchored)
    if unit == "day":
        return day_timex(m, base + timedelta(days=n), anchored=anchored)
    if unit == "week":
        return week_timex(m, base + timedelta(days=7 * n), anchored=anchored)
    if unit == "month":
        y, mo = add_months(base.year, base.month, n)
        return month_timex(m, y, mo, anchored=anchored)
    if unit == "quarter":
        y, mo = add_months(base.year, base.month, 3 * n)
        return quarter_timex(m, y, (mo - 1) // 3 + 1, anchored=anchored)
    if unit == "year":
        return year_timex(m, base.year + n, anchored=anchored)
    if unit == "century":  # "this century" is the 1900s in 1999: TIMEX3 "19"
        cent = (base.year // 100 + n) * 100
        return _new(m, "DATE", f"{cent // 100:02d}", date(cent, 1, 1), date(cent + 99, 12, 31), MONTH, anchored=anchored)
    if unit == "decade":
        dec = (base.year // 10 + n) * 10
        return _new(m, "DATE", f"{dec // 10:03d}", date(dec, 1, 1), date(dec + 9, 12, 31), MONTH, anchored=anchored)
    return None


def length_value(n: int | None, unit: str) -> str:
    """A TIMEX3 duration: decades and centuries in years and quarters in months, as TimeBank writes them."""
    code = UNIT_CODES[unit]
    if unit in ("decade", "century"):
        return f"P{'X' if n is None else n * (10 if unit == 'decade' else 100)}Y"
    if unit == "quarter":
        return f"P{'X' if n is None else 3 * n}M"
    qty = "X" if n is None else str(n)
    return f"PT{qty}{code}" if unit in ("second", "minute", "hour") else f"P{qty}{code}"


# "a few days ago", "several weeks ago": the nearest and farthest days back such words mean, and the precision
_SOME_BACK = {"day": (1, 7, WEEK), "week": (7, 35, MONTH)}


def n_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    direction = " ".join(m["dir"].lower().split())
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    n = number(m["n"])
    if direction in ("before", "after") and re.match(r"\s*[\w$]", ctx.text[m.end():m.end() + 3]):
        # "two days after the raid": counted from an event, not a time; only the length is sure
        return _new(m, "DURATION", length_value(number(m["n"]), unit))
    later = direction in ("later", "after", "from now", "hence")
    narrative = direction in ("earlier", "before", "later", "after", "previously")
    # "a year earlier" after "a year ago" counts from the publication date, not from that year
    chained = unit == "year" and ctx.anchor is not None and ctx.anchor.anchored and "-Q" not in ctx.anchor.value
    base, on_narrative = base_day(ctx, narrative=narrative and not chained, unit=unit)
    if base is None:
        return None
    if n is None and unit == "year" and not later and ctx.ref is not None:
        return _new(m, "DATE", f"{(ctx.ref.year - 3) // 10:03d}X")  # "a few years ago": some year of that decade
    if n is None and not later and unit in _SOME_BACK:
        # "a few days ago", "several weeks ago": some days back, not the day itself; TimeML's PAST_REF, with the
        # days it may be as the range (an event dated by it falls in them)
        nearest, farthest, precision = _SOME_BACK[unit]
        return _new(m, "DATE", "PAST_REF", base - timedelta(days=farthest), base - timedelta(days=nearest), precision,
                    mod="APPROX", anchored=True)
    if n is None or unit in ("second", "minute", "hour", "century"):
        code = UNIT_CODES[unit]
        value = "PAST_REF" if not later else "FUTURE_REF"
        if n is not None:
            value = f"PT{n}{code}" if unit in ("second", "minute", "hour") else f"P{n}{code}"
        return _new(m, "DURATION" if n is not None else "DATE", value)
    if unit == "decade":
        unit, n = "year", 10 * n  # "a decade ago" is about ten years back (1989 in 1999), not the 1980s
    a = ctx.anchor
    if unit == "year" and n == 1 and not later and (a is None or a.anchored or "-Q" in a.value):
        return year_ago(m, ctx)  # a comparison with the story's period a year before
    granular = a if unit == "year" and n == 1 and a is not None and "-Q" in a.value and ctx.ref is not None and a.value.startswith(str(ctx.ref.year)) else None
    t = _shift(m, base, n if later else -n, unit, anchored=True, granular=granular)
    if t is not None:
        t.anchored_on_narrative = on_narrative
        if "two" in (m.groupdict().get("or") or "") and t.date_start and t.date_end:
            _widen(t, _shift(m, base, (n + 1) if later else -(n + 1), unit, anchored=True))  # "a day or two ago"
    return t


def _widen(t: Timex, other: Timex | None) -> None:
    """ "a day or two ago": the value of the first count, the days of both, mod APPROX."""
    if other is None or other.date_start is None or other.date_end is None:
        return
    t.date_start, t.date_end = min(t.date_start, other.date_start), max(t.date_end, other.date_end)
    t.mod, t.precision = "APPROX", max(t.precision or DAY, WEEK)


# "Nov. 3, the day before authorities issued a warrant": "the day" is Nov. 3 itself, the day
# before an event; TimeML marks "the day" and leaves the event out.
_APPOSED_DATE = re.compile(r"[,\u2014-]\s*$")
_EVENT_AFTER = re.compile(r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?[a-z]")


def _apposed_day(m: re.Match[str], ctx: Context, word: str) -> Timex | None:
    """ "Oct. 12, the day before the plunge": the date the expression stands beside, on "the day"."""
    a = ctx.anchor
    if not word.startswith("the day ") or a is None or a.precision != DAY or len(a.value) != 10 or a.end > m.start():
        return None
    if m.start() - a.end > 3 or not _APPOSED_DATE.search(ctx.text, a.end, m.start()) or not _EVENT_AFTER.match(ctx.text, m.end()):
        return None
    if re.match(r"\s+yesterday\b", ctx.text[m.end() : m.end() + 12], re.I):
        return None
    d = date.fromisoformat(a.value)
    t = day_timex(m, d, anchored=True)
    t.end = m.start() + len(m.group(0).split()[0]) + 1 + len(m.group(0).split()[1])
    t.text = ctx.text[t.start : t.end]
    t.anchored_on_narrative = True
    return t


def n_anchor_day(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m["word"].lower().split())
    apposed = _apposed_day(m, ctx, word)
    if apposed is not None:
        return apposed
    unit = next(u for u in ("day", "week", "month", "year", "morning", "afternoon", "evening", "night") if u in word.split())
    base, on_narrative = base_day(ctx, narrative=True, unit=unit)
    if base is None:
        return None
    n = -1 if ("previous" in word or "before" in word) else 1 if ("next" in word or "following" in word or "after" in word) else 0
    if unit in ("morning", "afternoon", "evening", "night"):
        d = base + timedelta(days=n)
        t = _new(m, "TIME", f"{iso(d)}T{PARTS_OF_DAY[unit]}", d, d, DAY, anchored=True)
    elif n == 0 and ctx.anchor is not None and on_narrative and unit == "day":
        t = _new(m, "DATE", ctx.anchor.value[:10], base, base, DAY, anchored=True)
    else:
        t = _shift(m, base, n, unit, anchored=True)
    if t is not None:
        t.anchored_on_narrative = on_narrative
    return t


def n_then(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "until then", "by then": the time the narrative is on ("terminate on Nov. 30. Until then, ...")."""
    a = ctx.anchor
    if a is None or not a.is_calendar or a.value.endswith("_REF"):
        return None
    start = m.end() - 4  # the expression is "then"; the preposition stays outside, as TimeML has it
    return Timex(start, m.end(), "then", a.type, a.value, a.date_start, a.date_end, a.precision, anchored=True, anchored_on_narrative=True)


def _title(m: re.Match[str], ctx: Context, word: str) -> bool:
    """ "ABC's "This Week"", "VOA Today": a programme's title, not a time (a capital mid-sentence)."""
    if ctx.given or not word[:1].isupper():
        return False
    before = ctx.text[max(0, m.start() - 3) : m.start()].rstrip(" \"'`")
    return bool(before) and before[-1] not in ".!?:\n-" and not word.isupper()


def n_rel_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    ref = ctx.ref
    if ref is None or _title(m, ctx, m["unit"]):
        return None
    rel = " ".join(m["rel"].lower().split()).removeprefix("the ")
    unit = m["unit"].lower()
    part = rel.split()[0] if rel.split()[0] in ("early", "late", "earlier", "later", "end", "beginning", "start", "middle") else ""
    rel = rel.split()[-1]
    if unit == "weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if rel in ("next", "coming"):
            saturday += timedelta(days=7)
        elif rel == "last" and ref.weekday() >= 5:
            saturday -= timedelta(days=7)
        y, w, _ = saturday.isocalendar()
        return _new(m, "DATE", f"{y:04d}-W{w:02d}-WE", saturday, saturday + timedelta(days=1), WEEK, anchored=True)
    if rel == "past" and unit == "century":  # "the past century": the last hundred years
        return _new(m, "DURATION", "P100Y")
    if rel == "past" and unit in ("week", "month"):
        days = 7 if unit == "week" else 30
        return _new(m, "DURATION", f"P1{UNIT_CODES[unit]}", ref - timedelta(days=days), ref, WEEK if unit == "week" else MONTH, anchored=True)
    if rel == "same" and ctx.anchor is not None and ctx.anchor.date_start:
        base = date.fromisoformat(ctx.anchor.date_start)
        t = _shift(m, base, 0, unit, anchored=True)
        if t:
            t.anchored_on_narrative = True
        return t
    if rel == "last" and unit == "year" and not part:
        compared = compared_last_year(m, ctx)  # "compared with $3 million last year" after a quarter
        if compared is not None:
            return compared
    n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    t = _shift(m, ref, n, unit, anchored=True)
    if t is not None and part:
        from .timex_values import apply_part

        apply_part(t, {"earlier": "early", "later": "late"}.get(part, part))
        t.mod = None if part in ("earlier", "later") else t.mod
    return t


# Lengths that are not time expressions: a fraction ("three-quarters of its food"), an ordinal
# ("a second betrayal"), a rate ("four flights a week"), a title ("60 Minutes").
_RATE_BEFORE = re.compile(rf"(?:\d[\d,.]*|\b(?:{'|'.join(w for w in ('two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozen', 'hundred', 'thousand'))}))(?:\s+[a-z]+)?\s+$", re.I)


def _not_a_length(m: re.Match[str], ctx: Context, unit: str, n_text: str) -> bool:
    after = ctx.text[m.end() : m.end() + 4].lower()
    word = m["unit"]
    if unit == "quarter" and "-" in m.group(0) and after.startswith(" of"):
        return True
    if unit == "second" and n_text in ("a", "an") and not re.match(r"\s+(?:later|ago|earlier|before|after)\b", ctx.text[m.end() : m.end() + 10], re.I):
        return True
    if n_text in ("a", "an") and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return True
    return word[0].isupper() and not m.group(0)[0].isupper()


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|should|'ll)\s+$", re.I)


def n_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    if not ctx.given and _not_a_length(m, ctx, unit, " ".join(m["n"].lower().split())):
        return None
    n_text = " ".join(m["n"].lower().split())
    if unit == "day" and m.group(0).lower() in ("one day", "some day") and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return _new(m, "DATE", "FUTURE_REF")  # "Islam will one day be ...": a time to come, not a length
    n = number(n_text)
    # "a decades-long feud": the article belongs to the noun, the count is plural and vague
    plural_after_article = n_text in ("a", "an") and m.group(0)[m.end("unit") - m.start() : m.end("unit") - m.start() + 1].lower() == "s"
    if plural_after_article:
        n = None
    code = UNIT_CODES[unit]
    qty = "X" if n is None else (str(n) if unit != "quarter" else str(n))
    if n is None and not plural_after_article and n_text not in {v.split()[-1] for v in VAGUE_COUNTS} | VAGUE_COUNTS:
        return None
    if unit == "quarter" and n is not None:
        qty, code = str(3 * n), "M"
    elif unit in ("decade", "century"):  # TimeBank writes decades and centuries in years
        qty, code = ("X" if n is None else str(n * (10 if unit == "decade" else 100))), "Y"
    value = f"PT{qty}{code}" if unit in ("second", "minute", "hour") else f"P{qty}{code}"
    t = _new(m, "DURATION", value)
    if plural_after_article:
        t.start = m.start("unit")
        t.text = m.group(0)[t.start - m.start() :]
    head = m.group(0).lower()
    if ctx.ref is not None and n is not None and re.match(r"(?:the\s+)?(?:past|last)\b", head):
        days = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "decade": 3652}.get(unit)
        if days:
            t.date_start, t.date_end = iso(ctx.ref - timedelta(days=days * n)), iso(ctx.ref)
            t.precision, t.anchored = (WEEK if days * n <= 31 else MONTH), True
    if re.search(r"\sor\s+two$", m.group(0), re.I):
        t.mod = "EQUAL_OR_MORE"  # "for a year or two": at least the first count
    return _range(m, ctx, t, n, unit) if n is not None else t


def _range(m: re.Match[str], ctx: Context, t: Timex, n: int, unit: str) -> Timex:
    """ "two to three weeks": one length; TIMEX3 has no range, so the lower bound with mod EQUAL_OR_MORE."""
    if m.start() != m.start("n"):
        return t  # "about three weeks": no range before a modifier
    r = RANGE_START.search(ctx.text, max(m.pos, m.start() - 30), m.start())  # not before a given span
    low = number(r["low"]) if r else None
    if r is None or low is None or not 0 < low < n:
        return t  # "the 3-2 vote", "1988-89": not a range of lengths
    t.value, t.mod = length_value(low, unit), "EQUAL_OR_MORE"
    t.start, t.text = r.start(), ctx.text[r.start() : t.end]
    t.date_start = t.date_end = None
    return t


_TIME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d|last|this|next|that)")
# "recent months" is a span of time (3 of 4 on train), "recent years" a vague past (3 of 5).
_RECENT_SPANS = ("day", "week", "month", "quarter")


# Read by looking back from a bare plural, not by a pattern of their own (a pattern for these
# words cost 1 % of the finder): "within weeks", "over the years", "the first hours of the war".
_WITHIN_BEFORE = re.compile(r"\bwithin\s+$", re.I)
_OVER_BEFORE = re.compile(r"\bover\s+$", re.I)
_FIRST_BEFORE = re.compile(r"\bthe\s+(?:first|early|final|opening)\s+$", re.I)


def _span_plural(m: re.Match[str], ctx: Context, unit: str, rel: str) -> Timex | None:
    """A span of unknown length named by the words before a bare plural; None when there are none.

    Not "the early hours of Thursday", where the time is the one named after it."""
    lo = max(m.pos, m.start() - 20)
    if rel == "the":
        found = _OVER_BEFORE.search(ctx.text, lo, m.start())  # "over [the years]"
        start = m.start()
    else:
        found = _WITHIN_BEFORE.search(ctx.text, lo, m.start())  # "within [weeks]"
        start = m.start()
        if found is None and (found := _FIRST_BEFORE.search(ctx.text, lo, m.start())) is not None:
            start = found.start()  # "[the first hours]"
    if found is None or _TIME_AFTER.match(ctx.text, m.end()):
        return None
    t = _new(m, "DURATION", length_value(None, unit))
    t.start, t.text = start, ctx.text[start : m.end()]
    return t


def n_plural(m: re.Match[str], ctx: Context) -> Timex | None:
    rel = " ".join((m["rel"] or "").lower().split())
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    if m["ago"]:
        return _new(m, "DATE", "PAST_REF")
    if rel == "these":
        return _new(m, "DATE", "PRESENT_REF") if unit == "day" else None  # "these days" is now
    if m["ahead"] and rel == "the":
        return _new(m, "DURATION", length_value(None, unit))  # "in the weeks ahead": a future span of unknown length
    if rel in ("", "the") and (span := _span_plural(m, ctx, unit, rel)) is not None:
        return span
    if rel == "the":
        rel = ""  # "the years", "in the days before the shooting": a bare plural
    if not rel and unit not in ("decade", "century") and not ctx.given:
        return None  # a bare "days" or "years" is too often not a time expression
    if rel == "in recent":
        t = _new(m, "DATE", "PAST_REF") if unit not in _RECENT_SPANS else _new(m, "DURATION", length_value(None, unit))
        t.start = m.start() + 3
        t.text = m.group(0)[3:]
        return t
    if rel == "recent" and unit in _RECENT_SPANS:
        return _new(m, "DURATION", length_value(None, unit))  # "recent months" is a span of time (3 of 4 on train)
    if rel in ("recent", "the past", "the last", "past", "last"):
        return _new(m, "DATE", "PAST_REF")
    if rel in ("coming", "the coming", "the next", "next"):
        return _new(m, "DATE", "FUTURE_REF")
    code = "Y" if unit == "decade" else UNIT_CODES[unit]  # TimeBank writes decades in years
    t = _new(m, "DURATION", f"PTX{code}" if unit in ("second", "minute", "hour") else f"PX{code}")
    if rel in ("for", "within"):  # "within weeks": the length, not the preposition
        t.start = m.start("unit")
        t.text = m.group(0)[t.start - m.start():]
    return t


def n_set(m: re.Match[str], ctx: Context) -> Timex | None:
    return _new(m, "SET", _SET_WORDS[m["word"].lower()])


def n_set_each(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["month2"]:
        return _new(m, "SET", f"XXXX-{month_num(m['month2']):02d}")
    if m["wd"]:
        return _new(m, "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    n = 2 if (m["n"] or "").lower() == "other" else (number(m["n"]) if m["n"] else 1)
    code = UNIT_CODES[unit]
    return _new(m, "SET", f"PT{n}{code}" if unit in ("second", "minute", "hour") else f"P{n}{code}")


def n_long_adj(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "day-long" → P1D, "decades-long" → PXY (a plural is a length nobody counted)."""
    return _new(m, "DURATION", length_value(None if m["pl"] else 1, m["unit"].lower()))


# A schedule: "flights will leave on Monday and Tuesday nights from March 30", "usually on Friday nights".
_HABITUAL = re.compile(r"\b(?:each|every|usually|normally|regularly|from|starting|beginning|would|will)\b", re.I)


def n_weekday_set(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Mondays" → XXXX-WXX-1, "Tuesday nights" in a schedule → XXXX-WXX-2TNI (TIMEX3 SET values).

    Outside a schedule "fighting raged Monday and Tuesday nights" names two nights: the most
    recent such day, that part of it (a TIME)."""
    wd = WEEKDAYS[m["wd"].lower()]
    part = m["part"] or m["part2"]
    code = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
    if part and ctx.ref is not None and not _schedule(m, ctx):
        d = ctx.ref - timedelta(days=(ctx.ref.weekday() - wd) % 7)
        return _new(m, "TIME", f"{iso(d)}{code}", d, d, DAY, anchored=True)
    return _new(m, "SET", f"XXXX-WXX-{wd + 1}{code}")


def _schedule(m: re.Match[str], ctx: Context) -> bool:
    """Whether the sentence around a weekday speaks of a schedule or the future, not of past nights."""
    before = ctx.text[max(0, m.start() - 80) : m.start()]
    cut = max((c.end() for c in _SENTENCE_END.finditer(before)), default=0)
    after = ctx.text[m.end() : m.end() + 60]
    stop = _SENTENCE_END.search(after)
    window = before[cut:] + " " + after[: stop.start() if stop else len(after)]
    return bool(_HABITUAL.search(window)) or ctx.future(m.start(), m.end())


def n_vague(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m["word"].lower().replace("-", " ").split())
    value = _VAGUE.get(word)
    if value is None:
        value = "FUTURE_REF" if word.endswith("term") else "PRESENT_REF"
    if word == "once":
        return None  # too often not temporal ("once again")
    if word == "current":
        value = "PRESENT_REF"
    return _new(m, "DATE", value)


def n_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    ampm = " ".join(m["ampm"].lower().replace(".", "").split())
    if ampm in ("noon", "midnight", "midday"):
        hour, minute = (24, 0) if ampm == "midnight" else (12, 0)  # "midnight Friday" ends Friday (ISO 24:00)
    else:
        hour, minute = int(m["h"]) % 12, int(m["min"] or 0)
        if ampm.startswith("p") or "afternoon" in ampm or "evening" in ampm:
            hour += 12
    return clock_timex(m, ctx, hour, minute)


NORMALISERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "weekday": n_weekday, "weekday_set": n_weekday_set, "long_adj": n_long_adj, "relday": n_relday, "ago": n_ago, "anchor_day": n_anchor_day, "rel_unit": n_rel_unit,
    "duration": n_duration, "plural": n_plural, "then": n_then, "set": n_set, "set_each": n_set_each, "vague": n_vague, "clock": n_clock,
}

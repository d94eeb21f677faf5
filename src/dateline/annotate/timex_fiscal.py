"""The period a year-ago comparison names in financial news: a year, or the story's quarter.

"Net income was $5 million, up from $4 million a year earlier" compares the story's period with
the same period a year before. Which period depends on what the sentence is about: after
"in the third quarter" it is last year's third quarter (`1988-Q3`), after "for the nine months"
or "for the year" it is last year (`1988`). The nearest period word before the expression in
the same sentence decides; without one, the story's quarter when the narrative anchor is a
quarter, else the year. A comparison never chains: "a year earlier" after "a year ago" is the
same period, not two years back.

"The latest period", "the 1989 period", "the corresponding period last year" name the story's
period too: its quarter when the narrative is on a quarter, else the year. "Compared with $3
million last year" in a sentence about a quarter is last year's quarter: what is compared
decides, as it does for "a year ago".
"""

from __future__ import annotations

import re

from .timex_model import Timex
from .timex_values import Context, month_timex, quarter_timex, year_timex

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'`])|\n")
# The period words of earnings reports; the last one before the expression wins.
_PERIOD = re.compile(r"\b(?P<q>quarter|quarterly)\b|\b(?P<y>(?:nine|six|twelve|12)[\s-]+months?|half|year|fiscal\s+\d{4})\b", re.I)
_QUARTER_ENDED = re.compile(r"(?:\b(?P<ord>first|second|third|fourth)[\s-]+(?:fiscal[\s-]+)?)?\bquarter\s+end(?:ed|ing)\s+(?:on\s+)?$", re.I)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "compared with ... last year", "from last year's $1.55 billion": a comparison of two periods.
_COMPARISON = re.compile(r"\b(?:compared?\s+(?:with|to)|from|against|versus|vs\.|than)\b", re.I)


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - 300) : start]
    # the "X" stands for the expression itself, so that a sentence it opens is cut off too
    cut = max((m.end() for m in _SENTENCE_END.finditer(window + "X")), default=0)
    return window[cut:]


def period_kind(ctx: Context, start: int) -> str | None:
    """ "Q" or "Y" from the nearest period word before ``start`` in its sentence; None without one."""
    last = None
    for m in _PERIOD.finditer(_sentence_before(ctx.text, start)):
        last = "Q" if m["q"] else "Y"
    return last


def year_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """The period one year before the story's period (see the module docstring)."""
    ref, a = ctx.ref, ctx.anchor
    if ref is None:
        return None
    anchor_q = a is not None and "-Q" in a.value and a.value[:4].isdigit()
    story = story_quarter(ctx)
    named = re.search(r"\b(?:quarter|period)\b", m.group(0), re.I)  # "the year-ago quarter" names its period
    kind = "Q" if named else period_kind(ctx, m.start()) or ("Q" if story else "Y")
    if kind == "Y":
        return year_timex(m, ref.year - 1, anchored=True)
    if story is not None and not anchor_q:  # the narrative is on "the quarter ended Sept. 30"
        return quarter_timex(m, story[0] - 1, story[1], anchored=True)
    if a is not None and anchor_q:
        year, q = int(a.value[:4]), int(a.value[-1])
        # the anchor is the story's quarter (this year) or already the year-ago one
        return quarter_timex(m, year - 1 if year >= ref.year else year, q, anchored=True)
    last_q = (ref.month - 1) // 3 or 4
    return quarter_timex(m, ref.year - 1 if last_q < 4 else ref.year - 2, last_q, anchored=True)


def story_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter an earnings story reports on: the narrative's quarter moved to this year, else None."""
    a, ref = ctx.anchor, ctx.ref
    ended = _QUARTER_ENDED.search(ctx.text, max(0, a.start - 45), a.start) if a is not None and len(a.value) == 10 else None
    if a is not None and ended is not None:
        # "the quarter ended Sept. 30" is that quarter; "the fourth quarter ended Aug. 26" the company's
        # fourth (fiscal) quarter of that year
        q = _ORDINAL[ended["ord"].lower()] if ended["ord"] else (int(a.value[5:7]) - 1) // 3 + 1
        return int(a.value[:4]), q
    if a is None or ref is None or "-Q" not in a.value or not a.value[:4].isdigit():
        return None
    year, q = int(a.value[:4]), int(a.value[-1])
    # after "the year-ago quarter" the story's own quarter is the one a year later
    return (year + 1 if a.anchored and year < ref.year else year), q


def compared_last_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "compared with a loss of $3 million last year" in a story about a quarter: last year's quarter.

    None when the sentence is not a comparison or its period is not a quarter (then "last year" is the year).
    """
    before = _sentence_before(ctx.text, m.start())
    if not _COMPARISON.search(before):
        return None
    story = story_quarter(ctx)
    kind = period_kind(ctx, m.start()) or ("Q" if story else None)
    if kind != "Q" or story is None:
        return None
    return quarter_timex(m, story[0] - 1, story[1], anchored=True)


def n_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the latest period", "the 1989 period", "the corresponding period last year": the story's period."""
    ref = ctx.ref
    if ref is None:
        return None
    back = 1 if (m["ago"] or m["ago2"]) else 0
    kind = period_kind(ctx, m.start())
    story = story_quarter(ctx) if kind != "Y" else None  # "for the nine months ... the 1988 period"
    if story is None and (kind == "Q" or (m["what"] or "").lower() == "quarter"):
        last_q = (ref.month - 1) // 3 or 4  # the last quarter completed before publication
        story = (ref.year if last_q < 4 else ref.year - 1, last_q)
    if m["year"]:
        year = int(m["year"])
        return quarter_timex(m, year, story[1], anchored=True) if story else year_timex(m, year)
    if story is not None:
        return quarter_timex(m, story[0] - back, story[1], anchored=True)
    which = (m["which"] or "").lower()
    if which in ("latest", "current") and not back:
        last_q = (ref.month - 1) // 3 or 4
        return quarter_timex(m, ref.year if last_q < 4 else ref.year - 1, last_q, anchored=True)
    if kind == "Y" or which in ("latest", "current"):
        return year_timex(m, ref.year - back, anchored=True)
    # outside earnings news "the same period (last year)" is the narrative's month or year
    a = ctx.anchor
    if a is not None and re.fullmatch(r"\d{4}", a.value):
        return year_timex(m, int(a.value) - back, anchored=True)
    if a is not None and re.fullmatch(r"\d{4}-\d\d", a.value):
        return month_timex(m, int(a.value[:4]) - back, int(a.value[5:]), anchored=True)
    return None

"""The period a year-ago comparison names in financial news: a year, or the story's quarter.

"Net income was $5 million, up from $4 million a year earlier" compares the story's period with
the same period a year before. Which period depends on what the sentence is about: after
"in the third quarter" it is last year's third quarter (`1988-Q3`), after "for the nine months"
or "for the year" it is last year (`1988`). The nearest period word before the expression in
the same sentence decides; without one, the story's quarter when the narrative anchor is a
quarter, else the year. A comparison never chains: "a year earlier" after "a year ago" is the
same period, not two years back.
"""

from __future__ import annotations

import re

from .timex_model import Timex
from .timex_values import Context, quarter_timex, year_timex

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'`])|\n")
# The period words of earnings reports; the last one before the expression wins.
_PERIOD = re.compile(r"\b(?P<q>quarter|quarterly)\b|\b(?P<y>(?:nine|six|twelve|12)[\s-]+months?|half|year|fiscal\s+\d{4})\b", re.I)


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - 300) : start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
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
    named = re.search(r"\b(?:quarter|period)\b", m.group(0), re.I)  # "the year-ago quarter" names its period
    kind = "Q" if named else period_kind(ctx, m.start()) or ("Q" if anchor_q else "Y")
    if kind == "Y":
        return year_timex(m, ref.year - 1, anchored=True)
    if a is not None and anchor_q:
        year, q = int(a.value[:4]), int(a.value[-1])
        # the anchor is the story's quarter (this year) or already the year-ago one
        return quarter_timex(m, year - 1 if year >= ref.year else year, q, anchored=True)
    last_q = (ref.month - 1) // 3 or 4
    return quarter_timex(m, ref.year - 1 if last_q < 4 else ref.year - 2, last_q, anchored=True)

"""Lengths with a fraction: "2 1/2 years", "a year and a half", "two and a half hours", "1.5 years".

TIMEX3 writes a length in whole units, the fraction in the next smaller unit ("P2Y6M",
"PT2H30M", "P1DT12H"); a fraction that is not a whole number of the smaller unit stays a
decimal of the unit ("P2.5W" for two and a half weeks is 17.5 days). With "ago" / "later" the
expression is the date that far from the publication date (or the narrative's day for
"earlier"/"later"), at the precision the fraction allows: "a year and a half ago" is a month.

Without this reader "2 1/2 years" was read as "2 years" (P2Y) and "a year and a half ago" as
"a year" — wrong lengths, not just coarse ones.
"""

from __future__ import annotations

import re
from datetime import timedelta
from fractions import Fraction
from typing import Callable

from .timex_model import Timex
from .timex_values import Context, _new, add_months, base_day, day_timex, month_timex, number

# unit → (its TIMEX3 code, the smaller unit's code, how many of the smaller unit it holds)
_SPLIT = {
    "year": ("Y", "M", 12), "month": ("M", "D", 30), "week": ("W", "D", 7), "day": ("D", "H", 24),
    "hour": ("H", "M", 60), "minute": ("M", "S", 60),
}
_TIME_UNITS = ("hour", "minute", "second")
_FRACTIONS = {"1/2": Fraction(1, 2), "1/4": Fraction(1, 4), "3/4": Fraction(3, 4), "half": Fraction(1, 2),
              "quarter": Fraction(1, 4), "three quarters": Fraction(3, 4), "three-quarters": Fraction(3, 4)}


def _amount(m: re.Match[str]) -> tuple[Fraction, str] | None:
    """How many units the match says, and the unit ("decade" and "century" in years, "quarter" in months)."""
    gd = m.groupdict()  # the fraction patterns name different groups
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    if gd.get("num"):  # "2 1/2" or "1.5"
        whole, _, frac = gd["num"].partition(" ")
        amount = Fraction(whole) + Fraction(frac.strip() or 0) if "/" in gd["num"] else Fraction(gd["num"])
    elif gd.get("halfof"):
        amount = Fraction(1, 2)
    else:
        whole = number(gd["whole"]) if gd.get("whole") else None
        frac = _FRACTIONS.get(" ".join((gd.get("frac") or gd.get("frac2") or "").lower().replace("-", " ").split()))
        if whole is None or frac is None:
            return None
        amount = whole + frac
    if unit in ("decade", "century", "quarter"):
        amount, unit = amount * {"decade": 10, "century": 100, "quarter": 3}[unit], ("month" if unit == "quarter" else "year")
    return amount, unit


def length(amount: Fraction, unit: str) -> str:
    """The TIMEX3 length of ``amount`` units: "P2Y6M", "PT1H30M", "P2.5W"."""
    prefix = "PT" if unit in _TIME_UNITS else "P"
    if unit == "second" or amount.denominator == 1:
        return f"{prefix}{float(amount):g}{'S' if unit == 'second' else _SPLIT[unit][0]}"
    code, small, per = _SPLIT[unit]
    whole = int(amount)
    rest = (amount - whole) * per
    if rest.denominator != 1:
        return f"{prefix}{float(amount):g}{code}"
    head = f"{whole}{code}" if whole else ""
    if unit == "day":  # the hours of a day are a time: P1DT12H
        return f"P{head}T{rest}H" if head else f"PT{rest}H"
    return f"{prefix}{head}{rest}{small}"


def n_fraction(m: re.Match[str], ctx: Context) -> Timex | None:
    if m.start() and ctx.text[m.start() - 1] in "0123456789.,$/":
        return None  # inside a number or a price
    found = _amount(m)
    if found is None:
        return None
    amount, unit = found
    direction = " ".join((m["dir"] or "").lower().split())
    if not direction or unit in _TIME_UNITS:  # "half an hour later": the length is what is sure
        return _new(m, "DURATION", length(amount, unit))
    later = direction in ("later", "from now")
    base, on_narrative = base_day(ctx, narrative=direction in ("earlier", "later"), unit=unit)
    if base is None:
        return None
    sign = 1 if later else -1
    if unit in ("year", "month"):
        months = amount * (12 if unit == "year" else 1)
        if months.denominator == 1:  # a year and a half ago: the month 18 months back
            y, mo = add_months(base.year, base.month, sign * int(months))
            t = month_timex(m, y, mo, anchored=True)
        else:
            t = day_timex(m, base + timedelta(days=sign * round(float(months) * 30.44)), anchored=True)
    else:
        days = amount * (7 if unit == "week" else 1)
        t = day_timex(m, base + timedelta(days=sign * round(float(days))), anchored=True)
    t.anchored_on_narrative = on_narrative
    return t


NORMALISERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "fraction_num": n_fraction, "fraction_and": n_fraction, "fraction_half": n_fraction,
}

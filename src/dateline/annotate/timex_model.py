"""The normalised time expression every timex module passes around."""

from __future__ import annotations

from dataclasses import dataclass

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
    mod: str | None = None  # START (since ...), BEFORE, AFTER, APPROX, MID, END
    anchored: bool = False  # True when the value depends on the publication date or the narrative
    anchored_on_narrative: bool = False  # True when it counts from an earlier time in the text

    @property
    def is_calendar(self) -> bool:
        return self.date_start is not None

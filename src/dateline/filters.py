"""Which events to return: the filter dataclass, its scopes and the date ranges it accepts.

The filter is a plain dataclass; turning it into SQL is the job of each store backend (the WHERE
clause is dialect-specific), so nothing here knows SQL beyond the review scope's one condition.
It sits beside the models so the store, the query functions and the commands share it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import ConfigError

__all__ = ["ACTOR_ROLES", "ACTOR_ROLE_FIELDS", "REVIEW_SCOPES", "TIMELINE_PERIODS", "UNITS", "EventFilter", "parse_date_arg", "parse_date_range",
           "review_clause"]

TIMELINE_PERIODS = ("day", "week", "month", "year")
UNITS = ("incidents", "mentions")
# Which incidents by their review: "published" hides rejected ones (as flags hide flagged mentions),
# "reviewed" keeps only those a person accepted or edited, "all" shows rejected ones too.
REVIEW_SCOPES = ("published", "reviewed", "all")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_range(value: str, *, name: str = "date") -> tuple[str, str]:
    """First and last day covered by an ISO date, month or year: "2008-03" → ("2008-03-01", "2008-03-31")."""
    text = (value or "").strip()
    match = _DATE_RE.match(text)
    if match is None:
        raise ConfigError(
            f"{value!r} is not an ISO date (YYYY-MM-DD)",
            where=name,
            hint="YYYY and YYYY-MM are accepted too",
        )
    year, month, day = match.groups()
    try:
        if day is not None:
            start = end = dt.date(int(year), int(month), int(day))
        elif month is not None:
            start = dt.date(int(year), int(month), 1)
            end = dt.date(int(year), int(month), calendar.monthrange(int(year), int(month))[1])
        else:
            start, end = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    except ValueError as err:  # month 13, 30 February...
        raise ConfigError(f"{value!r} is not a calendar date ({err})", where=name) from None
    return start.isoformat(), end.isoformat()


def parse_date_arg(value: str, *, end: bool = False, name: str = "date") -> str:
    """A command-line date (YYYY, YYYY-MM or YYYY-MM-DD) as a full ISO day: the range start, or its end if ``end``."""
    start, last = parse_date_range(value, name=name)
    return last if end else start


# The actor fields an actor filter looks in, by the role the actor plays: actor1 is who acts
# (attacker, protester), actor2 who is acted on (target, victim); "either" is any of them.
ACTOR_ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "either": ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actor1_id", "actor2_id"),
    "actor1": ("actor1", "assoc_actor_1", "actor1_id"),
    "actor2": ("actor2", "assoc_actor_2", "actor2_id"),
}
ACTOR_ROLES = tuple(ACTOR_ROLE_FIELDS)


@dataclass
class EventFilter:
    """Which events to return. Unset fields do not filter.

    Dates overlap-match: an event matches when its [date_start, date_end]
    overlaps [date_from, date_to]; undated events are dropped when a date
    filter is set. ``date_from``/``date_to`` may be YYYY, YYYY-MM or YYYY-MM-DD
    ("2008" as date_to means up to 2008-12-31).
    """

    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None  # location, admin2, admin1 or country, name-normalised
    admin1: str | None = None  # everything inside one province
    actor: str | None = None  # substring of actor1/actor2/assoc actors/actor ids
    actor_role: str = "either"  # which side the actor is on: one of ACTOR_ROLES
    event_type: str | None = None  # event_type or sub_event_type
    text: str | None = None  # full-text match on evidence (and actors, location)
    document_id: str | None = None
    include_flagged: bool = False  # negated/hypothetical/future/background
    limit: int | None = None
    offset: int = 0
    # what is counted: "incidents" (one per real event, what users see) or "mentions" (sentence-level)
    unit: str = "incidents"
    review: str = "published"  # one of REVIEW_SCOPES (incidents only: mentions are never reviewed)

    def validate(self) -> None:
        """Raise ConfigError on malformed dates, a reversed range or a negative limit/offset."""
        start, end = self.date_bounds()
        if start and end and start > end:
            raise ConfigError(
                f"date_from {self.date_from!r} is after date_to {self.date_to!r}",
                where="date_from",
                hint="swap the two dates",
            )
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be 0 or more, not {self.limit}", where="limit")
        if self.offset < 0:
            raise ConfigError(f"offset must be 0 or more, not {self.offset}", where="offset")
        if self.review not in REVIEW_SCOPES:
            raise ConfigError(f"review must be one of {', '.join(REVIEW_SCOPES)}, not {self.review!r}", where="review")
        if self.actor_role not in ACTOR_ROLE_FIELDS:
            raise ConfigError(f"actor role must be one of {', '.join(ACTOR_ROLES)}, not {self.actor_role!r}",
                              where="actor_role")
        if self.unit not in UNITS:
            raise ConfigError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}", where="unit")

    def date_bounds(self) -> tuple[str | None, str | None]:
        """(first day, last day) of the date filter as full ISO days; None where unset."""
        start = parse_date_arg(self.date_from, name="date_from") if self.date_from else None
        end = parse_date_arg(self.date_to, end=True, name="date_to") if self.date_to else None
        return start, end


def review_clause(filters: EventFilter) -> str | None:
    """The SQL condition (same in both dialects) on incidents ``e`` for the filter's review scope."""
    if filters.unit != "incidents" or filters.review == "all":
        return None
    if filters.review == "reviewed":
        return "e.review_status IN ('accepted', 'edited')"
    return "(e.review_status IS NULL OR e.review_status <> 'rejected')"

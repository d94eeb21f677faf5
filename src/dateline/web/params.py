"""The view filters as query parameters, turned into the library's EventFilter.

Each view sends the same parameters (``date_from``, ``date_to``, ``admin1``, ``actor``, ``role``,
``event_type``, ``q``, ``flagged``, ``review``); a malformed value is answered with a 400, never ignored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from ..errors import ConfigError
from ..query import EventFilter
from .errors import ApiError

MAX_OFFSET = 2**31 - 1  # far past any page; keeps the number inside every backend's integer
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many results to skip")]


@dataclass
class FilterParams:
    """The shared filter parameters of every view's API call (FastAPI dependency)."""

    date_from: str | None = Query(None, description="Events on or after this ISO date (YYYY-MM-DD; YYYY-MM and YYYY accepted)")
    date_to: str | None = Query(None, description="Events on or before this ISO date")
    admin1: str | None = Query(None, description="Province (admin1) name, any spelling")
    actor: str | None = Query(None, description="Actor name or id (substring)")
    role: str = Query("either", pattern="^(either|actor1|actor2)$",
                      description="Which side the actor is on: actor1 (who acts), actor2 (who is acted on) or either")
    event_type: str | None = Query(None, description="Event type or sub-event type, e.g. Battles")
    q: str | None = Query(None, description="Full-text match on evidence, actors and location")
    flagged: bool = Query(False, description="Include negated, hypothetical, future and background mentions")
    review: str = Query("published", pattern="^(published|reviewed|all)$",
                        description="published: rejected incidents hidden; reviewed: only accepted or edited ones "
                                    "(the CLI's --reviewed); all: rejected ones too (the CLI's --all)")

    def to_filter(self, *, limit: int | None = None, offset: int = 0) -> EventFilter:
        """The EventFilter these parameters mean; ApiError 400 naming the bad parameter."""
        filters = EventFilter(
            date_from=_blank(self.date_from), date_to=_blank(self.date_to), admin1=_blank(self.admin1),
            actor=_blank(self.actor), actor_role=self.role, event_type=_blank(self.event_type), text=_blank(self.q),
            include_flagged=self.flagged, limit=limit, offset=offset, review=self.review,
        )
        try:
            filters.validate()
            if filters.text:
                from ..store.sqlite import fts_query

                fts_query(filters.text)  # "!!!" has no words: say so now, not as an empty result
            if filters.admin1:
                from ..query import place_key

                if not place_key(filters.admin1):
                    raise ConfigError(f"{filters.admin1!r} is not a place name", where="admin1")
        except ConfigError as err:
            where = "q" if err.where == "search" else err.where
            raise ApiError(400, err.message, where=where, hint=err.hint) from err
        return filters


def _blank(value: str | None) -> str | None:
    """Empty form fields mean "no filter"."""
    return value.strip() or None if value is not None else None


def parse_month_day(value: str | None) -> tuple[int, int]:
    """MM-DD (or a full YYYY-MM-DD) as (month, day); today when empty; ApiError 400 when malformed."""
    if not value:
        today = dt.date.today()
        return today.month, today.day
    text = value.strip()
    parts = text.split("-")
    if len(parts) == 3:
        parts = parts[1:]
    try:
        month, day = (int(p) for p in parts)
        dt.date(2000, month, day)  # a leap year: 02-29 is a calendar day
    except ValueError:
        raise ApiError(400, f"{value!r} is not a calendar day", where="day", hint="use MM-DD, e.g. 06-19") from None
    return month, day

"""Event filters and the query functions the CLI and the web app call.

The filter is a plain dataclass; turning it into SQL is the job of each store
backend (the WHERE clause is dialect-specific), so nothing here knows SQL.

    >>> from dateline.store import open_store
    >>> with open_store("dateline.db") as store:                     # doctest: +SKIP
    ...     rows = events(store, EventFilter(date_from="2008", admin1="Maysan"))
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:  # only for annotations: the store imports this module
    from .models import Event
    from .store.base import SearchHit, Store, TimelineRow

log = logging.getLogger(__name__)

TIMELINE_PERIODS = ("day", "week", "month", "year")
UNITS = ("incidents", "mentions")
# Which incidents by their review: "published" hides rejected ones (as flags hide flagged mentions),
# "reviewed" keeps only those a person accepted or edited, "all" shows rejected ones too.
REVIEW_SCOPES = ("published", "reviewed", "all")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NON_WORD = re.compile(r"[^\w\s]+")


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


def _fallback_normalise(name: str) -> str:
    """Casefold, strip accents and punctuation, collapse spaces (used when resolve.names is absent)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


_NORMALISER: Callable[[str], str] | None = None


def place_key(name: str | None) -> str | None:
    """A place name reduced for matching (accent, case and "al-" insensitive when resolve.names is present)."""
    global _NORMALISER
    if name is None:
        return None
    if _NORMALISER is None:
        # Imported lazily: resolve/ is written separately and may be absent.
        try:
            from .resolve.names import normalise_name
        except ImportError:
            log.debug("dateline.resolve.names not available; place names matched case-folded")
            _NORMALISER = _fallback_normalise
        else:
            _NORMALISER = normalise_name
    return _NORMALISER(name)


def events(store: Store, filters: EventFilter | None = None) -> list[Event]:
    """Event mentions (sentence-level findings) matching ``filters``, ordered by date, document and position."""
    return store.events(filters)


def iter_events(store: Store, filters: EventFilter | None = None) -> Iterator[Event]:
    """The mentions of ``events()`` one at a time, in batches from the database: exports of any size."""
    return store.iter_events(filters)


def iter_incidents(store: Store, filters: EventFilter | None = None) -> Iterator[Event]:
    """The incidents of ``incidents()`` one at a time, in batches from the database: exports of any size."""
    return store.iter_incidents(filters)


def count_events(store: Store, filters: EventFilter | None = None) -> int:
    """How many event mentions match ``filters`` (limit/offset ignored)."""
    return store.count_events(filters)


def incidents(store: Store, filters: EventFilter | None = None) -> list[Event]:
    """Incidents (one per real event, each the flat record of its best-supported fields) matching ``filters``."""
    return store.incidents(filters)


def count_incidents(store: Store, filters: EventFilter | None = None) -> int:
    """How many incidents match ``filters`` (limit/offset ignored)."""
    return store.count_incidents(filters)


def listed(store: Store, filters: EventFilter | None = None) -> list[Event]:
    """Incidents or mentions, as the filter's ``unit`` says."""
    filters = filters or EventFilter()
    return store.incidents(filters) if filters.unit == "incidents" else store.events(filters)


def count_listed(store: Store, filters: EventFilter | None = None) -> int:
    filters = filters or EventFilter()
    return store.count_incidents(filters) if filters.unit == "incidents" else store.count_events(filters)


def timeline(store: Store, filters: EventFilter | None = None, *, by: str = "month") -> list[TimelineRow]:
    """Incidents (or mentions, by the filter's unit) and fatalities per day, week, month or year."""
    return store.timeline(filters, by=by)


def on_this_day(store: Store, month: int, day: int, filters: EventFilter | None = None) -> list[Event]:
    """Day-precise incidents (or mentions, by the filter's unit) on this calendar day in any year."""
    return store.on_this_day(month, day, filters)


def search(store: Store, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Full-text search over document text and event evidence, best first."""
    return store.search(text, limit=limit)

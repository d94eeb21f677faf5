"""The query functions the CLI, the web app and the exports call, over any store.

The filter type (``EventFilter``) lives in ``dateline.filters`` beside the models, so the store
can take it without importing this module; it is handed on from here with the functions.

    >>> from dateline.store import open_store
    >>> with open_store("dateline.db") as store:                     # doctest: +SKIP
    ...     rows = events(store, EventFilter(date_from="2008", admin1="Maysan"))
"""

from __future__ import annotations

from collections.abc import Iterator

from .filters import ACTOR_ROLE_FIELDS, ACTOR_ROLES, REVIEW_SCOPES, TIMELINE_PERIODS, UNITS, EventFilter, parse_date_arg, parse_date_range, review_clause
from .models import Event
from .store.base import SearchHit, Store, TimelineRow
from .store.keys import place_key

__all__ = ["ACTOR_ROLES", "ACTOR_ROLE_FIELDS", "REVIEW_SCOPES", "TIMELINE_PERIODS", "UNITS", "EventFilter", "count_events", "count_incidents", "count_listed",
           "events", "incidents", "iter_events", "iter_incidents", "listed", "on_this_day", "parse_date_arg",
           "parse_date_range", "place_key", "review_clause", "search", "timeline"]


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

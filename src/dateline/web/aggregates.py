"""Aggregations the web views need, done in SQL so the browser never receives raw events in bulk.

The store's query functions return events one by one; at 100,000 events the map, the actor
network and the timeline must be grouped by the database instead. These queries run on a
connection the store lends the calling thread and reuse its WHERE-clause builder, so a filter
means exactly what it means for ``dateline events``. Other backends fall back to folding the
events returned by ``dateline.query`` in Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import query
from ..query import EventFilter
from ..store.base import Store, TimelineRow, check_period, event_period
from ..store.dbapi import DbApiStore

log = logging.getLogger(__name__)

PROVINCE_PRECISION = 3  # ACLED geo_precision 3: province or coarser, so no honest point exists


@dataclass(slots=True)
class Bucket:
    """Events grouped under one key, with fatalities and counts per event type."""

    events: int = 0
    fatalities: int = 0
    by_type: dict[str, int] = field(default_factory=dict)

    def add(self, event_type: str | None, count: int, fatalities: int | None) -> None:
        self.events += count
        self.fatalities += fatalities or 0
        kind = event_type or "unknown"
        self.by_type[kind] = self.by_type.get(kind, 0) + count

    @property
    def main_type(self) -> str:
        """The most frequent event type (ties broken by name, so the colour is stable)."""
        return min(self.by_type.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.by_type else "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "fatalities": self.fatalities, "by_type": self.by_type, "main_type": self.main_type}


def _add(bucket: Bucket, event_type: str | None, count: int, fatalities: int | None) -> None:
    """``bucket.add`` for the tight loops over grouped rows (no method lookup)."""
    bucket.events += count
    bucket.fatalities += fatalities or 0
    kind = event_type or "unknown"
    by_type = bucket.by_type
    by_type[kind] = by_type.get(kind, 0) + count


def _sql_store(store: Store) -> DbApiStore | None:
    """The store when it runs SQL (SQLite or PostgreSQL), so aggregation can happen in the database."""
    return store if isinstance(store, DbApiStore) else None


def _rows(store: DbApiStore, select: str, filters: EventFilter, *, extra: Sequence[str] = (), group: str = "") -> list[tuple]:
    """Run ``SELECT {select} FROM incidents e (or events e) WHERE <filters + extra> {group}`` with the store's own filter semantics."""
    return store.aggregate_rows(select, filters, extra=extra, group=group)


def _all_events(store: Store, filters: EventFilter) -> list:
    return query.listed(store, dataclasses.replace(filters, limit=None, offset=0))


# -- timeline -----------------------------------------------------------------------------


def timeline(store: Store, filters: EventFilter, *, by: str = "month") -> list[TimelineRow]:
    """Events and fatalities per period, stacked by type; grouped per date in SQL, then per period.

    Each event counts in the period ``store.base.event_period`` gives it, as in the store's
    timeline (an event known only to 2006 is not an event of January 2006).
    """
    check_period(by)
    return with_empty_periods(_timeline(store, filters, by), by)


def _period_start(key: str, by: str) -> dt.date:
    if by == "week":
        year, week = key.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    return dt.date.fromisoformat({"day": key, "month": f"{key}-01", "year": f"{key}-01-01"}[by])


def _next_period(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(weeks=1)
    if by == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dt.date(day.year + 1, 1, 1)


def _period_key(day: dt.date, by: str) -> str:
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[by]


def with_empty_periods(rows: list[TimelineRow], by: str) -> list[TimelineRow]:
    """Every period from the first to the last, those without events at zero: a quiet month is
    on the axis as a quiet month, not left out so that its neighbours touch."""
    if len(rows) < 2:
        return rows
    found = {row.period: row for row in rows}
    first, last = _period_start(rows[0].period, by).toordinal(), _period_start(rows[-1].period, by).toordinal()
    if by == "day":  # twenty years are 7,300 days: step through ordinals, not date arithmetic
        keys = (dt.date.fromordinal(n).isoformat() for n in range(first, last + 1))
    elif by == "week":
        keys = (_period_key(dt.date.fromordinal(n), by) for n in range(first, last + 1, 7))
    else:
        keys = _period_keys(dt.date.fromordinal(first), dt.date.fromordinal(last), by)
    return [found.get(key) or TimelineRow(key) for key in keys]


def _period_keys(day: dt.date, last: dt.date, by: str) -> Iterator[str]:
    while day <= last:
        yield _period_key(day, by)
        day = _next_period(day, by)


def _timeline(store: Store, filters: EventFilter, by: str) -> list[TimelineRow]:
    sql_store = _sql_store(store)
    if sql_store is None:
        return query.timeline(store, filters, by=by)
    # GROUP BY in the column order of the events_by_date index (migration 2): no sort.
    rows = _rows(sql_store, "e.date_start, e.event_type, e.date_end, COUNT(*), SUM(COALESCE(e.fatalities, 0))",
                 filters, extra=["e.date_start IS NOT NULL"], group="GROUP BY e.date_start, e.event_type, e.date_end")
    periods: dict[str, TimelineRow] = {}
    # rows come by date, ~6 per (start, end): the period and its row are looked up once per pair
    last_key: tuple[str, str | None] | None = None
    row: TimelineRow | None = None
    for date, event_type, end, count, fatalities in rows:
        if (date, end) != last_key:
            last_key = (date, end)
            period = event_period(date, end, by)
            # None: a date coarser than the period, or a range spanning periods
            row = None if period is None else (periods.get(period) or periods.setdefault(period, TimelineRow(period)))
        if row is None:
            continue
        row.events += count
        row.fatalities += fatalities or 0
        kind = event_type or "unknown"
        by_type = row.by_type
        by_type[kind] = by_type.get(kind, 0) + count
    return [periods[key] for key in sorted(periods)]


# -- map ----------------------------------------------------------------------------------


@dataclass(slots=True)
class MapData:
    """Point places (exact or near) and province-level groups, each with its bucket."""

    points: list[dict[str, Any]]
    provinces: dict[str, Bucket]  # admin1 name -> events coded only to that province
    country_only: int  # events with neither a point nor a province


def map_data(store: Store, filters: EventFilter) -> MapData:
    """Events grouped per place with coordinates, per province for province-level events."""
    sql_store = _sql_store(store)
    if sql_store is None:
        rows = [(e.latitude, e.longitude, e.location, e.admin1, e.geo_precision, e.event_type, 1, e.fatalities)
                for e in _all_events(store, filters)]
    else:
        # Grouped in the column order of the events_by_place index (migration 2), so SQLite reads
        # the groups off the index without sorting; per precision value rather than "point or
        # province", which only splits a group the loop below merges again.
        rows = _rows(
            sql_store,
            "e.latitude, e.longitude, e.location, e.admin1, COALESCE(e.geo_precision, 1), e.event_type,"
            " COUNT(*), SUM(COALESCE(e.fatalities, 0))",
            filters,
            group="GROUP BY e.admin1, e.latitude, e.longitude, e.location, e.geo_precision, e.event_type",
        )
    points: dict[tuple, tuple[dict[str, Any], Bucket]] = {}
    provinces: dict[str, Bucket] = {}
    country_only = 0
    for lat, lon, location, admin1, precision, event_type, count, fatalities in rows:
        if lat is not None and lon is not None and (precision or 1) < PROVINCE_PRECISION:
            key = (round(lat, 4), round(lon, 4), location)
            if key not in points:
                points[key] = ({"lat": key[0], "lon": key[1], "location": location, "admin1": admin1}, Bucket())
            points[key][1].add(event_type, count, fatalities)
        elif admin1:
            provinces.setdefault(admin1, Bucket()).add(event_type, count, fatalities)
        else:
            country_only += count
    out = [{**info, **bucket.to_dict()} for info, bucket in points.values()]
    out.sort(key=lambda p: (-p["events"], p["location"] or ""))
    return MapData(out, provinces, country_only)


# -- actor network ------------------------------------------------------------------------


def actor_network(store: Store, filters: EventFilter, *, max_nodes: int = 60) -> dict[str, Any]:
    """Actors as nodes (sized by events) and directed actor1 -> actor2 edges weighted by events, by type
    (who did it to whom: A attacking B and B attacking A are two edges)."""
    sql_store = _sql_store(store)
    if sql_store is None:
        rows = [(e.actor1, e.actor2, e.event_type, 1, e.fatalities) for e in _all_events(store, filters)]
    else:
        rows = _rows(sql_store, "e.actor1, e.actor2, e.event_type, COUNT(*), SUM(COALESCE(e.fatalities, 0))",
                     filters, extra=["(e.actor1 IS NOT NULL OR e.actor2 IS NOT NULL)"],
                     group="GROUP BY e.actor1, e.actor2, e.event_type")
    nodes: dict[str, Bucket] = {}
    edges: dict[tuple[str, str], Bucket] = {}
    for actor1, actor2, event_type, count, fatalities in rows:
        # an actor on both sides of an event counts once; only two different actors make an edge
        if actor1:
            _add(nodes.get(actor1) or nodes.setdefault(actor1, Bucket()), event_type, count, fatalities)
        if actor2 and actor2 != actor1:
            _add(nodes.get(actor2) or nodes.setdefault(actor2, Bucket()), event_type, count, fatalities)
            if actor1:
                pair = (actor1, actor2)
                _add(edges.get(pair) or edges.setdefault(pair, Bucket()), event_type, count, fatalities)
    kept = sorted(nodes, key=lambda name: (-nodes[name].events, name))[:max_nodes]
    keep = set(kept)
    return {
        "nodes": [{"id": name, **nodes[name].to_dict()} for name in kept],
        "edges": [{"source": a, "target": b, **bucket.to_dict()} for (a, b), bucket in sorted(edges.items())
                  if a in keep and b in keep],
        "directed": True,
        "actors_total": len(nodes),
        "truncated": len(nodes) > max_nodes,
    }


# -- facets -------------------------------------------------------------------------------


def facets(store: Store, *, include_flagged: bool = False) -> dict[str, Any]:
    """Provinces, event types and the date range present in the database, for the filter bar."""
    base = EventFilter(include_flagged=include_flagged)
    sql_store = _sql_store(store)
    if sql_store is None:
        events = _all_events(store, base)
        type_rows = [(e.event_type, 1) for e in events]
        province_rows = [(e.admin1, 1) for e in events if e.admin1]
        dates = sorted(e.date_start for e in events if e.date_start)
        first, last = (dates[0], dates[-1]) if dates else (None, None)
    else:
        type_rows = _rows(sql_store, "e.event_type, COUNT(*)", base, group="GROUP BY e.event_type")
        province_rows = _rows(sql_store, "e.admin1, COUNT(*)", base, extra=["e.admin1 IS NOT NULL"],
                              group="GROUP BY e.admin1")
        first, last = _rows(sql_store, "MIN(e.date_start), MAX(e.date_start)", base)[0]
    return {
        "event_types": _counted(type_rows),
        "provinces": _counted(province_rows),
        "date_min": first,
        "date_max": last,
    }


def _counted(rows: Sequence[tuple[str | None, int]]) -> list[dict[str, Any]]:
    totals: dict[str, int] = {}
    for name, count in rows:
        totals[name or "unknown"] = totals.get(name or "unknown", 0) + count
    return [{"name": name, "events": n} for name, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]

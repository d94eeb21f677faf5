"""Schema 10: the incident indexes the web views read, and the filter keys SQLite keeps on incidents.

Every view lists or groups incidents and hides rejected ones, so each incident index must hold the
review status (else SQLite and PostgreSQL read every incident's whole row); on SQLite the province,
actor and type filters read key columns written with each incident instead of calling Python per row.
The keys must mean what the filters meant before: the same names, any spelling or case, and the
migration that fills them for stored incidents must compute what a write computes.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from pathlib import Path

import psycopg
import pytest

from dateline import query
from dateline.models import Document, Event, Section, make_event_id
from dateline.query import EventFilter
from dateline.store import migrations, open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

VIEW_INDEXES = ("incidents_by_date", "incidents_by_place", "incidents_by_actor", "incidents_by_type", "incidents_listed")


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "dateline.db")


def index_columns(target: str) -> dict[str, str]:
    """Each incidents index's definition (its column list as text) on either backend."""
    if target.startswith("postgresql://"):
        with psycopg.connect(target, autocommit=True) as conn:
            rows = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'incidents'").fetchall()
        return {name: definition for name, definition in rows}
    with sqlite3.connect(target) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'"
                            " AND sql IS NOT NULL").fetchall()
    return {name: definition for name, definition in rows}


def test_every_view_index_holds_the_flags_and_the_review_status(target: str) -> None:
    open_store(target).close()
    found = index_columns(target)
    for name in VIEW_INDEXES:
        assert name in found, f"{name} missing"
        for column in ("negated", "background", "review_status"):
            assert column in found[name], f"{name} lacks {column}: {found[name]}"


def test_sqlite_view_indexes_carry_the_filter_keys(tmp_path: Path) -> None:
    target = str(tmp_path / "dateline.db")
    open_store(target).close()
    found = index_columns(target)
    for name in ("incidents_by_date", "incidents_by_place", "incidents_by_actor", "incidents_listed"):
        for column in ("admin1_key", "type_key", "subtype_key", "actor1_key", "actor2_key"):
            assert column in found[name], f"{name} lacks {column}"


TEXT = ("Gunmen of the Straße Brigade killed three policemen in Mosul on Tuesday. "
        "Police of Nīnawā arrested ten men of the Brigade in Tal Afar.")


def _stored(target: str) -> None:
    doc = Document(id="keys-1", text=TEXT, sections=[Section("body", 0, len(TEXT))])
    first = TEXT.index("Police")
    spans = [(0, first - 1), (first, len(TEXT))]
    values = [
        dict(event_type="Violence against civilians", sub_event_type="Attack", actor1="Straße Brigade",
             actor1_id="group:strasse", actor2="Police Forces of Iraq", admin1="Nīnawā", location="Mosul",
             country="Iraq", date_start="2008-03-25", time_precision=1, fatalities=3),
        dict(event_type="Strategic developments", sub_event_type="Arrests", actor1="Police Forces of Iraq",
             actor2="Straße Brigade", admin1="Ninawa", location="Tal Afar", country="Iraq",
             date_start="2008-03-26", time_precision=1),
    ]
    events = [Event(make_event_id(doc.id, s, e), doc.id, s, e, TEXT[s:e], **v) for (s, e), v in zip(spans, values)]
    with open_store(target) as store:
        store.add_document(doc, events)


@pytest.mark.parametrize(("filters", "locations"), [
    (EventFilter(admin1="NINAWA"), ["Mosul", "Tal Afar"]),  # any spelling of the province
    (EventFilter(admin1="ninawā"), ["Mosul", "Tal Afar"]),
    (EventFilter(actor="STRASSE"), ["Mosul", "Tal Afar"]),  # full case folding: ß is ss
    (EventFilter(actor="strasse", actor_role="actor1"), ["Mosul"]),
    (EventFilter(actor="straße brigade", actor_role="actor2"), ["Tal Afar"]),
    (EventFilter(actor="group:strasse", actor_role="actor2"), []),  # the id is actor1's
    (EventFilter(actor="brigade\x1fpolice"), ["Mosul"]),  # across two fields, in the order they are joined
    (EventFilter(event_type="ARRESTS"), ["Tal Afar"]),
    (EventFilter(event_type="violence against civilians"), ["Mosul"]),
])
def test_incident_filters_match_as_the_mentions_do(target: str, filters: EventFilter, locations: list[str]) -> None:
    _stored(target)
    with open_store(target) as store:
        incidents = sorted(e.location for e in query.incidents(store, filters))
        mentions = sorted(e.location for e in query.events(store, filters))
    assert incidents == locations
    assert mentions == locations


def test_the_migration_computes_the_keys_a_write_computes(tmp_path: Path) -> None:
    target = str(tmp_path / "dateline.db")
    _stored(target)
    columns = "event_id, admin1_key, type_key, subtype_key, actor1_key, actor2_key"
    with sqlite3.connect(target) as conn:
        written = conn.execute(f"SELECT {columns} FROM incidents ORDER BY event_id").fetchall()
        conn.execute("UPDATE incidents SET admin1_key = NULL, type_key = NULL, subtype_key = NULL,"
                     " actor1_key = NULL, actor2_key = NULL")
    step = next(m for m in migrations.available() if m.name == "incident_view_keys")
    backfill = next(s for s in step.statements() if s.startswith("UPDATE incidents"))
    with open_store(target) as store, store._lock:  # the store's connection has dl_place and dl_fold
        store._conn.execute(backfill)
        filled = store._conn.execute(f"SELECT {columns} FROM incidents ORDER BY event_id").fetchall()
    assert filled == written
    assert all(value is not None for row in written for value in row[1:])


def test_the_views_read_indexes_only(tmp_path: Path) -> None:
    """The views' filtered aggregates (map, timeline, network, list totals) are answered from an
    index: no incident row is read."""
    target = str(tmp_path / "dateline.db")
    _stored(target)
    with open_store(target) as store:
        for filters in (EventFilter(), EventFilter(admin1="Ninawa"), EventFilter(actor="police"),
                        EventFilter(event_type="Arrests", date_from="2008")):
            where, params = store._filter_sql(filters)
            for select, group in (("e.admin1, e.latitude, e.longitude, e.location, e.geo_precision, e.event_type, COUNT(*)",
                                   "GROUP BY e.admin1, e.latitude, e.longitude, e.location, e.geo_precision, e.event_type"),
                                  ("e.date_start, e.event_type, e.date_end, COUNT(*), SUM(e.fatalities)",
                                   "GROUP BY e.date_start, e.event_type, e.date_end"),
                                  ("e.actor1, e.actor2, e.event_type, COUNT(*)", "GROUP BY e.actor1, e.actor2, e.event_type"),
                                  ("COUNT(*)", "")):
                with store._lock:
                    plan = store._conn.execute(f"EXPLAIN QUERY PLAN SELECT {select} FROM incidents e {where} {group}",
                                               params).fetchall()
                steps = " | ".join(row[-1] for row in plan)
                assert "COVERING INDEX" in steps, (filters, select, steps)


def test_a_text_search_total_looks_the_matched_incidents_up_by_id(tmp_path: Path) -> None:
    """A page of a text search reads incidents in list order (a test on each row), but its total needs
    no order: it looks the matched incidents up by id instead of testing every incident."""
    target = str(tmp_path / "dateline.db")
    _stored(target)
    with open_store(target) as store:
        filters = dataclasses.replace(EventFilter(text="police"), unit="incidents")
        plans = {}
        for listing in (True, False):
            where, params = store._filter_sql(filters, listing=listing)
            with store._lock:
                plan = store._conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM incidents e {where}", params).fetchall()
            plans[listing] = " | ".join(row[-1] for row in plan)
        scan = re.compile(r"\bSCAN e\b")
        assert "SEARCH e USING" in plans[False] and not scan.search(plans[False]), plans[False]
        assert scan.search(plans[True]), plans[True]
        assert store.count_incidents(EventFilter(text="police")) == len(store.incidents(EventFilter(text="police")))

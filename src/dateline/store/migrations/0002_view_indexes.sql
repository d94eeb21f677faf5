-- dateline schema 2: covering indexes for the web views at 100,000+ events (issue 5).
--
-- The views group every matching event (timeline, map, actor network, facets) and page
-- through the event list. Without these, each call reads the whole wide events table and
-- sorts it for GROUP BY. Each index below starts with the columns its view groups or orders
-- by (so SQLite needs no sort) and then carries every column the web filters read (flags,
-- dates, province, types, actors), so a filtered aggregate is answered from the index alone.
-- They replace the schema-1 single-column indexes on the same leading columns: nothing
-- queries those alone any more, and SQLite (without statistics) would pick the narrow
-- date index for a date range and then read the table row of every event in it.

-- Timeline: GROUP BY date_start, event_type, date_end; also date-range searches.
CREATE INDEX events_by_date ON events (
    date_start, event_type, date_end, fatalities, negated, hypothetical, future, background,
    admin1, sub_event_type, actor1, actor2, assoc_actor_1, assoc_actor_2, actor1_id, actor2_id
);

-- Map (grouped per province, then place) and the province facet.
CREATE INDEX events_by_place ON events (
    admin1, latitude, longitude, location, geo_precision, event_type, fatalities,
    negated, hypothetical, future, background,
    date_start, date_end, sub_event_type, actor1, actor2, assoc_actor_1, assoc_actor_2, actor1_id, actor2_id
);

-- Actor network: GROUP BY actor1, actor2, event_type.
CREATE INDEX events_by_actor ON events (
    actor1, actor2, event_type, fatalities, negated, hypothetical, future, background,
    date_start, date_end, admin1, sub_event_type, assoc_actor_1, assoc_actor_2, actor1_id, actor2_id
);

-- Event-type facet and plain counts.
CREATE INDEX events_by_type ON events (event_type, negated, hypothetical, future, background);

-- The event list's order (undated last, then document and evidence offset), so a deep
-- OFFSET steps through index entries, filters tested on them, instead of sorting the table
-- (time_precision: "on this day").
CREATE INDEX events_listed ON events (
    (date_start IS NULL), date_start, document_id, evidence_start, event_id,
    negated, hypothetical, future, background, time_precision,
    date_end, admin1, event_type, sub_event_type, actor1, actor2, assoc_actor_1, assoc_actor_2, actor1_id, actor2_id
);

DROP INDEX events_date_start;
DROP INDEX events_admin1;
DROP INDEX events_event_type;
DROP INDEX events_actor1;
DROP INDEX events_actor2;

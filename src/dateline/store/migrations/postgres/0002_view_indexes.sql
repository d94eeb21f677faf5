-- dateline schema 2 (PostgreSQL): indexes for the web views at 100,000+ events (issue 5).
--
-- Same indexes by name and leading columns as the SQLite migration 2: each starts with what
-- its view groups or orders by. The SQLite indexes also carry the actor, province and type
-- columns its filters read; here those filters read event_keys instead, so the indexes stop
-- at the flags, dates and the grouped values (which also keeps index rows well under
-- PostgreSQL's size limit whatever the length of actor names). They replace the schema-1
-- single-column indexes on the same leading columns, as in SQLite.

CREATE INDEX events_by_date ON events (
    date_start, event_type, date_end, fatalities, negated, hypothetical, future, background
);

CREATE INDEX events_by_place ON events (
    admin1, latitude, longitude, location, geo_precision, event_type, fatalities,
    negated, hypothetical, future, background
);

CREATE INDEX events_by_actor ON events (
    actor1, actor2, event_type, fatalities, negated, hypothetical, future, background
);

CREATE INDEX events_by_type ON events (event_type, negated, hypothetical, future, background);

-- The event list's order (undated last, then document and evidence offset).
CREATE INDEX events_listed ON events (
    (date_start IS NULL), date_start, document_id, evidence_start, event_id,
    negated, hypothetical, future, background, time_precision
);

DROP INDEX events_date_start;
DROP INDEX events_admin1;
DROP INDEX events_event_type;
DROP INDEX events_actor1;
DROP INDEX events_actor2;

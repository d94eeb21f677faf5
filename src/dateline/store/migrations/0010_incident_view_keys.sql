-- dateline schema 10: the web views over incidents at 100,000+ (issue 17).
--
-- Every view counts incidents (not mentions) and, by default, hides rejected ones, so each query
-- reads `review_status`; the schema-4 incident indexes held neither it nor the columns the filters
-- read, so every view read each incident's whole row (detail JSON included). And the province,
-- actor and type filters called Python (dl_place, dl_fold) once per incident and field.
--
-- The filters' keys become columns, computed in Python when an incident is written (as PostgreSQL
-- keeps them in incident_keys), and each index below starts with the columns its view groups or
-- orders by (as the events indexes of schema 2 do), then carries the flags, the review status and
-- every key a filter reads, so a filtered aggregate or page is answered from the index alone.

ALTER TABLE incidents ADD COLUMN admin1_key TEXT;   -- place_key(admin1)
ALTER TABLE incidents ADD COLUMN type_key TEXT;     -- casefold(event_type)
ALTER TABLE incidents ADD COLUMN subtype_key TEXT;  -- casefold(sub_event_type)
ALTER TABLE incidents ADD COLUMN actor1_key TEXT;   -- casefold of actor1, assoc_actor_1, actor1_id joined by U+001F
ALTER TABLE incidents ADD COLUMN actor2_key TEXT;   -- casefold of actor2, assoc_actor_2, actor2_id joined by U+001F
UPDATE incidents SET
    admin1_key = dl_place(admin1),
    type_key = dl_fold(event_type),
    subtype_key = dl_fold(sub_event_type),
    actor1_key = dl_fold(COALESCE(actor1, '') || char(31) || COALESCE(assoc_actor_1, '') || char(31) || COALESCE(actor1_id, '')),
    actor2_key = dl_fold(COALESCE(actor2, '') || char(31) || COALESCE(assoc_actor_2, '') || char(31) || COALESCE(actor2_id, ''));

DROP INDEX incidents_by_date;
DROP INDEX incidents_by_place;
DROP INDEX incidents_by_actor;
DROP INDEX incidents_listed;

-- Timeline: GROUP BY date_start, event_type, date_end; also date-range searches.
CREATE INDEX incidents_by_date ON incidents (
    date_start, event_type, date_end, fatalities, negated, hypothetical, future, background, review_status,
    admin1_key, type_key, subtype_key, actor1_key, actor2_key
);

-- Map (grouped per province, then place) and the province facet.
CREATE INDEX incidents_by_place ON incidents (
    admin1, latitude, longitude, location, geo_precision, event_type, fatalities,
    negated, hypothetical, future, background, review_status,
    date_start, date_end, admin1_key, type_key, subtype_key, actor1_key, actor2_key
);

-- Actor network: GROUP BY actor1, actor2, event_type.
CREATE INDEX incidents_by_actor ON incidents (
    actor1, actor2, event_type, fatalities, negated, hypothetical, future, background, review_status,
    date_start, date_end, admin1_key, type_key, subtype_key, actor1_key, actor2_key
);

-- Event-type facet and plain counts.
CREATE INDEX incidents_by_type ON incidents (event_type, negated, hypothetical, future, background, review_status);

-- The list's order (undated last, then document and evidence offset), so a deep OFFSET steps
-- through index entries with the filters tested on them (time_precision: "on this day").
CREATE INDEX incidents_listed ON incidents (
    (date_start IS NULL), date_start, document_id, evidence_start, event_id,
    negated, hypothetical, future, background, review_status, time_precision,
    date_end, admin1_key, type_key, subtype_key, actor1_key, actor2_key
);

-- dateline schema 10: the web views over incidents at 100,000+ (issue 17).
--
-- Every view counts incidents and, by default, hides rejected ones, so each query reads
-- `review_status`, which the schema-4 incident indexes did not hold. The filters' keys are already
-- columns here (incident_keys, written with each incident; SQLite gains the same keys as incidents
-- columns in its schema 10), so this version only gives the incident indexes the flags and the
-- review status, as the events indexes of schema 2 have the flags.

DROP INDEX incidents_by_date;
DROP INDEX incidents_by_place;
DROP INDEX incidents_by_actor;
DROP INDEX incidents_listed;

CREATE INDEX incidents_by_date ON incidents (
    date_start, event_type, date_end, fatalities, negated, hypothetical, future, background, review_status
);

CREATE INDEX incidents_by_place ON incidents (
    admin1, latitude, longitude, location, geo_precision, event_type, fatalities,
    negated, hypothetical, future, background, review_status
);

CREATE INDEX incidents_by_actor ON incidents (
    actor1, actor2, event_type, fatalities, negated, hypothetical, future, background, review_status
);

CREATE INDEX incidents_by_type ON incidents (event_type, negated, hypothetical, future, background, review_status);

CREATE INDEX incidents_listed ON incidents (
    (date_start IS NULL), date_start, document_id, evidence_start, event_id,
    negated, hypothetical, future, background, review_status, time_precision
);

CREATE INDEX incident_keys_type ON incident_keys (type_key, subtype_key);

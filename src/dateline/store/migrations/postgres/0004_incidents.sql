-- dateline schema 4: incidents (issue 14). A mention (a row of `events`) belongs to one incident;
-- an incident is one real event, within a report (`report_incidents`, one per document) and across
-- reports (`incidents`, what users count). `incidents` has the columns of `events` (the flat record,
-- event_id = the incident id, each field taken from one mention) so every query runs on either.
-- Totals over a period or area are `aggregates`, never incidents. Near-identical copies of a stored
-- document are linked in `document_copies` and add no incidents.

ALTER TABLE events ADD COLUMN reported_by TEXT;
ALTER TABLE events ADD COLUMN incident_id TEXT COLLATE "C";
CREATE INDEX events_incident ON events (incident_id);

CREATE TABLE incidents (
    event_id        TEXT COLLATE "C" PRIMARY KEY,
    document_id     TEXT COLLATE "C" NOT NULL ,
    evidence_start  INTEGER NOT NULL CHECK (evidence_start >= 0),
    evidence_end    INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    evidence_text   TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    plover_type     TEXT,
    plover_mode     TEXT,
    "trigger"       TEXT,
    actor1          TEXT,
    actor1_id       TEXT,
    inter1          INTEGER,
    assoc_actor_1   TEXT,
    actor2          TEXT,
    actor2_id       TEXT,
    inter2          INTEGER,
    assoc_actor_2   TEXT,
    date_start      TEXT COLLATE "C",
    date_end        TEXT COLLATE "C",
    time_precision  INTEGER,
    date_reason     TEXT,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    location        TEXT,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    geo_precision   INTEGER,
    where_prec      INTEGER,
    geonameid       BIGINT,
    place_reason    TEXT,
    fatalities      INTEGER,
    fatalities_low  INTEGER,
    fatalities_high INTEGER,
    injured         INTEGER,
    arrested        INTEGER,
    negated         BOOLEAN NOT NULL DEFAULT FALSE,
    hypothetical    BOOLEAN NOT NULL DEFAULT FALSE,
    future          BOOLEAN NOT NULL DEFAULT FALSE,
    background      BOOLEAN NOT NULL DEFAULT FALSE,
    source          TEXT,
    source_url      TEXT,
    published       TEXT COLLATE "C",
    confidence      DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    spans           TEXT NOT NULL DEFAULT '{}',  -- JSON: field name -> [start, end]
    perpetrators_killed INTEGER,
    reported_by     TEXT,
    incident_id     TEXT,
    n_mentions      INTEGER NOT NULL DEFAULT 1,
    n_documents     INTEGER NOT NULL DEFAULT 1,
    sources         TEXT,  -- outlets joined by '; '
    detail          TEXT NOT NULL DEFAULT '{}'  -- JSON: mention ids, field sources, figures, disagreements, merge reasons
);

CREATE INDEX incidents_by_date ON incidents (date_start, event_type, date_end, fatalities, negated, hypothetical, future, background);
CREATE INDEX incidents_by_place ON incidents (admin1, latitude, longitude, location);
CREATE INDEX incidents_by_actor ON incidents (actor1, actor2, event_type);
CREATE INDEX incidents_listed ON incidents ((date_start IS NULL), date_start, document_id, evidence_start, event_id);

CREATE TABLE report_incidents (
    report_id   TEXT COLLATE "C" PRIMARY KEY,
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    incident_id TEXT COLLATE "C" NOT NULL,
    date_start  TEXT COLLATE "C",
    date_end    TEXT COLLATE "C",
    country     TEXT,
    admin1      TEXT,
    event_type  TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    counted     BOOLEAN NOT NULL DEFAULT FALSE,
    data        TEXT NOT NULL  -- JSON: the report incident (record, mentions, figures)
);
CREATE INDEX report_incidents_by_date ON report_incidents (date_start, country, admin1, event_type);
CREATE INDEX report_incidents_by_incident ON report_incidents (incident_id);
CREATE INDEX report_incidents_by_document ON report_incidents (document_id);

CREATE TABLE aggregates (
    aggregate_id    TEXT COLLATE "C" PRIMARY KEY,
    document_id     TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    event_type      TEXT,
    fatalities      INTEGER,
    fatalities_low  INTEGER,
    fatalities_high INTEGER,
    period          TEXT,
    date_start      TEXT COLLATE "C",
    date_end        TEXT COLLATE "C",
    area            TEXT,
    country         TEXT,
    admin1          TEXT,
    reason          TEXT NOT NULL,
    mention_id      TEXT,
    source          TEXT
);
CREATE INDEX aggregates_by_document ON aggregates (document_id);
CREATE INDEX aggregates_by_date ON aggregates (date_start);

CREATE TABLE document_copies (
    document_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    copy_of     TEXT COLLATE "C" NOT NULL,
    similarity  DOUBLE PRECISION NOT NULL
);
CREATE INDEX document_copies_of ON document_copies (copy_of);

CREATE TABLE document_signatures (
    document_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature   TEXT NOT NULL  -- MinHash values, hex
);

CREATE TABLE incident_keys (
    event_id     TEXT COLLATE "C" PRIMARY KEY REFERENCES incidents(event_id) ON DELETE CASCADE,
    location_key TEXT,
    admin2_key   TEXT,
    admin1_key   TEXT,
    country_key  TEXT,
    actors_key   TEXT NOT NULL DEFAULT '',
    type_key     TEXT,
    subtype_key  TEXT,
    tsv          tsvector NOT NULL
);
CREATE INDEX incident_keys_admin1 ON incident_keys (admin1_key);
CREATE INDEX incident_keys_place ON incident_keys (location_key);

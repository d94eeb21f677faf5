-- dateline schema 4: incidents (issue 14). A mention (a row of `events`) belongs to one incident;
-- an incident is one real event, within a report (`report_incidents`, one per document) and across
-- reports (`incidents`, what users count). `incidents` has the columns of `events` (the flat record,
-- event_id = the incident id, each field taken from one mention) so every query runs on either.
-- Totals over a period or area are `aggregates`, never incidents. Near-identical copies of a stored
-- document are linked in `document_copies` and add no incidents.

ALTER TABLE events ADD COLUMN reported_by TEXT;
ALTER TABLE events ADD COLUMN incident_id TEXT;
CREATE INDEX events_incident ON events (incident_id);

CREATE TABLE incidents (
    event_id        TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL ,
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
    date_start      TEXT,
    date_end        TEXT,
    time_precision  INTEGER,
    date_reason     TEXT,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    location        TEXT,
    latitude        REAL,
    longitude       REAL,
    geo_precision   INTEGER,
    where_prec      INTEGER,
    geonameid       INTEGER,
    place_reason    TEXT,
    fatalities      INTEGER,
    fatalities_low  INTEGER,
    fatalities_high INTEGER,
    injured         INTEGER,
    arrested        INTEGER,
    negated         INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    hypothetical    INTEGER NOT NULL DEFAULT 0 CHECK (hypothetical IN (0, 1)),
    future          INTEGER NOT NULL DEFAULT 0 CHECK (future IN (0, 1)),
    background      INTEGER NOT NULL DEFAULT 0 CHECK (background IN (0, 1)),
    source          TEXT,
    source_url      TEXT,
    published       TEXT,
    confidence      REAL NOT NULL DEFAULT 0.5,
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
    report_id   TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL,
    date_start  TEXT,
    date_end    TEXT,
    country     TEXT,
    admin1      TEXT,
    event_type  TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    counted     INTEGER NOT NULL DEFAULT 0,
    data        TEXT NOT NULL  -- JSON: the report incident (record, mentions, figures)
);
CREATE INDEX report_incidents_by_date ON report_incidents (date_start, country, admin1, event_type);
CREATE INDEX report_incidents_by_incident ON report_incidents (incident_id);
CREATE INDEX report_incidents_by_document ON report_incidents (document_id);

CREATE TABLE aggregates (
    aggregate_id    TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    event_type      TEXT,
    fatalities      INTEGER,
    fatalities_low  INTEGER,
    fatalities_high INTEGER,
    period          TEXT,
    date_start      TEXT,
    date_end        TEXT,
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
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    copy_of     TEXT NOT NULL,
    similarity  REAL NOT NULL
);
CREATE INDEX document_copies_of ON document_copies (copy_of);

CREATE TABLE document_signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature   TEXT NOT NULL  -- MinHash values, hex
);

-- dateline schema 1: documents, their sections and references, events, full-text indexes.
-- Column names follow models.py; "start", "end" and "trigger" are SQL keywords, so quoted.

CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    text         TEXT NOT NULL,
    title        TEXT,
    published    TEXT,
    url          TEXT,
    source       TEXT,
    author       TEXT,
    origin       TEXT,
    added_at     TEXT NOT NULL,
    n_words      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sections (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('body', 'header', 'references', 'sidebar', 'comments')),
    "start"     INTEGER NOT NULL CHECK ("start" >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= "start"),
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE doc_references (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    author      TEXT,
    title       TEXT,
    outlet      TEXT,
    date        TEXT,
    date_text   TEXT,
    text        TEXT NOT NULL,
    "start"     INTEGER NOT NULL CHECK ("start" >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= "start"),
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
    spans           TEXT NOT NULL DEFAULT '{}'  -- JSON: field name -> [start, end]
);

CREATE INDEX events_document_id ON events (document_id);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_admin1 ON events (admin1);
CREATE INDEX events_event_type ON events (event_type);
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_actor2 ON events (actor2);

-- Full-text indexes keep their own copy of the text (not external content):
-- simpler to keep consistent, and rowids of TEXT-keyed tables may change on VACUUM.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    document_id UNINDEXED,
    title,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE events_fts USING fts5 (
    event_id UNINDEXED,
    document_id UNINDEXED,
    evidence_text,
    actor1,
    actor2,
    location,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- dateline schema 1 for PostgreSQL: the same tables and columns as ../0001_initial.sql (SQLite),
-- with PostgreSQL's own types and full-text search instead of FTS5.
-- Differences, and why:
--   * booleans are BOOLEAN, coordinates DOUBLE PRECISION, counts INTEGER/BIGINT;
--   * full-text search uses tsvector columns with GIN indexes, so no separate *_fts tables to keep
--     in step. The text search configuration dateline_text is 'simple' (no stemming, no stop
--     words) with accents removed first, like FTS5's 'unicode61 remove_diacritics 2' tokenizer;
--     unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
--   * name matching in SQLite calls Python functions (dl_place, dl_fold) inside SQL; PostgreSQL
--     cannot, so the keys are computed in Python when an event is written and kept in the
--     side table event_keys (one row per event). Keeping them out of `events` lets `events`
--     hold exactly the fields of the Event model, as in SQLite;
--   * ids, dates and timestamps are COLLATE "C": they are compared and sorted as strings
--     (date ranges, listing order), which must follow byte order as SQLite does, whatever the
--     server's locale.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION dateline_text (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION dateline_text
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

CREATE TABLE documents (
    id           TEXT COLLATE "C" PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    text         TEXT NOT NULL,
    title        TEXT,
    published    TEXT COLLATE "C",
    url          TEXT,
    source       TEXT,
    author       TEXT,
    origin       TEXT,
    added_at     TEXT COLLATE "C" NOT NULL,
    n_words      INTEGER NOT NULL DEFAULT 0,
    tsv          tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('dateline_text', coalesce(title, '')), 'A') ||
                     setweight(to_tsvector('dateline_text', text), 'B')) STORED
);

CREATE INDEX documents_tsv ON documents USING GIN (tsv);
CREATE INDEX documents_added ON documents (added_at, id);

CREATE TABLE sections (
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('body', 'header', 'references', 'sidebar', 'comments')),
    "start"     INTEGER NOT NULL CHECK ("start" >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= "start"),
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE doc_references (
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
    event_id        TEXT COLLATE "C" PRIMARY KEY,
    document_id     TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
    spans           TEXT NOT NULL DEFAULT '{}'  -- JSON: field name -> [start, end]
);

CREATE INDEX events_document_id ON events (document_id);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_admin1 ON events (admin1);
CREATE INDEX events_event_type ON events (event_type);
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_actor2 ON events (actor2);

-- Match keys and the searchable text of each event (see the header for why a side table).
CREATE TABLE event_keys (
    event_id     TEXT COLLATE "C" PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    location_key TEXT,
    admin2_key   TEXT,
    admin1_key   TEXT,
    country_key  TEXT,
    actors_key   TEXT NOT NULL DEFAULT '',  -- casefolded actor fields joined by U+001F
    type_key     TEXT,
    subtype_key  TEXT,
    tsv          tsvector NOT NULL
);

CREATE INDEX event_keys_admin1 ON event_keys (admin1_key);
CREATE INDEX event_keys_place ON event_keys (location_key);
CREATE INDEX event_keys_tsv ON event_keys USING GIN (tsv);

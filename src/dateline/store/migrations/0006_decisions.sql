-- dateline schema 6: the analyst's decisions on incidents (issue 17). Every decision is a row, never
-- edited or deleted: an undo is a new row naming the one it undoes. A decision is keyed to the report
-- incident it was made on (`incident_key`: the incident's id at that moment, which is always the id of
-- one of its report incidents), so it follows that report when other reports join or the incident's id
-- changes. `incidents` keeps the published values (machine values with the decisions applied); the
-- machine's own values and the review state are in `incidents.detail`.

CREATE TABLE decisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_key TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'merge', 'split', 'note', 'undo')),
    field        TEXT,
    before       TEXT,  -- JSON: the published value(s) before
    after        TEXT,  -- JSON: the value(s) after
    machine      TEXT,  -- JSON: the machine's value(s) when decided (a later change is a conflict)
    reason       TEXT,
    author       TEXT NOT NULL,
    at           TEXT NOT NULL,
    target       TEXT  -- undo: the decision id undone; merge: the other incident's key; split: the report split out
);
CREATE INDEX decisions_by_key ON decisions (incident_key, id);
CREATE INDEX decisions_by_target ON decisions (target);

ALTER TABLE incidents ADD COLUMN review_status TEXT;  -- NULL (not reviewed), accepted, edited, rejected
ALTER TABLE incidents ADD COLUMN review_conflicts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_by_review ON incidents (review_status, review_conflicts);

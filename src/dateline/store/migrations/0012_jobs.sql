-- dateline schema 12: ingest jobs added from the browser live in the database (issue 16), so any
-- process serving it (`dateline serve --workers N`) reports a job's progress, one process runs it,
-- and a job whose process died is seen as such. A running job's process renews `heartbeat_at`
-- (seconds since the epoch); `owner` names it (host, pid namespace, pid, runner). The inputs wait
-- in `job_inputs` until the job has run, whichever process takes it.

CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    label        TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    inputs       INTEGER NOT NULL,
    processed    INTEGER NOT NULL DEFAULT 0,
    documents    INTEGER NOT NULL DEFAULT 0,
    duplicates   INTEGER NOT NULL DEFAULT 0,
    events       INTEGER NOT NULL DEFAULT 0,
    failures     TEXT NOT NULL DEFAULT '[]',  -- JSON list of one-line reasons
    message      TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    started_at   TEXT,
    finished_at  TEXT,
    owner        TEXT,
    heartbeat_at REAL
);
CREATE INDEX jobs_by_status ON jobs (status, id);

CREATE TABLE job_inputs (
    job_id  INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    name    TEXT NOT NULL,  -- an uploaded file's name, or a URL
    content BLOB,           -- the file's bytes; NULL for a URL
    PRIMARY KEY (job_id, idx)
);

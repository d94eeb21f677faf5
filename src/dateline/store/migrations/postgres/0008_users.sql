-- dateline schema 8: who may change what (issue 17). People who may log in to a served web app to
-- make decisions and add documents. Only a password hash is kept (Argon2id, `users/passwords.py`),
-- never the password. Reads need no login; the CLI needs none (it has the database file itself).

CREATE TABLE users (
    name          TEXT COLLATE "C" PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

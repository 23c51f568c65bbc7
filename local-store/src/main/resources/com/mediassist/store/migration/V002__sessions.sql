-- Browser sessions known to the server: the cookie alone no longer proves a login. Only the
-- SHA-256 of a session id is kept; a row is deleted at logout, password change and user disable,
-- and refused after expires_at (the absolute lifetime, whatever the activity).
CREATE TABLE sessions (
    id_hash    TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- The audit chain is keyed (HMAC-SHA256, key in <data-dir>/audit.key, never in the database) from
-- row keyed_from on. Rows before it keep their unkeyed SHA-256 chain; this one record, MAC'd with
-- the key, pins that older chain's head (legacy_head), so none of those rows can be rewritten either.
CREATE TABLE audit_chain (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    keyed_from  INTEGER NOT NULL,
    legacy_head TEXT    NOT NULL,
    mac         TEXT    NOT NULL
);

-- The sync agent (issue 11): delivery state of the outbox and the batches prepared from it.
-- A batch is stored, signed and content-addressed BEFORE it is sent, so a crash mid-upload
-- re-sends the very same bytes and the vendor deduplicates them by content address.

CREATE TABLE sync_batches (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_uuid      TEXT    NOT NULL UNIQUE,
    content_address TEXT    NOT NULL UNIQUE,
    envelope_json   TEXT    NOT NULL CHECK (json_valid(envelope_json)),
    event_count     INTEGER NOT NULL,
    prepared_at     TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_attempt_at TEXT,
    next_attempt_at TEXT,
    accepted_at     TEXT
);
CREATE INDEX sync_batches_pending ON sync_batches (accepted_at, next_attempt_at);

-- attempts/last_error mirror the batch an event travels in; expired_at marks an event held for
-- k-anonymity past the hold limit (never sent); batch_id is set when the event joins a batch.
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN batch_id INTEGER REFERENCES sync_batches (id);
ALTER TABLE outbox ADD COLUMN expired_at TEXT;
CREATE INDEX outbox_batch ON outbox (batch_id);

-- Counters the sync reports (events dropped over the disk budget, expired after the hold).
CREATE TABLE sync_counters (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
);

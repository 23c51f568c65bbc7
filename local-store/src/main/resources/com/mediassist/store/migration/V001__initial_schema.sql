-- MediAssist local store, schema version 1.
-- Times are ISO-8601 UTC text with millisecond precision (yyyy-MM-ddTHH:mm:ss.SSSZ), dates are
-- ISO-8601 local dates (yyyy-MM-dd): both sort correctly as text and stay readable with sqlite3.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('doctor', 'admin')),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT    NOT NULL
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL CHECK (role IN ('doctor', 'admin')),
    user_id    INTEGER REFERENCES users (id),
    created_at TEXT    NOT NULL,
    revoked_at TEXT
);
-- A name identifies one live token; revoked ones keep their name for the record.
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

CREATE TABLE patients (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_number TEXT    NOT NULL UNIQUE,
    given_name     TEXT    NOT NULL,
    family_name    TEXT    NOT NULL,
    birth_date     TEXT,
    sex            TEXT    NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    search_text    TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX patients_family ON patients (family_name, given_name);

CREATE TABLE conditions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    source_id   TEXT,
    code_system TEXT,
    code        TEXT,
    display     TEXT    NOT NULL,
    onset_date  TEXT,
    abatement_date TEXT,
    status      TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, source_id)
);

CREATE TABLE medications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    source_id   TEXT,
    code_system TEXT,
    code        TEXT,
    display     TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    start_date  TEXT,
    end_date    TEXT,
    dosage      TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, source_id)
);

CREATE TABLE allergies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    source_id   TEXT,
    code_system TEXT,
    code        TEXT,
    display     TEXT    NOT NULL,
    reaction    TEXT,
    criticality TEXT    CHECK (criticality IN ('low', 'high', 'unable-to-assess')),
    recorded_date TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, source_id)
);

CREATE TABLE immunizations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    source_id   TEXT,
    code_system TEXT,
    code        TEXT,
    display     TEXT    NOT NULL,
    date        TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, source_id)
);

CREATE TABLE procedures (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    source_id   TEXT,
    category    TEXT    NOT NULL CHECK (category IN ('procedure', 'screening')),
    code_system TEXT,
    code        TEXT,
    display     TEXT    NOT NULL,
    date        TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, source_id)
);

CREATE TABLE observations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    source_id   TEXT,
    code_system TEXT,
    code        TEXT,
    display     TEXT    NOT NULL,
    value_number REAL,
    value_text  TEXT,
    unit        TEXT,
    date        TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, source_id)
);

CREATE TABLE consultations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id         INTEGER NOT NULL REFERENCES patients (id),
    doctor             TEXT    NOT NULL,
    started_at         TEXT    NOT NULL,
    ended_at           TEXT,
    note_text          TEXT    NOT NULL DEFAULT '',
    evidences_json     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(evidences_json)),
    prescriptions_json TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(prescriptions_json)),
    final_diagnosis    TEXT,
    signed_off_at      TEXT
);
CREATE INDEX consultations_patient ON consultations (patient_id, started_at);

CREATE TABLE suggestions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('diagnosis', 'test', 'alert', 'question', 'treatment')),
    item_code      TEXT    NOT NULL,
    shown_at       TEXT    NOT NULL,
    bundle_id      TEXT    NOT NULL,
    bundle_version TEXT    NOT NULL
);
CREATE INDEX suggestions_consultation ON suggestions (consultation_id);

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    action        TEXT    NOT NULL CHECK (action IN ('accepted', 'dismissed', 'overridden')),
    reason        TEXT,
    actor         TEXT    NOT NULL,
    at            TEXT    NOT NULL
);
CREATE INDEX feedback_suggestion ON feedback (suggestion_id);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    patient_id INTEGER,
    detail     TEXT    NOT NULL DEFAULT '',
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, id);
-- Append-only. The triggers stop honest mistakes; the hash chain catches whoever drops them.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

CREATE TABLE outbox (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    event_type             TEXT    NOT NULL,
    payload_json           TEXT    NOT NULL CHECK (json_valid(payload_json)),
    created_at             TEXT    NOT NULL,
    eligible_for_upload_at TEXT    NOT NULL,
    uploaded_at            TEXT
);
CREATE INDEX outbox_pending ON outbox (uploaded_at, eligible_for_upload_at);

CREATE TABLE bundles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    bundle_id    TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    path         TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    installed_at TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('active', 'previous', 'inactive')),
    UNIQUE (bundle_id, version)
);
CREATE UNIQUE INDEX bundles_one_active ON bundles (bundle_id) WHERE status = 'active';
CREATE UNIQUE INDEX bundles_one_previous ON bundles (bundle_id) WHERE status = 'previous';

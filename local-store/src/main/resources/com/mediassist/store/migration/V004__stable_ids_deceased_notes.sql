-- Issue 19/20: a stable identifier for every history item and consultation (written to FHIR exports
-- and recognised on import), the date of death, the status of an immunization, and the signed notes
-- that arrive from another box as FHIR Compositions.

ALTER TABLE conditions    ADD COLUMN item_uid TEXT;
ALTER TABLE medications   ADD COLUMN item_uid TEXT;
ALTER TABLE allergies     ADD COLUMN item_uid TEXT;
ALTER TABLE immunizations ADD COLUMN item_uid TEXT;
ALTER TABLE procedures    ADD COLUMN item_uid TEXT;
ALTER TABLE observations  ADD COLUMN item_uid TEXT;

-- A random UUID (version 4 layout) for the rows that exist already.
UPDATE conditions SET item_uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE item_uid IS NULL;
UPDATE medications SET item_uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE item_uid IS NULL;
UPDATE allergies SET item_uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE item_uid IS NULL;
UPDATE immunizations SET item_uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE item_uid IS NULL;
UPDATE procedures SET item_uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE item_uid IS NULL;
UPDATE observations SET item_uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE item_uid IS NULL;

CREATE UNIQUE INDEX conditions_uid    ON conditions (patient_id, item_uid);
CREATE UNIQUE INDEX medications_uid   ON medications (patient_id, item_uid);
CREATE UNIQUE INDEX allergies_uid     ON allergies (patient_id, item_uid);
CREATE UNIQUE INDEX immunizations_uid ON immunizations (patient_id, item_uid);
CREATE UNIQUE INDEX procedures_uid    ON procedures (patient_id, item_uid);
CREATE UNIQUE INDEX observations_uid  ON observations (patient_id, item_uid);

ALTER TABLE immunizations ADD COLUMN status TEXT NOT NULL DEFAULT 'completed'
    CHECK (status IN ('completed', 'not-done'));

-- deceased = 1 with no date: known to have died, date not recorded (FHIR deceasedBoolean).
ALTER TABLE patients ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1));
ALTER TABLE patients ADD COLUMN deceased_date TEXT;

ALTER TABLE consultations ADD COLUMN uid TEXT;
UPDATE consultations SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uid IS NULL;
CREATE UNIQUE INDEX consultations_uid ON consultations (uid);
CREATE TRIGGER consultations_assign_uid AFTER INSERT ON consultations WHEN NEW.uid IS NULL
BEGIN
    UPDATE consultations SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
        || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
        WHERE id = NEW.id;
END;

-- A signed consultation note from another system or box (FHIR Composition), kept as it came.
CREATE TABLE clinical_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    note_uid    TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    note_text   TEXT    NOT NULL DEFAULT '',
    diagnosis   TEXT,
    recorded_at TEXT    NOT NULL,
    UNIQUE (patient_id, note_uid)
);

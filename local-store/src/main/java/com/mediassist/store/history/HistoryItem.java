package com.mediassist.store.history;

import java.time.Instant;

/**
 * A stored history entry.
 *
 * @param id database id, unique within its kind
 * @param patientId the patient it belongs to
 * @param recordedAt when it was written (or last updated by a re-import)
 * @param entry its content
 * @param uid the item's stable identifier: assigned when it is first stored (a random UUID, or the one
 *     an imported appliance export carried), kept by every update, written to FHIR exports as
 *     {@code Resource.id} and recognised on import; {@code null} only for items built outside the store
 */
public record HistoryItem(long id, long patientId, Instant recordedAt, HistoryEntry entry, String uid) {

    /** An item without a stable identifier (not read from the store). */
    public HistoryItem(long id, long patientId, Instant recordedAt, HistoryEntry entry) {
        this(id, patientId, recordedAt, entry, null);
    }

    public HistoryKind kind() {
        return entry.kind();
    }
}

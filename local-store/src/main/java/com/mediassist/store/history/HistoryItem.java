package com.mediassist.store.history;

import java.time.Instant;

/**
 * A stored history entry.
 *
 * @param id database id, unique within its kind
 * @param patientId the patient it belongs to
 * @param recordedAt when it was written (or last updated by a re-import)
 * @param entry its content
 */
public record HistoryItem(long id, long patientId, Instant recordedAt, HistoryEntry entry) {

    public HistoryKind kind() {
        return entry.kind();
    }
}

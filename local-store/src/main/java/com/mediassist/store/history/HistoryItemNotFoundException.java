package com.mediassist.store.history;

import com.mediassist.store.RecordNotFoundException;

/** The patient has no history item of that kind with that id. */
public class HistoryItemNotFoundException extends RecordNotFoundException {

    public HistoryItemNotFoundException(HistoryKind kind, long patientId, long itemId) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT), "patient " + patientId + " item " + itemId);
    }
}

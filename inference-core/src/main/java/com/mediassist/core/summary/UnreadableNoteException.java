package com.mediassist.core.summary;

/** The note is empty, blank, or is not text (control characters, binary data). */
public final class UnreadableNoteException extends SummaryException {

    public UnreadableNoteException(String message) {
        super(message);
    }
}

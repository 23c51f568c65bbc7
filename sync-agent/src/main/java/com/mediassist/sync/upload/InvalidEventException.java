package com.mediassist.sync.upload;

/**
 * An event field is outside the allow-list of the sync protocol (an unknown code, a value not in
 * its list, free text where a code belongs). Nothing is enqueued.
 */
public class InvalidEventException extends SyncException {

    private final String field;
    private final String found;

    public InvalidEventException(String field, String expected, String found) {
        super(field + ": expected " + expected + ", found '" + found + "'");
        this.field = field;
        this.found = found;
    }

    /** The field, e.g. {@code finalDiagnosis} or {@code evidencesPresent[2]}. */
    public String field() {
        return field;
    }

    /** The refused value. */
    public String found() {
        return found;
    }
}

package com.mediassist.store;

/**
 * A value handed to the store breaks a rule of the schema (blank name, malformed JSON, bad status);
 * nothing was written. The REST edge maps it to 400 naming {@link #field()}.
 */
public class InvalidValueException extends StoreException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The name of the offending field, as the records name it (e.g. {@code "birthDate"}). */
    public String field() {
        return field;
    }
}

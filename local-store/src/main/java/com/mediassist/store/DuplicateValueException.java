package com.mediassist.store;

/**
 * A value that must be unique is already taken; nothing was written. Subclasses name the field;
 * the REST edge maps them to 409.
 */
public class DuplicateValueException extends StoreException {

    private final String field;
    private final String value;

    public DuplicateValueException(String field, String value) {
        super(field + " already exists: " + value);
        this.field = field;
        this.value = value;
    }

    /** The field that must be unique, e.g. {@code "patientNumber"}. */
    public String field() {
        return field;
    }

    /** The value that is already taken. */
    public String value() {
        return value;
    }
}

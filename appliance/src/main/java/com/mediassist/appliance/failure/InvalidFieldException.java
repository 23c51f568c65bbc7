package com.mediassist.appliance.failure;

/**
 * A request named a bad value: one field, and what is wrong with it. Nothing was stored.
 */
public class InvalidFieldException extends ApplianceException {

    private final String field;
    private final String reason;

    /**
     * @param field  the offending field as the client wrote it, e.g. {@code medications[2]}
     * @param reason what is wrong with it, e.g. {@code must not be blank}
     */
    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The offending field. */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}

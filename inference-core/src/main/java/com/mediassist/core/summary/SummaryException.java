package com.mediassist.core.summary;

/** Root of the consultation-summary failures. */
public class SummaryException extends RuntimeException {

    public SummaryException(String message) {
        super(message);
    }

    public SummaryException(String message, Throwable cause) {
        super(message, cause);
    }
}

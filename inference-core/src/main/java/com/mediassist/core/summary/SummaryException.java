package com.mediassist.core.summary;

import com.mediassist.core.InferenceCoreException;

/** Root of the consultation-summary failures; one subclass per failure mode. */
public abstract class SummaryException extends InferenceCoreException {

    protected SummaryException(String message) {
        super(message);
    }

    protected SummaryException(String message, Throwable cause) {
        super(message, cause);
    }
}

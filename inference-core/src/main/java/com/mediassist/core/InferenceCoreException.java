package com.mediassist.core;

/**
 * Root of every exception thrown by the inference core. Each failure mode has its own subclass that
 * carries the facts (what was expected, what was found), so callers can map it to a precise answer.
 */
public abstract class InferenceCoreException extends RuntimeException {

    protected InferenceCoreException(String message) {
        super(message);
    }

    protected InferenceCoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.mediassist.store;

/**
 * Root of every failure the local store reports. Subclasses name one failure each and carry its
 * facts (which id was missing, which row broke the audit chain); callers map them to user-facing
 * errors at their own edge. Unchecked, so repository calls compose inside transaction lambdas.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

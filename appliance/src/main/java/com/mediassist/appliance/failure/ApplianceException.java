package com.mediassist.appliance.failure;

/**
 * Root of the appliance's domain failures. Services throw subclasses of it (never HTTP statuses); the
 * REST layer maps each subclass once to problem details. The message says what was expected and what
 * was found; the cause, when there is one, is kept.
 */
public abstract class ApplianceException extends RuntimeException {

    protected ApplianceException(String message) {
        super(message);
    }

    protected ApplianceException(String message, Throwable cause) {
        super(message, cause);
    }
}

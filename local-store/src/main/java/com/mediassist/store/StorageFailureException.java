package com.mediassist.store;

/**
 * The database itself failed (I/O error, locked beyond the busy timeout, corrupt file). Not caused
 * by the caller's input; the REST edge maps it to 503 or 500.
 */
public class StorageFailureException extends StoreException {

    public StorageFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}

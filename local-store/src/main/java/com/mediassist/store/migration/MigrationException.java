package com.mediassist.store.migration;

import com.mediassist.store.StoreException;

/** The schema could not be brought to the version this build expects; the database was left as it was. */
public class MigrationException extends StoreException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.mediassist.store.backup;

import com.mediassist.store.StoreException;

/** A backup or restore failed; the live database is as it was before the call. */
public class BackupException extends StoreException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}

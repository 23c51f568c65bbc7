package com.mediassist.store.backup;

import java.nio.file.Path;

/**
 * A file offered for restore is not a sound MediAssist database: not SQLite, another application's
 * database, failing {@code PRAGMA integrity_check}, or from a newer MediAssist. Nothing was replaced.
 */
public class NotAMediAssistDatabaseException extends BackupException {

    private final Path file;
    private final String reason;

    public NotAMediAssistDatabaseException(Path file, String reason) {
        super(file + " is not a usable MediAssist database: " + reason);
        this.file = file;
        this.reason = reason;
    }

    public NotAMediAssistDatabaseException(Path file, String reason, Throwable cause) {
        super(file + " is not a usable MediAssist database: " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}

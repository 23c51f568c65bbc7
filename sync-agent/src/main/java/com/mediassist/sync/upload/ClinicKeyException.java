package com.mediassist.sync.upload;

import java.nio.file.Path;

/** The clinic key pair is missing, unreadable or could not be created. */
public class ClinicKeyException extends SyncException {

    private final Path file;

    public ClinicKeyException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The key file concerned. */
    public Path file() {
        return file;
    }
}

package com.mediassist.sync.upload;

/**
 * Root of the sync agent's upload failures; each subclass carries the facts of one failure mode.
 * The message says what was expected and what was found; the cause is kept.
 */
public class SyncException extends RuntimeException {

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}

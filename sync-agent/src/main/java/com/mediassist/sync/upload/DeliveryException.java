package com.mediassist.sync.upload;

/**
 * One delivery attempt of a batch failed: the vendor answered other than 200, or the connection
 * failed (refused, timeout, TLS). The batch stays on disk and is retried with back-off.
 */
public class DeliveryException extends SyncException {

    private final int status;

    /**
     * @param status the HTTP status, or 0 when no answer came (connection, timeout, TLS)
     */
    public DeliveryException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, 0 when the vendor never answered. */
    public int status() {
        return status;
    }
}

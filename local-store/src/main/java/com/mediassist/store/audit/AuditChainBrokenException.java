package com.mediassist.store.audit;

import com.mediassist.store.StoreException;

/**
 * The audit log's hash chain does not hold: a row was edited, deleted or inserted outside the
 * store. {@link #rowId()} is the first row at which the chain breaks.
 */
public class AuditChainBrokenException extends StoreException {

    private final long rowId;
    private final String reason;

    public AuditChainBrokenException(long rowId, String reason) {
        super("audit chain broken at row " + rowId + ": " + reason);
        this.rowId = rowId;
        this.reason = reason;
    }

    /** The first row id at which the chain breaks. */
    public long rowId() {
        return rowId;
    }

    /** What is wrong there: hash mismatch, link mismatch, or rows missing. */
    public String reason() {
        return reason;
    }
}

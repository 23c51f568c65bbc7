package com.mediassist.store.audit;

/**
 * The result of a successful {@link AuditRepository#verify()}.
 *
 * @param rows how many rows were checked
 * @param headHash the hash of the last row (64 zeros for an empty log); write it down elsewhere to
 *     detect later truncation of the whole log
 */
public record AuditVerification(long rows, String headHash) {
}

package com.mediassist.store.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of the audit log.
 *
 * @param id position in the chain, from 1 without gaps
 * @param at when it happened
 * @param actor who did it: a username, {@code token:<name>}, or {@code system}/{@code installer}
 * @param action what was done, e.g. {@code patient.read}, {@code patient.update}, {@code user.login.failed}
 * @param patientId the patient whose data was touched, if any
 * @param detail free text with whatever else matters (never a password or token)
 * @param prevHash the previous row's hash (64 zeros for the first row)
 * @param hash SHA-256 over this row's content and {@code prevHash}, lower-case hex
 */
public record AuditEntry(long id, Instant at, String actor, String action, Optional<Long> patientId, String detail,
        String prevHash, String hash) {
}

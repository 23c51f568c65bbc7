/**
 * The audit log: who read or changed what, when, about which patient. Append-only and
 * hash-chained; {@link com.mediassist.store.audit.AuditRepository#verify()} throws
 * {@link com.mediassist.store.audit.AuditChainBrokenException} naming the first broken row.
 */
package com.mediassist.store.audit;

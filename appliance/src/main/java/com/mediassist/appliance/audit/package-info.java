/**
 * The audit trail of patient data access: {@link com.mediassist.appliance.audit.AuditService}
 * appends a hash-chained row (user, action, patient, time) to the store's audit log for every
 * read or write. Other features inject it.
 */
package com.mediassist.appliance.audit;

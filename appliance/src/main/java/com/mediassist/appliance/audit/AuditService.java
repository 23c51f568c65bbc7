package com.mediassist.appliance.audit;

import com.mediassist.store.Database;
import com.mediassist.store.Repositories;
import com.mediassist.store.audit.AuditEntry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Writes the audit row for every read or write of a patient's data: who (the logged-in user,
 * {@code token:<name>} for an unbound API token, {@code system} outside a request), what (an action
 * such as {@code patient.read}), whose data and when (the store's clock).
 *
 * <p>Record writes inside the same transaction as the change ({@link #record(Repositories, String,
 * Long, String)} with the {@code tx} of {@code database.inTransaction}), so that the change and its
 * audit row commit together or not at all. Reads may use {@link #record(String, Long, String)}.
 */
@ApplicationScoped
public class AuditService {

    /** The actor recorded for work not done on behalf of a caller (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";

    private final Database database;
    private final Instance<SecurityIdentity> identity;

    public AuditService(Database database, Instance<SecurityIdentity> identity) {
        this.database = database;
        this.identity = identity;
    }

    /** Appends a row in its own transaction. */
    public AuditEntry record(String action, Long patientId, String detail) {
        return record(database, action, patientId, detail);
    }

    /** Appends a row through {@code repositories}, e.g. inside a transaction. */
    public AuditEntry record(Repositories repositories, String action, Long patientId, String detail) {
        return repositories.audit().append(actor(), action, patientId, detail);
    }

    /** Who is calling, as written to the audit log. */
    public String actor() {
        try {
            SecurityIdentity current = identity.get();
            if (current == null || current.isAnonymous()) {
                return SYSTEM;
            }
            return current.getPrincipal().getName();
        } catch (jakarta.enterprise.context.ContextNotActiveException outsideRequest) {
            return SYSTEM;
        }
    }
}

package com.mediassist.appliance.consult.service;

import com.mediassist.store.Database;
import com.mediassist.store.consultations.Consultation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who may change a consultation: its doctor, or an administrator. Any doctor may read it. Called at
 * the top of every mutating consultation method; {@link #takeOver} is the explicit, audited way for
 * another doctor to continue a consultation.
 */
@ApplicationScoped
public class ConsultationAccess {

    private final Database database;
    private final Instance<SecurityIdentity> identity;

    public ConsultationAccess(Database database, Instance<SecurityIdentity> identity) {
        this.database = database;
        this.identity = identity;
    }

    /**
     * @throws NotTheConsultationsDoctorException when {@code user} is neither its doctor nor an admin
     */
    public void requireMayChange(long consultationId, String user) {
        requireMayChange(StoreProblems.translate(() -> database.consultations().get(consultationId)), user);
    }

    /**
     * {@link #requireMayChange(long, String)} on a consultation the caller has just read (in its own
     * transaction), without reading it again.
     *
     * @throws NotTheConsultationsDoctorException when {@code user} is neither its doctor nor an admin
     */
    public void requireMayChange(Consultation c, String user) {
        if (!c.doctor().equalsIgnoreCase(user) && !isAdmin()) {
            throw new NotTheConsultationsDoctorException(c.id(), c.doctor(), user);
        }
    }

    /** Makes {@code user} the consultation's doctor, recording who had it in the audit log. */
    public ConsultationView takeOver(long consultationId, String user, ConsultationService views) {
        return StoreProblems.translate(() -> database.inTransaction(tx -> {
            Consultation before = tx.consultations().get(consultationId);
            Consultation after = tx.consultations().reassign(consultationId, user);
            tx.audit().append(user, "consultation.take-over", before.patientId(),
                    "consultation " + consultationId + " from " + before.doctor());
            return views.view(after);
        }));
    }

    private boolean isAdmin() {
        try {
            SecurityIdentity current = identity.get();
            return current != null && current.hasRole("admin");
        } catch (jakarta.enterprise.context.ContextNotActiveException outsideRequest) {
            return false;
        }
    }
}

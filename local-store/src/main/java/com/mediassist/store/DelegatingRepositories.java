package com.mediassist.store;

import com.mediassist.store.audit.AuditRepository;
import com.mediassist.store.bundles.BundleRepository;
import com.mediassist.store.consultations.ConsultationRepository;
import com.mediassist.store.feedback.FeedbackRepository;
import com.mediassist.store.history.HistoryRepository;
import com.mediassist.store.outbox.OutboxRepository;
import com.mediassist.store.patients.PatientRepository;
import com.mediassist.store.users.TokenRepository;
import com.mediassist.store.users.UserRepository;

/**
 * The repository accessors of {@link Database} and {@link Transaction}, answered from the
 * {@link RepositorySet} each binds to its own {@link HandleSource}. An abstract class rather than an
 * interface so that the accessor of that set stays package-private.
 */
abstract class DelegatingRepositories implements Repositories {

    DelegatingRepositories() {
    }

    /** @return the repositories bound to this object's handle source */
    abstract RepositorySet repositories();

    @Override
    public UserRepository users() {
        return repositories().users();
    }

    @Override
    public TokenRepository tokens() {
        return repositories().tokens();
    }

    @Override
    public PatientRepository patients() {
        return repositories().patients();
    }

    @Override
    public HistoryRepository history() {
        return repositories().history();
    }

    @Override
    public ConsultationRepository consultations() {
        return repositories().consultations();
    }

    @Override
    public FeedbackRepository feedback() {
        return repositories().feedback();
    }

    @Override
    public AuditRepository audit() {
        return repositories().audit();
    }

    @Override
    public OutboxRepository outbox() {
        return repositories().outbox();
    }

    @Override
    public BundleRepository bundles() {
        return repositories().bundles();
    }

    @Override
    public com.mediassist.store.notes.SignedNoteRepository notes() {
        return repositories().notes();
    }
}

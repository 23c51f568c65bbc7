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

/** The repositories bound to one {@link HandleSource}; shared by Database and Transaction. */
final class RepositorySet implements Repositories {

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PatientRepository patients;
    private final HistoryRepository history;
    private final ConsultationRepository consultations;
    private final FeedbackRepository feedback;
    private final AuditRepository audit;
    private final OutboxRepository outbox;
    private final BundleRepository bundles;
    private final com.mediassist.store.notes.SignedNoteRepository notes;

    RepositorySet(HandleSource source, DatabaseOptions options) {
        this.users = new UserRepository(source, options.clock(), options.passwordCost(), options.random());
        this.tokens = new TokenRepository(source, options.clock(), options.random());
        this.patients = new PatientRepository(source, options.clock());
        this.history = new HistoryRepository(source, options.clock());
        this.consultations = new ConsultationRepository(source, options.clock());
        this.feedback = new FeedbackRepository(source, options.clock());
        this.audit = new AuditRepository(source, options.clock(), com.mediassist.store.audit.AuditKey.of(options.dataDir()));
        this.outbox = new OutboxRepository(source, options.clock());
        this.bundles = new BundleRepository(source, options.clock());
        this.notes = new com.mediassist.store.notes.SignedNoteRepository(source, options.clock());
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public TokenRepository tokens() {
        return tokens;
    }

    @Override
    public PatientRepository patients() {
        return patients;
    }

    @Override
    public HistoryRepository history() {
        return history;
    }

    @Override
    public ConsultationRepository consultations() {
        return consultations;
    }

    @Override
    public FeedbackRepository feedback() {
        return feedback;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public OutboxRepository outbox() {
        return outbox;
    }

    @Override
    public BundleRepository bundles() {
        return bundles;
    }

    @Override
    public com.mediassist.store.notes.SignedNoteRepository notes() {
        return notes;
    }
}

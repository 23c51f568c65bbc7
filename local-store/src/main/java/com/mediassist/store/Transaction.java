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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * One unit of work across repositories, handed to the callback of
 * {@link Database#inTransaction}. Everything done through it commits together when the callback
 * returns and is rolled back when it throws. Valid only inside that callback.
 */
public final class Transaction implements Repositories {

    private final Handle handle;
    private final RepositorySet repositories;

    Transaction(Handle handle, DatabaseOptions options) {
        this.handle = handle;
        this.repositories = new RepositorySet(new HandleSource() {
            @Override
            public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
                return callback.withHandle(handle);
            }

            @Override
            public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
                return callback.withHandle(handle);
            }
        }, options);
    }

    /** The Jdbi handle of this transaction, for queries no repository offers. Owned by the store. */
    public Handle handle() {
        return handle;
    }

    @Override
    public UserRepository users() {
        return repositories.users();
    }

    @Override
    public TokenRepository tokens() {
        return repositories.tokens();
    }

    @Override
    public PatientRepository patients() {
        return repositories.patients();
    }

    @Override
    public HistoryRepository history() {
        return repositories.history();
    }

    @Override
    public ConsultationRepository consultations() {
        return repositories.consultations();
    }

    @Override
    public FeedbackRepository feedback() {
        return repositories.feedback();
    }

    @Override
    public AuditRepository audit() {
        return repositories.audit();
    }

    @Override
    public OutboxRepository outbox() {
        return repositories.outbox();
    }

    @Override
    public BundleRepository bundles() {
        return repositories.bundles();
    }
}

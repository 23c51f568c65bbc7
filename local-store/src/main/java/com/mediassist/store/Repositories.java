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
 * The repositories of the store. From {@link Database} each call is its own transaction; from a
 * {@link Transaction} all calls share one, committed or rolled back together.
 */
public interface Repositories {

    UserRepository users();

    TokenRepository tokens();

    PatientRepository patients();

    HistoryRepository history();

    ConsultationRepository consultations();

    FeedbackRepository feedback();

    AuditRepository audit();

    OutboxRepository outbox();

    BundleRepository bundles();

    /** Signed consultation notes, own and imported. */
    com.mediassist.store.notes.SignedNoteRepository notes();
}

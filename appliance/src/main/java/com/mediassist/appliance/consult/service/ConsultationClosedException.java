package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.ApplianceException;
import java.time.Instant;
import java.util.Optional;

/**
 * The consultation was signed off, so it refuses a change (a prescription, a note) or, once closed, a
 * feedback event. Nothing was stored.
 */
public class ConsultationClosedException extends ApplianceException {

    /** What the signed-off consultation refused. */
    public enum Refused {
        /** Any change to the consultation's record. */
        CHANGE,
        /** A feedback event about a suggestion it showed. */
        FEEDBACK
    }

    private final long consultationId;
    private final transient Instant signedOffAt;
    private final Refused refused;

    /**
     * @param consultationId the consultation
     * @param signedOffAt    when it was signed off, {@code null} when not named in the message
     * @param refused        what it refused
     */
    public ConsultationClosedException(long consultationId, Instant signedOffAt, Refused refused) {
        super("Consultation " + consultationId + " was signed off"
                + (signedOffAt == null ? "" : " at " + signedOffAt)
                + (refused == Refused.FEEDBACK ? "; its feedback is closed" : " and cannot change"));
        this.consultationId = consultationId;
        this.signedOffAt = signedOffAt;
        this.refused = refused;
    }

    public long consultationId() {
        return consultationId;
    }

    /** When it was signed off, if the thrower knew. */
    public Optional<Instant> signedOffAt() {
        return Optional.ofNullable(signedOffAt);
    }

    public Refused refused() {
        return refused;
    }
}

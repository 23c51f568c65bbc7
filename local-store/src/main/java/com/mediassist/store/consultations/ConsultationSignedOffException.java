package com.mediassist.store.consultations;

import com.mediassist.store.StoreException;
import java.time.Instant;

/** The consultation was signed off and can no longer change; the REST edge maps this to 409. */
public class ConsultationSignedOffException extends StoreException {

    private final long consultationId;
    private final Instant signedOffAt;

    public ConsultationSignedOffException(long consultationId, Instant signedOffAt) {
        super("consultation " + consultationId + " was signed off at " + signedOffAt + " and cannot change");
        this.consultationId = consultationId;
        this.signedOffAt = signedOffAt;
    }

    public long consultationId() {
        return consultationId;
    }

    public Instant signedOffAt() {
        return signedOffAt;
    }
}

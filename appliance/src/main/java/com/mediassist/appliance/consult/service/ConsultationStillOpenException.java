package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.ApplianceException;

/** An operation that needs a signed-off consultation (the FHIR export) met one still open. */
public class ConsultationStillOpenException extends ApplianceException {

    private final long consultationId;

    public ConsultationStillOpenException(long consultationId) {
        super("Consultation " + consultationId + " is still open; sign it off before exporting it");
        this.consultationId = consultationId;
    }

    public long consultationId() {
        return consultationId;
    }
}

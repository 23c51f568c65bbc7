package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.ApplianceException;

/**
 * A doctor tried to change or sign off a consultation that belongs to another doctor. The caller may
 * read it, or take it over explicitly ({@code POST .../take-over}).
 */
public class NotTheConsultationsDoctorException extends ApplianceException {

    private final long consultationId;
    private final String doctor;
    private final String caller;

    public NotTheConsultationsDoctorException(long consultationId, String doctor, String caller) {
        super("Consultation " + consultationId + " belongs to " + doctor + "; only that doctor or an administrator may "
                + "change or sign it off. Take it over first (POST /api/v1/consultations/" + consultationId
                + "/take-over) if you are continuing it.");
        this.consultationId = consultationId;
        this.doctor = doctor;
        this.caller = caller;
    }

    public long consultationId() {
        return consultationId;
    }

    public String doctor() {
        return doctor;
    }

    public String caller() {
        return caller;
    }
}

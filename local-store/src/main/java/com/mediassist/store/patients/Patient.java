package com.mediassist.store.patients;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A patient as stored.
 *
 * @param id database id, used in URLs and by every history row
 * @param patientNumber the clinic's own patient number, unique
 * @param givenName given name(s)
 * @param familyName family name(s)
 * @param birthDate date of birth, {@code null} when unknown
 * @param sex administrative sex
 * @param createdAt when the patient was registered
 * @param updatedAt when the demographics last changed
 */
public record Patient(long id, String patientNumber, String givenName, String familyName, LocalDate birthDate,
        Sex sex, Instant createdAt, Instant updatedAt) {

    /** The demographics, e.g. to change one field and {@link PatientRepository#update} the rest. */
    public PatientDetails details() {
        return new PatientDetails(patientNumber, givenName, familyName, birthDate, sex);
    }
}

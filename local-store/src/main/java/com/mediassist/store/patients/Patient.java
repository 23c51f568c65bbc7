package com.mediassist.store.patients;

import com.mediassist.core.knowledge.Sex;
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
 * @param deceased whether the patient has died (the record is then read-only for new care)
 * @param deceasedDate date of death, {@code null} when alive or when the date is not known
 */
public record Patient(long id, String patientNumber, String givenName, String familyName, LocalDate birthDate,
        Sex sex, Instant createdAt, Instant updatedAt, boolean deceased, LocalDate deceasedDate) {

    /** A living patient (or one whose death is not recorded). */
    public Patient(long id, String patientNumber, String givenName, String familyName, LocalDate birthDate, Sex sex,
            Instant createdAt, Instant updatedAt) {
        this(id, patientNumber, givenName, familyName, birthDate, sex, createdAt, updatedAt, false, null);
    }

    /** The demographics, e.g. to change one field and {@link PatientRepository#update} the rest. */
    public PatientDetails details() {
        return new PatientDetails(patientNumber, givenName, familyName, birthDate, sex, deceased, deceasedDate);
    }
}

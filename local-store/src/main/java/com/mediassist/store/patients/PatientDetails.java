package com.mediassist.store.patients;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import java.time.LocalDate;

/**
 * What is written when a patient is created or updated. The compact constructor checks the values
 * and strips surrounding blanks.
 *
 * @param patientNumber the clinic's own patient number, unique, 1..64 characters
 * @param givenName given name(s), 1..200 characters
 * @param familyName family name(s), 1..200 characters
 * @param birthDate date of birth, may be {@code null} when unknown; not before 1850 (the repository
 *     also refuses dates after today by its clock)
 * @param sex administrative sex; {@code null} becomes {@link Sex#UNKNOWN}
 * @param deceased whether the patient has died; a {@code deceasedDate} implies it
 * @param deceasedDate date of death, {@code null} when alive or not known; not before the birth date
 *     (the repository also refuses dates after today)
 * @throws InvalidValueException naming the first bad field
 */
public record PatientDetails(String patientNumber, String givenName, String familyName, LocalDate birthDate,
        Sex sex, boolean deceased, LocalDate deceasedDate) {

    public PatientDetails {
        patientNumber = Fields.name("patientNumber", patientNumber, 64);
        givenName = Fields.name("givenName", givenName, 200);
        familyName = Fields.name("familyName", familyName, 200);
        sex = sex == null ? Sex.UNKNOWN : sex;
        if (birthDate != null && birthDate.getYear() < 1850) {
            throw new InvalidValueException("birthDate", "must be after 1850, got " + birthDate);
        }
        deceased = deceased || deceasedDate != null;
        if (deceasedDate != null && birthDate != null && deceasedDate.isBefore(birthDate)) {
            throw new InvalidValueException("deceasedDate", "must not be before birthDate " + birthDate
                    + ", got " + deceasedDate);
        }
    }

    /** A living patient (or one whose death is not recorded). */
    public PatientDetails(String patientNumber, String givenName, String familyName, LocalDate birthDate, Sex sex) {
        this(patientNumber, givenName, familyName, birthDate, sex, false, null);
    }
}

package com.mediassist.store.patients;

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
 * @throws InvalidValueException naming the first bad field
 */
public record PatientDetails(String patientNumber, String givenName, String familyName, LocalDate birthDate,
        Sex sex) {

    public PatientDetails {
        patientNumber = Fields.name("patientNumber", patientNumber, 64);
        givenName = Fields.name("givenName", givenName, 200);
        familyName = Fields.name("familyName", familyName, 200);
        sex = sex == null ? Sex.UNKNOWN : sex;
        if (birthDate != null && birthDate.getYear() < 1850) {
            throw new InvalidValueException("birthDate", "must be after 1850, got " + birthDate);
        }
    }
}

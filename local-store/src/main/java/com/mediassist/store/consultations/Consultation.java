package com.mediassist.store.consultations;

import java.time.Instant;
import java.util.Optional;

/**
 * A consultation: one visit of a patient to a doctor.
 *
 * @param id database id
 * @param patientId the patient seen
 * @param doctor username of the doctor
 * @param startedAt when it was opened
 * @param endedAt when it was closed, empty while open
 * @param noteText the doctor's free-text note (may be empty)
 * @param evidencesJson the evidences recorded (symptoms, signs, results) as a JSON array, {@code []} when none
 * @param prescriptionsJson the prescriptions as a JSON array, {@code []} when none
 * @param finalDiagnosis the doctor's final diagnosis (code or text), empty until set
 * @param signedOffAt when the doctor signed it off; after that it cannot change
 */
public record Consultation(long id, long patientId, String doctor, Instant startedAt, Optional<Instant> endedAt,
        String noteText, String evidencesJson, String prescriptionsJson, Optional<String> finalDiagnosis,
        Optional<Instant> signedOffAt) {

    /** Whether it has been signed off and is therefore read-only. */
    public boolean signedOff() {
        return signedOffAt.isPresent();
    }
}

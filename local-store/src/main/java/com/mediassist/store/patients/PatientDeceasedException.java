package com.mediassist.store.patients;

import com.mediassist.store.StoreException;
import java.time.LocalDate;

/** The patient has died: the record is read-only for new care (no new consultation). */
public class PatientDeceasedException extends StoreException {

    private final long patientId;
    private final LocalDate deceasedDate;

    public PatientDeceasedException(long patientId, LocalDate deceasedDate) {
        super("patient " + patientId + " is deceased" + (deceasedDate == null ? "" : " (" + deceasedDate + ")")
                + "; the record is read-only and no new consultation can be started");
        this.patientId = patientId;
        this.deceasedDate = deceasedDate;
    }

    /** The patient. */
    public long patientId() {
        return patientId;
    }

    /** The date of death, or {@code null} when not recorded. */
    public LocalDate deceasedDate() {
        return deceasedDate;
    }
}

package com.mediassist.store.patients;

import com.mediassist.store.DuplicateValueException;

/** Another patient already has that patient number; nothing was written. */
public class DuplicatePatientNumberException extends DuplicateValueException {

    public DuplicatePatientNumberException(String patientNumber) {
        super("patientNumber", patientNumber);
    }
}

package com.mediassist.store.patients;

import com.mediassist.store.RecordNotFoundException;

/** No patient has that id (or number). */
public class PatientNotFoundException extends RecordNotFoundException {

    public PatientNotFoundException(Object idOrNumber) {
        super("patient", idOrNumber);
    }
}

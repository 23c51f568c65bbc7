package com.mediassist.store.consultations;

import com.mediassist.store.RecordNotFoundException;

/** No consultation has that id. */
public class ConsultationNotFoundException extends RecordNotFoundException {

    public ConsultationNotFoundException(long id) {
        super("consultation", id);
    }
}

package com.mediassist.appliance.consult.service;

import com.mediassist.appliance.failure.ApplianceException;
import com.mediassist.core.summary.SummaryException;

/** The signed note of a consultation could not be structured for export; the note reader's failure is the cause. */
public class NoteNotStructuredException extends ApplianceException {

    private final long consultationId;

    public NoteNotStructuredException(long consultationId, SummaryException cause) {
        super("The signed note of consultation " + consultationId + " could not be structured for export: "
                + cause.getMessage(), cause);
        this.consultationId = consultationId;
    }

    public long consultationId() {
        return consultationId;
    }
}

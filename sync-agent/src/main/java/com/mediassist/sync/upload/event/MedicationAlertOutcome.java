package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.Map;

/**
 * One medication alert and its outcome, when the prescription is saved.
 *
 * @param week  ISO week of the decision
 * @param alert the rule, its severity and the outcome
 */
public record MedicationAlertOutcome(String week, MedicationAlert alert) implements UploadEvent {

    public static final String TYPE = "medication-alert-outcome";

    public MedicationAlertOutcome {
        Codes.week(week);
        if (alert == null) {
            throw new InvalidEventException("alert", "an alert", "nothing");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean clinical() {
        return alert.outcome() != AlertOutcome.SHOWN;
    }

    @Override
    public void putFields(Map<String, Object> m) {
        alert.putFields(m);
    }

    static MedicationAlertOutcome read(StrictFields f, String week) {
        return new MedicationAlertOutcome(week, MedicationAlert.read(f));
    }
}

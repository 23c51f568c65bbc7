package com.mediassist.store.consultations;

import com.mediassist.store.sql.Fields;

/**
 * Changes to an open consultation; a {@code null} field keeps the stored value.
 *
 * @param noteText new note text (at most 100 000 characters)
 * @param evidencesJson new evidences, a well-formed JSON value (an array by convention)
 * @param prescriptionsJson new prescriptions, a well-formed JSON value (an array by convention)
 * @param finalDiagnosis new final diagnosis (at most 500 characters)
 * @throws com.mediassist.store.InvalidValueException naming the first bad field
 */
public record ConsultationUpdate(String noteText, String evidencesJson, String prescriptionsJson,
        String finalDiagnosis) {

    /** Longest note accepted, in characters. */
    public static final int MAX_NOTE = 100_000;

    public ConsultationUpdate {
        if (noteText != null && noteText.length() > MAX_NOTE) {
            throw new com.mediassist.store.InvalidValueException("noteText",
                    "must be at most " + MAX_NOTE + " characters, got " + noteText.length());
        }
        if (evidencesJson != null) {
            Fields.json("evidencesJson", evidencesJson);
        }
        if (prescriptionsJson != null) {
            Fields.json("prescriptionsJson", prescriptionsJson);
        }
        if (finalDiagnosis != null) {
            finalDiagnosis = Fields.optional("finalDiagnosis", finalDiagnosis, 500);
        }
    }

    /** Only the note. */
    public static ConsultationUpdate note(String noteText) {
        return new ConsultationUpdate(noteText, null, null, null);
    }
}

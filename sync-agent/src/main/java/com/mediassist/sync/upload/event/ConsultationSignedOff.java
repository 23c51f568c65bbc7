package com.mediassist.sync.upload.event;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.InvalidEventException;
import com.mediassist.sync.upload.notes.NoteUpload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A consultation signed off: the learning signal of one visit. Built on the server from stored
 * state (see {@link EventFactory}); the quasi-identifiers for k-anonymity are {@code ageBand},
 * {@code sex}, {@code finalDiagnosis} and {@code week}.
 *
 * @param week             ISO week of the sign-off
 * @param ageBand          {@code 0-4} … {@code 85-89}, {@code 90+}; empty when the birth date is unknown
 * @param sex              empty when not recorded as female or male
 * @param evidencesPresent evidence codes of the knowledge the differential was computed from
 * @param evidencesDenied  evidence codes asked and denied
 * @param modelVersion     bundle version of the engine that answered; empty when none did
 * @param suggestions      the differential that engine answered with
 * @param finalDiagnosis   a pathology label code or, generalised, a {@code cat:} code; empty for a
 *                         diagnosis outside the knowledge (its free text never leaves)
 * @param medicationAlerts interrupting alerts of the prescription and their outcome
 * @param scrubbedNote     the doctor's note scrubbed by the de-identifier; present only when the clinic
 *                         opted in and the de-identifier meets its recall gate ({@code NoteUpload})
 */
public record ConsultationSignedOff(String week, Optional<String> ageBand, Optional<Sex> sex,
        List<String> evidencesPresent, List<String> evidencesDenied, Optional<String> modelVersion,
        List<ShownSuggestion> suggestions, Optional<String> finalDiagnosis, List<MedicationAlert> medicationAlerts,
        Optional<String> scrubbedNote) implements UploadEvent {

    public static final String TYPE = "consultation-signed-off";
    private static final Pattern AGE_BAND = Pattern.compile("([0-9]|[1-8][05])-([0-9]|[1-8][49])|90\\+");

    public ConsultationSignedOff {
        Codes.week(week);
        ageBand.ifPresent(b -> Codes.require("ageBand", AGE_BAND, "a 5-year band such as 40-44, or 90+", b));
        if (sex == null) {
            throw new InvalidEventException("sex", "F, M or absent", "null");
        }
        if (sex.isPresent() && !sex.get().knownToModel()) {
            throw new InvalidEventException("sex", "F, M or absent", sex.get().code());
        }
        evidencesPresent = Codes.evidences("evidencesPresent", evidencesPresent);
        evidencesDenied = Codes.evidences("evidencesDenied", evidencesDenied);
        modelVersion.ifPresent(v -> Codes.version("modelVersion", v));
        suggestions = List.copyOf(suggestions);
        finalDiagnosis.ifPresent(d -> Codes.diagnosis("finalDiagnosis", d));
        medicationAlerts = List.copyOf(medicationAlerts);
        if (scrubbedNote == null) {
            throw new InvalidEventException("scrubbedNote", "a scrubbed note or absent", "null");
        }
        scrubbedNote.ifPresent(ConsultationSignedOff::checkNote);
    }

    /** The event without a note (as every event is when the clinic has not opted in). */
    public ConsultationSignedOff withoutNote() {
        return new ConsultationSignedOff(week, ageBand, sex, evidencesPresent, evidencesDenied, modelVersion, suggestions,
                finalDiagnosis, medicationAlerts, Optional.empty());
    }

    private static void checkNote(String note) {
        if (note.isEmpty() || note.length() > NoteUpload.MAX_CHARS) {
            throw new InvalidEventException("scrubbedNote", "1 to " + NoteUpload.MAX_CHARS + " characters", note.length() + " characters");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new InvalidEventException("scrubbedNote", "text without control characters", "U+" + Integer.toHexString(c));
            }
        }
    }

    /**
     * The event generalised to {@code category} for k-anonymity: its week and the category, nothing
     * else. Age band and sex go, and so do the findings, the differential, the alerts and the note:
     * the diagnosis can be read back from them (the engine's top candidate is the diagnosis for ~99 %
     * of DDXPlus patients given all their evidence), and a category record that still carried them
     * would hide its diagnosis in name only — its real group would be the diagnosis group that was
     * too small to leave.
     */
    public ConsultationSignedOff generalised(String category) {
        return new ConsultationSignedOff(week, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(), Optional.of(category), List.of(), Optional.empty());
    }

    /**
     * The same event with its age band and sex suppressed (absent), for k-anonymity: the diagnosis
     * and findings, which retraining needs, are kept.
     */
    public ConsultationSignedOff withoutDemographics() {
        return new ConsultationSignedOff(week, Optional.empty(), Optional.empty(), evidencesPresent, evidencesDenied,
                modelVersion, suggestions, finalDiagnosis, medicationAlerts, scrubbedNote);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean clinical() {
        return true;
    }

    @Override
    public void putFields(Map<String, Object> m) {
        ageBand.ifPresent(b -> m.put("ageBand", b));
        sex.flatMap(Sex::modelCode).ifPresent(s -> m.put("sex", s));
        m.put("evidencesPresent", evidencesPresent);
        m.put("evidencesDenied", evidencesDenied);
        modelVersion.ifPresent(v -> m.put("modelVersion", v));
        m.put("suggestions", suggestions.stream().map(ShownSuggestion::fields).toList());
        finalDiagnosis.ifPresent(d -> m.put("finalDiagnosis", d));
        m.put("medicationAlerts", medicationAlerts.stream().map(MedicationAlert::fields).toList());
        scrubbedNote.ifPresent(n -> m.put("scrubbedNote", n));
    }

    static ConsultationSignedOff read(StrictFields f, String week) {
        Optional<Sex> sex = f.optionalString("sex").map(s -> switch (s) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            default -> throw new InvalidEventException("sex", "F or M", s);
        });
        List<MedicationAlert> alerts = f.objects("medicationAlerts").stream().map(a -> {
            MedicationAlert alert = MedicationAlert.read(a);
            a.requireNoOthers();
            return alert;
        }).toList();
        return new ConsultationSignedOff(week, f.optionalString("ageBand"), sex, f.strings("evidencesPresent"),
                f.strings("evidencesDenied"), f.optionalString("modelVersion"),
                f.objects("suggestions").stream().map(ShownSuggestion::read).toList(), f.optionalString("finalDiagnosis"),
                alerts, f.optionalString("scrubbedNote"));
    }
}

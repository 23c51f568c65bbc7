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
 * {@code sex}, {@code finalDiagnosis} and {@code week} (or, released over a {@link ReleasePeriod}, {@code period}).
 *
 * <p>Released with a period, it leaves as event schema version 2: {@code period} in place of {@code week},
 * without age band and sex (sync protocol v2); otherwise as version 1.
 *
 * @param week             ISO week of the sign-off (does not leave when {@code period} is present)
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
 * @param period           the {@link ReleasePeriod} containing {@code week} when the event leaves in a group of
 *                         its period; then age band and sex are absent
 */
public record ConsultationSignedOff(String week, Optional<String> ageBand, Optional<Sex> sex,
        List<String> evidencesPresent, List<String> evidencesDenied, Optional<String> modelVersion,
        List<ShownSuggestion> suggestions, Optional<String> finalDiagnosis, List<MedicationAlert> medicationAlerts,
        Optional<String> scrubbedNote, Optional<String> period) implements UploadEvent {

    public static final String TYPE = "consultation-signed-off";
    /** The event schema version of a sign-off released with a period (protocol v2). */
    public static final int PERIOD_SCHEMA_VERSION = 2;
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
        if (period == null) {
            throw new InvalidEventException("period", "a release period or absent", "null");
        }
        if (period.isPresent()) {
            ReleasePeriod.check(period.get());
            if (!ReleasePeriod.of(week).equals(period.get())) {
                throw new InvalidEventException("period", "the period of week " + week, period.get());
            }
            if (ageBand.isPresent() || sex.isPresent()) {
                throw new InvalidEventException("period", "no age band or sex with a period (protocol v2)",
                        ageBand.orElse("") + " " + sex.map(Sex::code).orElse(""));
            }
        }
    }

    /** A sign-off of its week (no period), as {@link EventFactory} builds it. */
    public ConsultationSignedOff(String week, Optional<String> ageBand, Optional<Sex> sex, List<String> evidencesPresent,
            List<String> evidencesDenied, Optional<String> modelVersion, List<ShownSuggestion> suggestions,
            Optional<String> finalDiagnosis, List<MedicationAlert> medicationAlerts, Optional<String> scrubbedNote) {
        this(week, ageBand, sex, evidencesPresent, evidencesDenied, modelVersion, suggestions, finalDiagnosis,
                medicationAlerts, scrubbedNote, Optional.empty());
    }

    /**
     * The same event released over its {@link ReleasePeriod}: without age band and sex, {@code period} in
     * place of {@code week} on the wire.
     */
    public ConsultationSignedOff inPeriod() {
        return new ConsultationSignedOff(week, Optional.empty(), Optional.empty(), evidencesPresent, evidencesDenied,
                modelVersion, suggestions, finalDiagnosis, medicationAlerts, scrubbedNote, Optional.of(ReleasePeriod.of(week)));
    }

    /** As it leaves: version 1 with {@code week}, or version 2 with {@code period} in its place. */
    @Override
    public Map<String, Object> fields() {
        if (period.isEmpty()) {
            return UploadEvent.super.fields();
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("schemaVersion", PERIOD_SCHEMA_VERSION);
        m.put("period", period.get());
        putFields(m);
        return m;
    }

    /** The event without a note (as every event is when the clinic has not opted in). */
    public ConsultationSignedOff withoutNote() {
        return new ConsultationSignedOff(week, ageBand, sex, evidencesPresent, evidencesDenied, modelVersion, suggestions,
                finalDiagnosis, medicationAlerts, Optional.empty(), period);
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
                List.of(), Optional.of(category), List.of(), Optional.empty(), period);
    }

    /**
     * The same event with its age band and sex suppressed (absent), for k-anonymity: the diagnosis
     * and findings, which retraining needs, are kept.
     */
    public ConsultationSignedOff withoutDemographics() {
        return new ConsultationSignedOff(week, Optional.empty(), Optional.empty(), evidencesPresent, evidencesDenied,
                modelVersion, suggestions, finalDiagnosis, medicationAlerts, scrubbedNote, period);
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

    /** Reads the type-specific fields; {@code period} is present for a version-2 event. */
    static ConsultationSignedOff read(StrictFields f, String week, Optional<String> period) {
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
                alerts, f.optionalString("scrubbedNote"), period);
    }
}

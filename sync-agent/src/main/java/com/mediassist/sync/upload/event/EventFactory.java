package com.mediassist.sync.upload.event;

import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.InvalidEventException;
import com.mediassist.sync.upload.notes.NoteUpload;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds upload events from server-side state, validating every code against the knowledge the
 * server runs: unknown evidence or pathology codes are refused ({@link InvalidEventException}),
 * and nothing typed by a user can become a field. Weeks are ISO weeks in {@code zone}.
 */
public final class EventFactory {

    private final Optional<Knowledge> knowledge;
    private final ZoneId zone;
    private final NoteUpload notes;

    /**
     * @param knowledge the active knowledge; empty when no bundle is loaded (then no codes are
     *                  validated, so none are emitted)
     * @param zone      the clinic's time zone for ISO weeks
     */
    public EventFactory(Optional<Knowledge> knowledge, ZoneId zone) {
        this(knowledge, zone, NoteUpload.off());
    }

    /**
     * @param knowledge the active knowledge; empty when no bundle is loaded
     * @param zone      the clinic's time zone for ISO weeks
     * @param notes     whether and how sign-off notes are scrubbed into the event (off: never)
     */
    public EventFactory(Optional<Knowledge> knowledge, ZoneId zone, NoteUpload notes) {
        this.knowledge = knowledge;
        this.zone = zone;
        this.notes = notes;
    }

    /**
     * What the server knows of a consultation at sign-off.
     *
     * @param birthDate     the patient's birth date, when recorded
     * @param sex           the patient's sex as stored ({@code female}/{@code male} leave, others do not)
     * @param signedOffAt   when it was signed off
     * @param present       the evidence codes the differential was computed from
     * @param denied        the evidence codes denied
     * @param finalDiagnosisCode the final diagnosis code; empty for a free-text diagnosis
     * @param differential  the server's differential for these findings and the engine that answered;
     *                      empty when no engine could answer
     * @param alerts        interrupting alerts kept with the prescription (server-computed rule and severity)
     * @param note          the doctor's free-text note, raw (it leaves only scrubbed, and only when opted in)
     * @param noteLanguage  the note's language
     */
    public record SignOffFacts(Optional<LocalDate> birthDate, Optional<Sex> sex, Instant signedOffAt,
            List<String> present, List<String> denied, Optional<String> finalDiagnosisCode,
            Optional<DiagnosisResult> differential, List<MedicationAlert> alerts, Optional<String> note,
            Language noteLanguage) {

        /** Facts without a note. */
        public SignOffFacts(Optional<LocalDate> birthDate, Optional<Sex> sex, Instant signedOffAt, List<String> present,
                List<String> denied, Optional<String> finalDiagnosisCode, Optional<DiagnosisResult> differential,
                List<MedicationAlert> alerts) {
            this(birthDate, sex, signedOffAt, present, denied, finalDiagnosisCode, differential, alerts, Optional.empty(),
                    Language.ES);
        }
    }

    /**
     * The signed-off event and its generalisation category.
     *
     * @throws InvalidEventException naming the first unknown evidence or pathology code
     */
    public QueuedEvent signedOff(SignOffFacts facts) {
        String week = week(facts.signedOffAt());
        Optional<String> band = facts.birthDate().flatMap(b -> ageBand(b, facts.signedOffAt().atZone(zone).toLocalDate()));
        List<String> present = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        Optional<String> finalDx = Optional.empty();
        Optional<String> category = Optional.empty();
        if (knowledge.isPresent()) {
            Knowledge k = knowledge.get();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < facts.present().size(); i++) {
                Finding f = parse(k, "evidences[" + i + "]", facts.present().get(i));
                if (seen.add(f.toString())) {
                    present.add(f.toString());
                }
            }
            for (int i = 0; i < facts.denied().size(); i++) {
                String code = facts.denied().get(i) == null ? "" : facts.denied().get(i).strip();
                if (!EvidenceCode.isWellFormed(code) || k.evidence(new EvidenceCode(code)).isEmpty()) {
                    throw new InvalidEventException("absent[" + i + "]", "an evidence code of the knowledge", code);
                }
                if (!denied.contains(code)) {
                    denied.add(code);
                }
            }
            if (facts.finalDiagnosisCode().isPresent()) {
                Pathology p = pathology(k, "finalDiagnosis.code", facts.finalDiagnosisCode().get());
                finalDx = Optional.of(p.code().value());
                category = Optional.of(category(p));
            }
        }
        List<ShownSuggestion> suggestions = new ArrayList<>();
        Optional<String> modelVersion = Optional.empty();
        if (facts.differential().isPresent()) {
            DiagnosisResult r = facts.differential().get();
            modelVersion = Optional.of(r.model().version());
            for (int i = 0; i < r.differential().size(); i++) {
                DiagnosisResult.Candidate c = r.differential().get(i);
                suggestions.add(new ShownSuggestion(i + 1, c.code(), ScoreBand.of(c.probability()), r.model().version()));
            }
        }
        return new QueuedEvent(new ConsultationSignedOff(week, band, facts.sex(), present, denied, modelVersion,
                suggestions, finalDx, facts.alerts(), facts.note().flatMap(n -> notes.scrub(n, facts.noteLanguage()))), category);
    }

    /**
     * Feedback on a suggestion; the item must be a code of the knowledge for its kind.
     *
     * @throws InvalidEventException when the item is not
     */
    public SuggestionFeedback feedback(FeedbackKind kind, String item, Optional<Integer> rank, FeedbackAction action,
            String modelVersion, Instant at) {
        String code = item == null ? "" : item.strip();
        if (knowledge.isPresent()) {
            switch (kind) {
                case DIAGNOSIS -> code = pathology(knowledge.get(), "item", code).code().value();
                case QUESTION -> {
                    if (!EvidenceCode.isWellFormed(code) || knowledge.get().evidence(new EvidenceCode(code)).isEmpty()) {
                        throw new InvalidEventException("item", "an evidence code of the knowledge", code);
                    }
                }
                default -> {
                }
            }
        }
        return new SuggestionFeedback(week(at), kind, code, rank, action, modelVersion);
    }

    /**
     * A medication alert's outcome.
     *
     * @param severity the rule's severity name, any case ({@code MAJOR}, {@code major})
     */
    public MedicationAlertOutcome alertOutcome(String ruleId, String severity, AlertOutcome outcome, Instant at) {
        return alertOutcome(ruleId, severity, outcome, Optional.empty(), at);
    }

    /**
     * A medication alert's outcome with the override reason's category code, when the doctor picked one.
     *
     * @throws InvalidEventException when the category is not one of the protocol's codes
     */
    public MedicationAlertOutcome alertOutcome(String ruleId, String severity, AlertOutcome outcome,
            Optional<String> overrideCategory, Instant at) {
        return new MedicationAlertOutcome(week(at), alert(ruleId, severity, outcome, overrideCategory));
    }

    /** A medication alert with its rule's severity. */
    public static MedicationAlert alert(String ruleId, String severity, AlertOutcome outcome) {
        return alert(ruleId, severity, outcome, Optional.empty());
    }

    /** A medication alert with its rule's severity and the override reason's category code, if any. */
    public static MedicationAlert alert(String ruleId, String severity, AlertOutcome outcome, Optional<String> overrideCategory) {
        return new MedicationAlert(ruleId, Coded.parse(AlertSeverity.class, "severity",
                severity == null ? null : severity.toLowerCase(Locale.ROOT)), outcome,
                overrideCategory.map(c -> Coded.parse(OverrideCategory.class, "overrideCategory", c)));
    }

    /** The ISO week of an instant in the clinic's zone, {@code 2026-W47}. */
    public String week(Instant at) {
        LocalDate d = at.atZone(zone).toLocalDate();
        return String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The 5-year band ({@code 0-4} … {@code 85-89}, {@code 90+}) of the age on {@code at}; empty when not plausible. */
    public static Optional<String> ageBand(LocalDate birthDate, LocalDate at) {
        if (birthDate.isAfter(at)) {
            return Optional.empty();
        }
        int age = Period.between(birthDate, at).getYears();
        if (age > Knowledge.MAX_AGE) {
            return Optional.empty();
        }
        if (age >= 90) {
            return Optional.of("90+");
        }
        int low = age / 5 * 5;
        return Optional.of(low + "-" + (low + 4));
    }

    /**
     * The category a pathology is generalised to, from its ICD-10 code: ear, nose and throat
     * (H60–H95, J00–J06, J30–J39), respiratory (other J), cardiovascular (I), else other.
     */
    public static String category(Pathology p) {
        String icd = p.icd10() == null ? "" : p.icd10().strip().toUpperCase(Locale.ROOT);
        if (icd.length() < 3) {
            return "cat:other";
        }
        char chapter = icd.charAt(0);
        int number;
        try {
            number = Integer.parseInt(icd.substring(1, 3));
        } catch (NumberFormatException e) {
            return "cat:other";
        }
        if ((chapter == 'H' && number >= 60) || (chapter == 'J' && (number <= 6 || (number >= 30 && number <= 39)))) {
            return "cat:ent";
        }
        if (chapter == 'J') {
            return "cat:respiratory";
        }
        if (chapter == 'I') {
            return "cat:cardiovascular";
        }
        return "cat:other";
    }

    private static Pathology pathology(Knowledge k, String field, String code) {
        String c = code == null ? "" : code.strip();
        try {
            return k.pathology(new PathologyCode(c))
                    .orElseThrow(() -> new InvalidEventException(field, "a pathology code of the knowledge", c));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field, "a pathology code of the knowledge", c);
        }
    }

    private static Finding parse(Knowledge k, String field, String text) {
        try {
            return k.parseFinding(field, text);
        } catch (RuntimeException e) {
            throw new InvalidEventException(field, "an evidence of the knowledge (" + e.getMessage() + ")", text);
        }
    }
}

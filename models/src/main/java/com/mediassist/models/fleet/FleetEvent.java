package com.mediassist.models.fleet;

import java.util.List;
import java.util.Optional;

/**
 * One event of an uploaded batch, as the sync protocol (v1, and v2's period sign-offs) defines it ({@code docs/sync-protocol.md}).
 * Only {@link BatchValidator} creates these, after checking every field against the allow-list.
 */
public sealed interface FleetEvent permits FleetEvent.ConsultationSignedOff, FleetEvent.SuggestionFeedback,
        FleetEvent.MedicationAlertOutcome, FleetEvent.Latency {

    /** Random UUID of the event. */
    String eventId();

    /**
     * ISO week of the sign-off or action, e.g. {@code 2026-W47}; for a {@code consultation-signed-off} of
     * schema version 2, released over its 4-week period, that period, e.g. {@code 2026-W45/2026-W48}.
     */
    String week();

    /** The protocol's {@code type} value. */
    String type();

    /**
     * A consultation the doctor signed off.
     *
     * @param ageBand          5-year band ({@code 40-44}, {@code 90+}), empty when unknown
     * @param sex              {@code F} or {@code M}, empty when unknown
     * @param evidencesPresent evidence codes (with {@code _@_value} for multi-valued evidences)
     * @param evidencesDenied  evidence codes answered "no"
     * @param modelVersion     the bundle version that answered; empty when no engine answered (no suggestions)
     * @param suggestions      the ranked suggestions shown
     * @param finalDiagnosis   a pathology label code or {@code cat:*}, empty when outside the knowledge
     * @param medicationAlerts alerts shown during the consultation
     * @param scrubbedNote     the de-identified note text, present only from clinics that opted in
     */
    record ConsultationSignedOff(String eventId, String week, Optional<String> ageBand, Optional<String> sex,
                                 List<String> evidencesPresent, List<String> evidencesDenied, Optional<String> modelVersion,
                                 List<Suggestion> suggestions, Optional<String> finalDiagnosis,
                                 List<MedicationAlert> medicationAlerts, Optional<String> scrubbedNote) implements FleetEvent {
        public ConsultationSignedOff {
            evidencesPresent = List.copyOf(evidencesPresent);
            evidencesDenied = List.copyOf(evidencesDenied);
            suggestions = List.copyOf(suggestions);
            medicationAlerts = List.copyOf(medicationAlerts);
        }

        /** A sign-off without a note. */
        public ConsultationSignedOff(String eventId, String week, Optional<String> ageBand, Optional<String> sex,
                List<String> evidencesPresent, List<String> evidencesDenied, Optional<String> modelVersion,
                List<Suggestion> suggestions, Optional<String> finalDiagnosis, List<MedicationAlert> medicationAlerts) {
            this(eventId, week, ageBand, sex, evidencesPresent, evidencesDenied, modelVersion, suggestions, finalDiagnosis,
                    medicationAlerts, Optional.empty());
        }

        @Override
        public String type() {
            return "consultation-signed-off";
        }
    }

    /** One suggestion of a signed-off consultation ({@code scoreBand} is a percent band such as {@code 80-100}). */
    record Suggestion(int rank, String pathology, String scoreBand, String modelVersion) {
    }

    /** An alert shown during a consultation and what the prescriber did. */
    record MedicationAlert(String ruleId, String severity, String outcome, Optional<String> overrideCategory) {
    }

    /** What the doctor did with a suggestion ({@code kind}: diagnosis, test, question or prevention). */
    record SuggestionFeedback(String eventId, String week, String kind, String item, Optional<Integer> rank,
                              String action, String modelVersion) implements FleetEvent {
        @Override
        public String type() {
            return "suggestion-feedback";
        }
    }

    /** A medication alert's outcome outside a consultation. */
    record MedicationAlertOutcome(String eventId, String week, String ruleId, String severity, String outcome,
                                  Optional<String> overrideCategory) implements FleetEvent {
        @Override
        public String type() {
            return "medication-alert-outcome";
        }
    }

    /** Latency of one endpoint over the week (milliseconds). */
    record Latency(String eventId, String week, String endpoint, int p50Ms, int p95Ms, int count) implements FleetEvent {
        @Override
        public String type() {
            return "latency";
        }
    }
}

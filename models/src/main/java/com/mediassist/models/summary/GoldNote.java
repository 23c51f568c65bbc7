package com.mediassist.models.summary;

import java.util.List;

/**
 * One annotated note of the gold set (JSON files in {@code summary-gold/}). Annotations name the
 * text of each item; the evaluator locates it in the note (the next occurrence after the previous
 * item of the same list, else the first free one).
 *
 * @param id          file id, e.g. {@code es-001}
 * @param language    {@code es} or {@code en}
 * @param source      {@code authored} or which MEDDOCAN case report the note was adapted from
 * @param text        the note
 * @param findings    expected findings
 * @param medications expected medicines
 * @param vitals      expected vital signs
 * @param allergies   expected allergy statements
 * @param medicationEvidences DDXPlus evidences answered by a medicine the patient takes (E_10 for a
 *                    regular NSAID), which the note states through the medicine rather than a finding
 */
public record GoldNote(String id, String language, String source, String text, List<GoldFinding> findings,
                       List<GoldMedication> medications, List<GoldVital> vitals, List<GoldAllergy> allergies,
                       List<String> medicationEvidences) {

    public GoldNote {
        medicationEvidences = medicationEvidences == null ? List.of() : List.copyOf(medicationEvidences);
        findings = findings == null ? List.of() : List.copyOf(findings);
        medications = medications == null ? List.of() : List.copyOf(medications);
        vitals = vitals == null ? List.of() : List.copyOf(vitals);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
    }

    /** An expected finding: its text, status (present, denied, historical, family, hypothetical) and evidence or null. */
    public record GoldFinding(String text, String status, String evidence) {
    }

    /** An expected medicine: name as written, and dose, route, frequency as written or null. */
    public record GoldMedication(String name, String dose, String route, String frequency) {
    }

    /** An expected vital sign: kind (JSON name) and value in the kind's unit. */
    public record GoldVital(String kind, double value) {
    }

    /** An expected allergy statement: the allergen (or "NAMC"-like denial) text and its status. */
    public record GoldAllergy(String text, String status) {
    }
}

package com.mediassist.core.summary;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Language;

import java.util.List;

/**
 * The structured form of a consultation note. Advisory: the doctor reviews and signs it off.
 *
 * @param language    the note's language (detected or given)
 * @param detected    {@code true} when the language was detected rather than given
 * @param sections    sections in text order
 * @param findings    findings in text order
 * @param medications medicines in text order
 * @param allergies   allergy statements in text order
 * @param vitals      vital signs in text order
 * @param summary     a readable summary in the note's language
 * @param evidences   DDXPlus evidences present (with their values), ready for the diagnosis API; JSON
 *                    strings such as {@code E_54_@_V_161}
 * @param absent      DDXPlus evidences the note denies
 * @param source      which rules and knowledge produced this note
 * @param unmappedFindings present clinical findings DDXPlus has no evidence for ("disuria", "ictericia"),
 *                    as short labels in the note's language, in text order without repeats; they travel
 *                    to the diagnosis, which counts them against its fit ({@code null} reads as none)
 */
public record StructuredNote(Language language, boolean detected, List<NoteSection> sections,
                             List<Finding> findings, List<NoteMedication> medications,
                             List<Allergy> allergies, List<Vital> vitals, String summary,
                             List<com.mediassist.core.knowledge.Finding> evidences, List<EvidenceCode> absent, String source,
                             List<String> unmappedFindings) {

    public StructuredNote {
        sections = List.copyOf(sections);
        findings = List.copyOf(findings);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        vitals = List.copyOf(vitals);
        evidences = List.copyOf(evidences);
        absent = List.copyOf(absent);
        unmappedFindings = unmappedFindings == null ? List.of() : List.copyOf(unmappedFindings);
    }

    /** A note without unmapped findings. */
    public StructuredNote(Language language, boolean detected, List<NoteSection> sections,
                          List<Finding> findings, List<NoteMedication> medications,
                          List<Allergy> allergies, List<Vital> vitals, String summary,
                          List<com.mediassist.core.knowledge.Finding> evidences, List<EvidenceCode> absent, String source) {
        this(language, detected, sections, findings, medications, allergies, vitals, summary, evidences, absent, source,
                List.of());
    }
}

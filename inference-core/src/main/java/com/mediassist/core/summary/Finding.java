package com.mediassist.core.summary;

import java.util.List;

/**
 * A symptom, sign or antecedent mentioned in the note.
 *
 * @param text     the source characters, {@code span.of(note)}
 * @param span     where it is in the note
 * @param status   ConText status
 * <p>Not to be confused with {@link com.mediassist.core.knowledge.Finding}, the product's one
 * evidence type, which this record carries as its coded meaning.
 *
 * @param evidence the DDXPlus evidence (with its value) it maps to, {@code null} when unmapped (or for a relative's
 *                 condition DDXPlus has no family evidence for)
 * @param values   further coded values read from the words around it (pain location, character,
 *                 intensity, onset), possibly empty
 * @param section  the section it was written in
 * @param typo     {@code true} when a word matched the lexicon only within one edit (a typo), which
 *                 makes the match less certain
 */
public record Finding(String text, Span span, FindingStatus status, com.mediassist.core.knowledge.Finding evidence,
                      List<com.mediassist.core.knowledge.Finding> values, SectionKind section, boolean typo) {

    public Finding {
        values = List.copyOf(values);
    }
}

package com.mediassist.core.summary;

/**
 * A section of the note.
 *
 * @param kind    which section
 * @param heading the heading as written ("EF", "Motivo de consulta"), {@code null} when the section
 *                was recognised from its content
 * @param text    the section's text, {@code span.of(note)}
 * @param span    where it is in the note
 */
public record NoteSection(SectionKind kind, String heading, String text, Span span) {
}

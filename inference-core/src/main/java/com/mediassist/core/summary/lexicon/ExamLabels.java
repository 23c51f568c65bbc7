package com.mediassist.core.summary.lexicon;

import com.mediassist.core.summary.KnowledgeFileException;
import com.mediassist.core.summary.NoteSection;
import com.mediassist.core.summary.SectionKind;
import com.mediassist.core.summary.sections.SectionDetector;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Examination labels that are also lexicon forms ({@code summary/exam-labels.tsv}): "AR:" is the
 * auscultación respiratoria, not rheumatoid arthritis. Immutable; safe to share.
 */
public final class ExamLabels {

    private final Set<String> labels = new HashSet<>();
    private final Set<String> examWords = new HashSet<>();

    private ExamLabels() {
    }

    /**
     * @throws KnowledgeFileException when the file is missing or a line has an unknown kind
     */
    public static ExamLabels loadDefault() {
        ExamLabels e = new ExamLabels();
        String path = "summary/exam-labels.tsv";
        for (TsvResource.Row row : TsvResource.read(path, 2)) {
            String word = row.cells()[1].trim();
            switch (row.cells()[0].trim()) {
                case "label" -> e.labels.add(word);
                case "word" -> e.examWords.add(word);
                default -> throw new KnowledgeFileException(path + " line " + row.line()
                        + ": kind must be label or word, found \"" + row.cells()[0] + "\"");
            }
        }
        return e;
    }

    /**
     * Whether the one-word match at token {@code i} is an examination label: a listed abbreviation
     * followed by a colon, written after a number ("94 % RA", room air), in the examination section, or
     * followed by an examination word.
     *
     * @param words folded (typo-corrected) words, {@code null} at punctuation
     */
    public boolean isExamLabel(String text, List<Token> tokens, String[] words, int i, List<NoteSection> sections) {
        if (words[i] == null || !labels.contains(words[i])) {
            return false;
        }
        int end = tokens.get(i).end();
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        if (end < text.length() && text.charAt(end) == ':') {
            return true;
        }
        if (i > 0 && words[i - 1] != null && words[i - 1].chars().allMatch(Character::isDigit)) {
            return true; // "SatO2 94 % RA": room air after a reading
        }
        if (SectionDetector.sectionAt(sections, tokens.get(i).start(), SectionKind.HISTORY_OF_PRESENT_ILLNESS)
                == SectionKind.EXAMINATION) {
            return true;
        }
        return i + 1 < words.length && words[i + 1] != null && examWords.contains(words[i + 1]);
    }

    /** Whether a folded word is an examination word ("crepitantes", "mvc", "normal"). */
    public boolean isExamWord(String folded) {
        return examWords.contains(folded);
    }
}

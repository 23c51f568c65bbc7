package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.Tokenizer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status of findings in a discharge summary ("Informe de alta", "Discharge summary"): the admission it tells is
 * over, so what the reason for admission, the admission history and the examination on arrival state is past history,
 * and a symptom the hospital course says has settled ("Breathlessness settled", "la fiebre cedió") is absent now; the
 * diagnosis and what follows it keep their status. Annotation conventions of summary-gold-blind/README.md (dev6).
 */
final class DischargeLetters {

    /** Folded words naming a discharge document or its admission headings. */
    private static final List<String> DOCUMENT_CUES = List.of("informe de alta", "discharge summary", "discharge letter",
            "resumen de alta", "motivo de ingreso", "reason for admission", "informe clinico de alta");
    /** Folded headings (at a line start, before a colon) that open the hospital course. */
    private static final List<String> COURSE_HEADINGS = List.of("evolucion", "evolucion clinica", "curso clinico",
            "progress", "hospital course", "clinical course", "course in hospital", "course", "evolution");
    /** Words that, right after a finding, tell it has ended. */
    private static final Set<String> ENDED = Set.of("settled", "resolved", "cedio", "resuelta", "resuelto", "remitio",
            "desaparecio", "gone");

    private DischargeLetters() {
    }

    /**
     * Gives {@code findings} (in place) the statuses a discharge summary gives them; leaves them as they are when
     * {@code text} is no discharge summary or has no hospital-course heading to tell the admission's story from its
     * course.
     */
    static void restate(String text, List<Finding> findings) {
        String folded = Tokenizer.foldSameLength(text).toLowerCase(Locale.ROOT);
        if (DOCUMENT_CUES.stream().noneMatch(folded::contains)) {
            return;
        }
        int course = courseStart(folded);
        if (course < 0) {
            return;
        }
        int courseEnd = lineEnd(folded, course);
        for (int k = 0; k < findings.size(); k++) {
            Finding f = findings.get(k);
            FindingStatus s = f.status();
            if (f.span().start() < course && s == FindingStatus.PRESENT) {
                s = FindingStatus.HISTORICAL;
            } else if (f.span().start() >= course && f.span().start() < courseEnd && endedAfter(folded, f.span().end())) {
                s = FindingStatus.DENIED;
            }
            if (s != f.status()) {
                findings.set(k, new Finding(f.text(), f.span(), s, f.evidence(), f.values(), f.section(), f.typo()));
            }
        }
    }

    /** Where the first hospital-course heading's line starts in folded {@code text}, or -1. */
    private static int courseStart(String text) {
        int at = 0;
        while (at < text.length()) {
            int end = lineEnd(text, at);
            int colon = text.indexOf(':', at);
            if (colon > at && colon < end) {
                String head = text.substring(at, colon).trim();
                if (COURSE_HEADINGS.contains(head)) {
                    return at;
                }
            }
            at = end + 1;
        }
        return -1;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** Whether the word after offset {@code end} (past spaces) tells the finding has ended. */
    private static boolean endedAfter(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int j = i;
        while (j < text.length() && Character.isLetter(text.charAt(j))) {
            j++;
        }
        return ENDED.contains(text.substring(i, j));
    }
}

package com.mediassist.core.summary;

import java.util.Set;

import com.mediassist.core.text.TextFold;

/**
 * The signs that clinicians write around a finding instead of words: a result mark right after it ("Murphy (-)",
 * "Disfagia (-)", "Blumberg (+)") and a question mark stuck to its first letter ("?pneumonia", "?septic"). The
 * tokenizer drops these characters, so they are read from the note text around the finding's span.
 */
final class SignMarks {

    /** Spaces allowed between a finding and its result mark. */
    private static final int MAX_GAP = 2;
    /** Words a query mark reaches past its first: "?gout flare", "?septic arthritis of knee". */
    private static final int QUERY_WORDS = 2;

    private SignMarks() {
    }

    /**
     * Where the query mark reaching the finding at {@code start} stands: a "?" stuck to the first of at most
     * {@value #QUERY_WORDS} words before it ("?gout flare" reaches "flare"); {@code start} itself when there is
     * none or a punctuation mark comes first.
     */
    private static int queryMarkBefore(String text, int start) {
        int i = start;
        int words = 0;
        while (i > 0 && words <= QUERY_WORDS) {
            char c = text.charAt(i - 1);
            if (c == '?') {
                return i;
            }
            if (c == ' ') {
                words++;
            } else if (!Character.isLetter(c) && c != '-') {
                return start;
            }
            i--;
        }
        return start;
    }

    /** Answers to a finding asked as a question ("¿Fiebre? No.", "Nausea? Yes, twice."), folded. */
    private static final Set<String> NO = Set.of("no", "niega", "denies", "denied", "neg", "negative", "negativo",
            "negativa", "nil", "none", "ninguno", "ninguna", "nunca", "never");
    private static final Set<String> YES = Set.of("si", "yes", "y", "positive", "positivo", "positiva", "pos");

    /**
     * The status a question mark right after the finding gives it: the answer that follows ("¿Fiebre? No." denied,
     * "¿Tos? Sí, seca." present) or, unanswered, a question the clinician asks ("¿Neumonía? Pido Rx": hypothetical);
     * {@code null} when no question mark follows.
     */
    private static FindingStatus answer(String text, int end, FindingStatus status) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '?'
                || i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
            // no question, or the query mark of the next finding ("copd exacerbation ?pneumonia")
            return null;
        }
        i++;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00bf')) {
            i++;
        }
        int w = i;
        while (w < text.length() && Character.isLetter(text.charAt(w))) {
            w++;
        }
        String word = TextFold.fold(text.substring(i, w));
        if (NO.contains(word)) {
            return FindingStatus.DENIED;
        }
        if (YES.contains(word) || i < text.length() && text.charAt(i) == '+') {
            return FindingStatus.PRESENT;
        }
        return status == FindingStatus.DENIED ? status : FindingStatus.HYPOTHETICAL;
    }

    /**
     * The status a sign written before the finding gives it, as in review-of-systems lines: "-fever, +cough",
     * "CV: + edema, - chest pain"; {@code null} when there is none. A dash opening a line is a bullet unless the
     * line marks its other items the same way; a spaced dash counts only after a comma.
     */
    private static FindingStatus leadingMark(String text, int start, FindingStatus status) {
        int j = start - 1;
        boolean spaced = j >= 0 && text.charAt(j) == ' ';
        if (spaced) {
            j--;
        }
        if (j < 0 || !isMark(text.charAt(j))) {
            return null;
        }
        char mark = text.charAt(j);
        int k = j - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        char before = k < 0 ? '\n' : text.charAt(k);
        boolean counts;
        if (before == '\n') {
            counts = !spaced && mark != '+' ? lineMarksItems(text, start) : mark == '+';
        } else if (spaced) {
            counts = before == ',' || mark == '+' && (before == ':' || before == ';');
        } else {
            counts = ",:;(".indexOf(before) >= 0 || k < j - 1 && !Character.isLetterOrDigit(before);
        }
        if (!counts) {
            return null;
        }
        if (mark == '+') {
            return status == FindingStatus.DENIED ? FindingStatus.PRESENT : null;
        }
        return FindingStatus.DENIED;
    }

    private static boolean isMark(char c) {
        return c == '-' || c == '+' || c == '\u2212' || c == '\u2013';
    }

    /** Whether the line from {@code from} marks a later item with a sign after a comma (", +cough", ", -SOB"). */
    private static boolean lineMarksItems(String text, int from) {
        for (int i = from; i + 2 < text.length() && text.charAt(i) != '\n'; i++) {
            if (text.charAt(i) == ',') {
                int k = i + 1;
                while (k < text.length() && text.charAt(k) == ' ') {
                    k++;
                }
                if (k + 1 < text.length() && isMark(text.charAt(k)) && Character.isLetter(text.charAt(k + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The status of the finding at {@code span} of {@code text} once the marks around it are read. */
    static FindingStatus apply(String text, Span span, FindingStatus status) {
        int start = queryMarkBefore(text, span.start());
        if (start > 0 && text.charAt(start - 1) == '?' && (start < 2 || !Character.isLetterOrDigit(text.charAt(start - 2)))) {
            // "?pneumonia", "imp: COPD ?pneumonia", "?gout flare": a query is a diagnosis being considered
            return status == FindingStatus.DENIED ? status : FindingStatus.HYPOTHETICAL;
        }
        FindingStatus answered = answer(text, span.end(), status);
        if (answered != null) {
            return answered;
        }
        FindingStatus leading = leadingMark(text, span.start(), status);
        if (leading != null) {
            return leading;
        }
        int i = span.end();
        int gap = 0;
        while (i < text.length() && text.charAt(i) == ' ' && gap <= MAX_GAP) {
            i++;
            gap++;
        }
        if (i + 2 < text.length() + 0 && text.charAt(i) == '(' && text.charAt(i + 2) == ')') {
            char mark = text.charAt(i + 1);
            if (mark == '-' || mark == '\u2212' || mark == '\u2013') {
                return FindingStatus.DENIED;
            }
            if (mark == '+' && status == FindingStatus.DENIED) {
                return FindingStatus.PRESENT;
            }
        }
        FindingStatus trailing = trailingMark(text, i);
        return trailing == FindingStatus.DENIED || trailing != null && status == FindingStatus.DENIED ? trailing : status;
    }

    /**
     * The status a bare sign after the finding gives it ("Sibilancias -, crepitantes +", "Haemoptysis -.",
     * "Fever -ve, cough +ve"): a run of one sign, or the sign and "ve", closing its item; {@code null} when there is
     * none. A sign followed by words ("Chest pain - central") is a dash, not a mark.
     */
    private static FindingStatus trailingMark(String text, int i) {
        if (i >= text.length() || !isMark(text.charAt(i))) {
            return null;
        }
        char mark = text.charAt(i);
        int j = i;
        while (j < text.length() && text.charAt(j) == mark) {
            j++;
        }
        if (j + 1 < text.length() && text.charAt(j) == 'v' && text.charAt(j + 1) == 'e') {
            j += 2;
        }
        if (j < text.length() && ",.;)\n".indexOf(text.charAt(j)) < 0) {
            return null;
        }
        return mark == '+' ? FindingStatus.PRESENT : FindingStatus.DENIED;
    }
}

package com.mediassist.core.summary;

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

    /** The status of the finding at {@code span} of {@code text} once the marks around it are read. */
    static FindingStatus apply(String text, Span span, FindingStatus status) {
        int start = queryMarkBefore(text, span.start());
        if (start > 0 && text.charAt(start - 1) == '?' && (start < 2 || !Character.isLetterOrDigit(text.charAt(start - 2)))) {
            // "?pneumonia", "imp: COPD ?pneumonia", "?gout flare": a query is a diagnosis being considered
            return status == FindingStatus.DENIED ? status : FindingStatus.HYPOTHETICAL;
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
        return status;
    }
}

package com.mediassist.core.deid;

/**
 * An identifier found in a note.
 *
 * @param start  offset of its first character (UTF-16 index)
 * @param end    offset after its last character
 * @param type   its MEDDOCAN type
 * @param source what found it
 */
public record PhiSpan(int start, int end, PhiType type, Source source) {

    /** What found a span. */
    public enum Source {
        /** the trained sequence model */
        MODEL,
        /** a high-precision format pattern (e-mail, phone, ID, date …) */
        PATTERN
    }

    public PhiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    /** Whether the two spans share a character. */
    public boolean overlaps(PhiSpan o) {
        return start < o.end && o.start < end;
    }

    /** Number of characters. */
    public int length() {
        return end - start;
    }
}

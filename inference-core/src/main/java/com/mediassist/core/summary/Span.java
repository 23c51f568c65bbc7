package com.mediassist.core.summary;

/**
 * A half-open range {@code [start, end)} of character offsets into the original note text, so that
 * {@code text.substring(start, end)} is exactly the characters an item was extracted from.
 *
 * @param start first character, inclusive, {@code >= 0}
 * @param end   last character, exclusive, {@code >= start}
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, found [" + start + ", " + end + ")");
        }
    }

    /** The covered characters of {@code text}. */
    public String of(String text) {
        return text.substring(start, end);
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    public int length() {
        return end - start;
    }
}

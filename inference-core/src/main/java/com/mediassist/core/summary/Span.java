package com.mediassist.core.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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

    /** JSON form {@code [start, end]}. */
    @JsonValue
    public int[] toArray() {
        return new int[] {start, end};
    }

    /**
     * @param pair {@code [start, end]}
     * @throws IllegalArgumentException unless exactly two offsets with {@code 0 <= start <= end}
     */
    @JsonCreator
    public static Span fromArray(int[] pair) {
        if (pair == null || pair.length != 2) {
            throw new IllegalArgumentException("span must be [start, end]");
        }
        return new Span(pair[0], pair[1]);
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

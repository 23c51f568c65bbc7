package com.mediassist.core.medication;

import java.util.Objects;

/**
 * A medicine named inside free text.
 *
 * @param start    index of the first character in the original text
 * @param end      index after the last character (the name plus any strength that follows it)
 * @param text     the original text of the span
 * @param strength the strength written after the name ({@code "875/125"}, {@code "600 mg"}), or empty
 * @param match    what the name resolved to; {@link MedicationMatch#input()} is the span text
 */
public record MedicationMention(int start, int end, String text, String strength, MedicationMatch match) {

    public MedicationMention {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(match, "match");
    }
}

package com.mediassist.core.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A DDXPlus evidence code such as {@code E_91}.
 *
 * @param value the code, {@code E_} followed by digits
 */
public record EvidenceCode(String value) implements Comparable<EvidenceCode> {

    private static final Pattern FORMAT = Pattern.compile("E_[0-9]+");

    /** @throws IllegalArgumentException when the text is not of the form {@code E_<digits>} */
    public EvidenceCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("evidence code must look like E_<digits>, found: " + value);
        }
    }

    @JsonCreator
    public static EvidenceCode of(String value) {
        return new EvidenceCode(value);
    }

    /** Whether the text has the shape of an evidence code (it may still be unknown to a knowledge). */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(EvidenceCode o) {
        return Integer.compare(Integer.parseInt(value.substring(2)), Integer.parseInt(o.value.substring(2)));
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.mediassist.core.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A DDXPlus evidence, optionally with a value, in the diagnosis API's notation: {@code E_53},
 * {@code E_54_@_V_161} (categorical value), {@code E_56_@_7} (0-10 scale).
 *
 * @param code  the evidence code, {@code E_<n>}
 * @param value the value code or number, {@code null} for binary evidences
 */
public record EvidenceCode(String code, String value) {

    private static final Pattern CODE = Pattern.compile("E_\\d{1,3}");
    private static final Pattern VALUE = Pattern.compile("V_\\d{1,3}|\\d{1,2}");
    private static final String SEPARATOR = "_@_";

    public EvidenceCode {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("evidence code must look like E_91, found \"" + code + "\"");
        }
        if (value != null && !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("evidence value must look like V_161 or 0..10, found \"" + value + "\"");
        }
    }

    /** Parses {@code E_53} or {@code E_54_@_V_161}. */
    @JsonCreator
    public static EvidenceCode parse(String s) {
        int at = s.indexOf(SEPARATOR);
        return at < 0 ? new EvidenceCode(s, null) : new EvidenceCode(s.substring(0, at), s.substring(at + SEPARATOR.length()));
    }

    public EvidenceCode withCode(String newCode) {
        return new EvidenceCode(newCode, value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value == null ? code : code + SEPARATOR + value;
    }
}

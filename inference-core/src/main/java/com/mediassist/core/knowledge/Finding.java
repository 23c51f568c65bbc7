package com.mediassist.core.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * One positive finding: an evidence, with its value for categorical and multi-choice evidences. This
 * is the one evidence(-with-value) type of the product: the diagnosis engine, the note reader, the
 * fleet events and the training pipeline all use it; its JSON form is the DDXPlus notation
 * ({@code E_53}, {@code E_54_@_V_161}, {@code E_56_@_7}).
 *
 * @param evidence the evidence
 * @param value    the value code ({@code V_161}) or number of a 0-10 scale ({@code 7}); {@code null}
 *                 for binary evidences
 */
public record Finding(EvidenceCode evidence, String value) {

    /** The separator DDXPlus uses between an evidence and its value: {@code E_54_@_V_161}. */
    public static final String VALUE_SEPARATOR = "_@_";

    private static final Pattern VALUE = Pattern.compile("V_\\d{1,3}|\\d{1,2}");

    /**
     * @throws IllegalArgumentException when the evidence is missing or the value is not of the form
     *                                  {@code V_<digits>} or a number 0..99
     */
    public Finding {
        if (evidence == null) {
            throw new IllegalArgumentException("a finding needs an evidence code");
        }
        if (value != null && !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("evidence value must look like V_161 or 0..10, found \"" + value + "\"");
        }
    }

    /** A binary finding. */
    public static Finding of(EvidenceCode evidence) {
        return new Finding(evidence, null);
    }

    /**
     * A finding from its evidence code and value as text.
     *
     * @throws IllegalArgumentException when the code or value is malformed
     */
    public static Finding of(String evidence, String value) {
        return new Finding(new EvidenceCode(evidence), value);
    }

    /**
     * Parses the DDXPlus notation {@code E_53} or {@code E_54_@_V_161}, checking only its shape (not
     * whether a knowledge knows the evidence: see {@link Knowledge#parseFinding}).
     *
     * @throws IllegalArgumentException when the code or value is malformed
     */
    @JsonCreator
    public static Finding parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("evidence code must look like E_91, found null");
        }
        int at = text.indexOf(VALUE_SEPARATOR);
        return at < 0 ? new Finding(new EvidenceCode(text), null)
                : new Finding(new EvidenceCode(text.substring(0, at)), text.substring(at + VALUE_SEPARATOR.length()));
    }

    /** The same value on another evidence (a relative's version of an evidence, for instance). */
    public Finding withEvidence(EvidenceCode other) {
        return new Finding(other, value);
    }

    /** Whether the finding carries a value. */
    public boolean hasValue() {
        return value != null;
    }

    /** The DDXPlus notation, e.g. {@code E_53} or {@code E_54_@_V_161}. */
    @JsonValue
    @Override
    public String toString() {
        return value == null ? evidence.value() : evidence.value() + VALUE_SEPARATOR + value;
    }
}

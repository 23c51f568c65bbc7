package com.mediassist.core.knowledge;

/**
 * One positive finding: an evidence, with its value for categorical and multi-choice evidences.
 *
 * @param evidence the evidence
 * @param value    the value code ({@code V_161}, {@code 7}); {@code null} for binary evidences
 */
public record Finding(EvidenceCode evidence, String value) {

    /** The separator DDXPlus uses between an evidence and its value: {@code E_54_@_V_161}. */
    public static final String VALUE_SEPARATOR = "_@_";

    /** A binary finding. */
    public static Finding of(EvidenceCode evidence) {
        return new Finding(evidence, null);
    }

    /** Whether the finding carries a value. */
    public boolean hasValue() {
        return value != null;
    }

    /** The DDXPlus notation, e.g. {@code E_53} or {@code E_54_@_V_161}. */
    @Override
    public String toString() {
        return value == null ? evidence.value() : evidence.value() + VALUE_SEPARATOR + value;
    }
}

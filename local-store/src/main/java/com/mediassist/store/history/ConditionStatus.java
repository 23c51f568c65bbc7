package com.mediassist.store.history;

/** Clinical status of a condition (FHIR {@code Condition.clinicalStatus}). */
public enum ConditionStatus {
    ACTIVE,
    RECURRENCE,
    RELAPSE,
    INACTIVE,
    REMISSION,
    RESOLVED,
    UNKNOWN;

    /** The FHIR code, as stored ({@code ON_HOLD} is {@code on-hold}). */
    public String code() {
        return Codes.code(this);
    }

    /**
     * Parses a code in any case.
     *
     * @throws com.mediassist.store.InvalidValueException naming {@code status} for an unknown code
     */
    public static ConditionStatus fromCode(String code) {
        return Codes.parse(ConditionStatus.class, "status", code);
    }
}

package com.mediassist.store.history;

/** Status of a medication statement or request (FHIR codes of both). */
public enum MedicationStatus {
    ACTIVE,
    COMPLETED,
    STOPPED,
    ON_HOLD,
    INTENDED,
    NOT_TAKEN,
    CANCELLED,
    DRAFT,
    ENTERED_IN_ERROR,
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
    public static MedicationStatus fromCode(String code) {
        return Codes.parse(MedicationStatus.class, "status", code);
    }
}

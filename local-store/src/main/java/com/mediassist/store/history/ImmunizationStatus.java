package com.mediassist.store.history;

/** Whether a vaccine dose was given (FHIR {@code Immunization.status}, without entered-in-error). */
public enum ImmunizationStatus {
    COMPLETED,
    NOT_DONE;

    /** The FHIR code, as stored ({@code NOT_DONE} is {@code not-done}). */
    public String code() {
        return Codes.code(this);
    }

    /**
     * Parses a code in any case.
     *
     * @throws com.mediassist.store.InvalidValueException naming {@code status} for an unknown code
     */
    public static ImmunizationStatus fromCode(String code) {
        return Codes.parse(ImmunizationStatus.class, "status", code);
    }
}

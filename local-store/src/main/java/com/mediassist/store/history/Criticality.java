package com.mediassist.store.history;

/** How dangerous a future reaction to an allergen could be (FHIR {@code AllergyIntolerance.criticality}). */
public enum Criticality {
    LOW,
    HIGH,
    UNABLE_TO_ASSESS;

    /** The FHIR code, as stored ({@code ON_HOLD} is {@code on-hold}). */
    public String code() {
        return Codes.code(this);
    }

    /**
     * Parses a code in any case.
     *
     * @throws com.mediassist.store.InvalidValueException naming {@code criticality} for an unknown code
     */
    public static Criticality fromCode(String code) {
        return Codes.parse(Criticality.class, "criticality", code);
    }
}

package com.mediassist.store.history;

/** Whether a procedure row is a procedure done or a screening (e.g. a mammography, a Pap test). */
public enum ProcedureCategory {
    PROCEDURE,
    SCREENING;

    /** The FHIR code, as stored ({@code ON_HOLD} is {@code on-hold}). */
    public String code() {
        return Codes.code(this);
    }

    /**
     * Parses a code in any case.
     *
     * @throws com.mediassist.store.InvalidValueException naming {@code category} for an unknown code
     */
    public static ProcedureCategory fromCode(String code) {
        return Codes.parse(ProcedureCategory.class, "category", code);
    }
}

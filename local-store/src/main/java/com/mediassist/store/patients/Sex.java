package com.mediassist.store.patients;

import com.mediassist.store.InvalidValueException;
import java.util.Locale;

/** Administrative sex, with FHIR's codes ({@code female}, {@code male}, {@code other}, {@code unknown}). */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN;

    /** The FHIR code, as stored. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a FHIR code in any case.
     *
     * @throws InvalidValueException naming {@code sex} for anything else
     */
    public static Sex fromCode(String code) {
        if (code != null) {
            for (Sex s : values()) {
                if (s.code().equalsIgnoreCase(code.strip())) {
                    return s;
                }
            }
        }
        throw new InvalidValueException("sex", "must be female, male, other or unknown, got " + code);
    }
}

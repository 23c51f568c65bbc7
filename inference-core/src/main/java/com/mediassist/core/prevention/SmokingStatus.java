package com.mediassist.core.prevention;

import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import java.util.Locale;

/** Tobacco smoking status; {@link #UNKNOWN} when not recorded. */
public enum SmokingStatus {
    CURRENT, FORMER, NEVER, UNKNOWN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidClinicalInputException for a value that is not one of the four labels */
    public static SmokingStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidClinicalInputException("smokingStatus",
                    "expected current, former, never or unknown but found \"" + value + "\"");
        }
    }
}

package com.mediassist.core.prevention;

import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import java.util.Locale;

/** Sex recorded for screening eligibility. */
public enum Sex {
    FEMALE, MALE, UNKNOWN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value "female"/"male"/"unknown", FHIR gender codes, "f"/"m", "mujer"/"hombre"; {@code null} → unknown
     * @throws InvalidClinicalInputException for anything else
     */
    public static Sex parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "female", "f", "mujer", "woman", "femenino" -> FEMALE;
            case "male", "m", "hombre", "man", "masculino", "varon", "varón" -> MALE;
            case "unknown", "other", "otro", "desconocido" -> UNKNOWN;
            default -> throw new InvalidClinicalInputException("sex",
                    "expected female, male or unknown but found \"" + value + "\"");
        };
    }
}

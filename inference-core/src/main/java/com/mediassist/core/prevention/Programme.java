package com.mediassist.core.prevention;

import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import java.util.Locale;

/** The preventive programme whose ranges and intervals apply. PAPPS is the default in Spain. */
public enum Programme {
    /** Programa de Actividades Preventivas y de Promoción de la Salud (semFYC) and the Spanish vaccine calendar. */
    PAPPS,
    /** USPSTF A/B recommendations and the CDC/ACIP adult schedule. */
    USPSTF;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param value "papps" or "uspstf"; {@code null} or blank gives PAPPS */
    public static Programme parse(String value) {
        if (value == null || value.isBlank()) {
            return PAPPS;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "papps" -> PAPPS;
            case "uspstf" -> USPSTF;
            default -> throw new InvalidClinicalInputException("programme",
                    "expected papps or uspstf but found \"" + value + "\"");
        };
    }
}

package com.mediassist.core.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * ConText status of a finding. Precedence when several triggers reach the same finding:
 * {@code DENIED} over {@code FAMILY} over {@code HYPOTHETICAL} over {@code HISTORICAL} over
 * {@code PRESENT}.
 */
public enum FindingStatus {
    /** Stated as present now. */
    PRESENT,
    /** Negated: "niega fiebre", "sin disnea", "no fever". */
    DENIED,
    /** Past history: "antecedentes de neumonía", findings under an "Antecedentes" heading. */
    HISTORICAL,
    /** Belongs to a relative: "madre con DM2", findings under "Antecedentes familiares". */
    FAMILY,
    /** Conditional or to rule out: "si presenta fiebre", "vigilar disnea", "descartar neumonía". */
    HYPOTHETICAL;

    /** Lower-case name used in JSON. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static FindingStatus fromJsonName(String name) {
        for (FindingStatus v : values()) {
            if (v.jsonName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown FindingStatus \"" + name + "\"; expected one of "
                + java.util.Arrays.stream(values()).map(FindingStatus::jsonName).toList());
    }
}

package com.mediassist.core.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Vital signs the extractor reads, with the unit values are reported in. */
public enum VitalKind {
    SYSTOLIC("mmHg"),
    DIASTOLIC("mmHg"),
    HEART_RATE("/min"),
    TEMPERATURE("°C"),
    SPO2("%"),
    RESPIRATORY_RATE("/min"),
    WEIGHT("kg"),
    HEIGHT("cm"),
    BMI("kg/m2");

    private final String unit;

    VitalKind(String unit) {
        this.unit = unit;
    }

    /** The unit {@link Vital#value()} is expressed in. */
    public String unit() {
        return unit;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown JSON name */
    @JsonCreator
    public static VitalKind fromJsonName(String name) {
        for (VitalKind k : values()) {
            if (k.jsonName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown vital kind \"" + name + "\"");
    }
}

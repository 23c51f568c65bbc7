package com.mediassist.core.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Plausibility of a vital sign. Flagged values are kept, never dropped. */
public enum VitalFlag {
    /** Within the usual adult range. */
    NORMAL,
    /** Possible but outside the usual adult range (e.g. BP 160/95, SpO2 89 %). */
    OUT_OF_RANGE,
    /** Not compatible with life or a likely typing error (e.g. HR 600, temperature 73 °C). */
    IMPLAUSIBLE;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static VitalFlag fromJsonName(String name) {
        for (VitalFlag v : values()) {
            if (v.jsonName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown VitalFlag \"" + name + "\"; expected one of "
                + java.util.Arrays.stream(values()).map(VitalFlag::jsonName).toList());
    }
}

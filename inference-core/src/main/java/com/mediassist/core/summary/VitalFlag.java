package com.mediassist.core.summary;

import java.util.Locale;

/** Plausibility of a vital sign. Flagged values are kept, never dropped. */
public enum VitalFlag {
    /** Within the usual adult range. */
    NORMAL,
    /** Possible but outside the usual adult range (e.g. BP 160/95, SpO2 89 %). */
    OUT_OF_RANGE,
    /** Not compatible with life or a likely typing error (e.g. HR 600, temperature 73 °C). */
    IMPLAUSIBLE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

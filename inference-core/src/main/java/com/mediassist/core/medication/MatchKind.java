package com.mediassist.core.medication;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a typed name was recognised. */
public enum MatchKind {
    /** The ingredient's Spanish, English or synonym name, after folding case and accents. */
    EXACT,
    /** A commercial (brand) name. */
    BRAND,
    /** A name within a small edit distance of a known name. */
    TYPO,
    /** Not recognised. */
    NONE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

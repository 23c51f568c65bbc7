package com.mediassist.core.knowledge;

import java.util.Locale;

/** The languages the knowledge is written in. Spanish is the default of the product. */
public enum Language {
    ES, EN;

    /** The language's ISO 639-1 tag, lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code es} or {@code en} (any case); {@code null} or blank gives Spanish.
     *
     * @throws IllegalArgumentException for any other tag
     */
    public static Language parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return ES;
        }
        return switch (tag.trim().toLowerCase(Locale.ROOT)) {
            case "es" -> ES;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("language must be 'es' or 'en', found: " + tag);
        };
    }
}

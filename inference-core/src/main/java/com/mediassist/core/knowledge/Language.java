package com.mediassist.core.knowledge;

import java.util.Locale;

/** Languages the knowledge is written in. Spanish is the default of the product. */
public enum Language {
    ES, EN;

    /**
     * @param code "es" or "en" in any case; {@code null} or blank gives {@link #ES}
     * @throws InvalidClinicalInputException for any other code
     */
    public static Language parse(String code) {
        if (code == null || code.isBlank()) {
            return ES;
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "es" -> ES;
            case "en" -> EN;
            default -> throw new InvalidClinicalInputException("language",
                    "expected \"es\" or \"en\" but found \"" + code + "\"");
        };
    }

    /** @return the lower-case ISO 639-1 code */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language's ISO 639-1 tag, lower case (same as {@link #code()}). */
    public String tag() {
        return code();
    }
}

package com.mediassist.core.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The one language type of the product: the language the knowledge is written in, the language a note
 * is read in and a summary written in, and the language of the user interface. Spanish is the default
 * of the product. In JSON a language is its lower-case ISO 639-1 code ({@code "es"}, {@code "en"}).
 */
public enum Language {
    ES, EN;

    /**
     * Lenient reading for optional request fields.
     *
     * @param code "es" or "en" in any case; {@code null} or blank gives {@link #ES}
     * @throws InvalidClinicalInputException for any other code
     */
    public static Language parse(String code) {
        if (code == null || code.isBlank()) {
            return ES;
        }
        return fromCode(code);
    }

    /**
     * Strict reading, also used by JSON.
     *
     * @param code "es" or "en" in any case
     * @throws InvalidClinicalInputException naming the accepted codes when {@code code} is neither
     *         (also when it is {@code null} or blank)
     */
    @JsonCreator
    public static Language fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "es" -> ES;
            case "en" -> EN;
            default -> throw new InvalidClinicalInputException("language",
                    "expected \"es\" or \"en\" but found \"" + code + "\"");
        };
    }

    /** @return the lower-case ISO 639-1 code, {@code "es"} or {@code "en"} */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.mediassist.core.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Languages the extractor reads and writes summaries in. Spanish is the default. */
public enum Language {
    ES("es"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, {@code "es"} or {@code "en"}. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * @param code {@code "es"} or {@code "en"}, any case
     * @throws IllegalArgumentException naming the accepted codes when {@code code} is neither
     */
    @JsonCreator
    public static Language fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("language must be \"es\" or \"en\", found \"" + code + "\"");
    }
}

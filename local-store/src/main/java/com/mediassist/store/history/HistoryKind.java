package com.mediassist.store.history;

import com.mediassist.store.InvalidValueException;
import java.util.Locale;

/** The kinds of history row, one table each. */
public enum HistoryKind {
    CONDITION("conditions"),
    MEDICATION("medications"),
    ALLERGY("allergies"),
    IMMUNIZATION("immunizations"),
    PROCEDURE("procedures"),
    OBSERVATION("observations");

    private final String plural;

    HistoryKind(String plural) {
        this.plural = plural;
    }

    /** The plural name, used as table name and URL segment ({@code conditions}, {@code allergies}, …). */
    public String plural() {
        return plural;
    }

    /**
     * Parses a kind from its plural ({@code conditions}) or singular ({@code condition}) name.
     *
     * @throws InvalidValueException naming {@code kind} for anything else
     */
    public static HistoryKind fromName(String name) {
        if (name != null) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (HistoryKind k : values()) {
                if (k.plural.equals(n) || k.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return k;
                }
            }
        }
        throw new InvalidValueException("kind", "must be one of conditions, medications, allergies, "
                + "immunizations, procedures, observations; got " + name);
    }
}

package com.mediassist.core.medication;

import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import java.util.Locale;

/** Severity tiers of an alert, most severe first. Only the first two interrupt by default. */
public enum Severity {
    CONTRAINDICATED, MAJOR, MODERATE, MINOR;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether an alert of this tier interrupts prescribing unless a list says otherwise */
    public boolean interruptsByDefault() {
        return this == CONTRAINDICATED || this == MAJOR;
    }

    /** @return the more severe of the two */
    public Severity max(Severity other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    static Severity parse(String resource, String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KnowledgeFormatException(resource, 0,
                    "severity must be contraindicated, major, moderate or minor but was \"" + label + "\"", e);
        }
    }
}

package com.mediassist.core.fit;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Text;

/**
 * A clinical finding DDXPlus has no evidence for (dysuria, big-toe pain, jaundice).
 *
 * @param id     stable concept id ({@code dysuria})
 * @param system the body system it belongs to ({@code urinary})
 * @param weight how strongly it speaks against the model's 49 conditions
 * @param label  short clinical label in both languages
 */
public record UnmappedConcept(String id, String system, Weight weight, Text label) {

    /** How much an unmapped finding counts against the fit. */
    public enum Weight {
        /** Belongs to a system the model does not cover: counts fully. */
        OUTSIDE(1.0),
        /** A sign of a covered system DDXPlus does not ask about (crackles): counts little. */
        RELATED(0.1);

        private final double value;

        Weight(double value) {
            this.value = value;
        }

        /** The amount this finding adds to the unmapped load, 0–1. */
        public double value() {
            return value;
        }
    }

    /** The label in the given language. */
    public String label(Language language) {
        return label.in(language);
    }
}

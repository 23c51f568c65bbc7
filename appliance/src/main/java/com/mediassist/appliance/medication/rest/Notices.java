package com.mediassist.appliance.medication.rest;

import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.Language;

/** The reminder shown with every clinical suggestion. */
public final class Notices {

    private static final Bilingual ADVISORY = new Bilingual(
            "Orientación de apoyo basada en conocimiento versionado; la decisión clínica corresponde al médico.",
            "Decision support from versioned knowledge; the clinical decision rests with the doctor.");

    private Notices() {
    }

    /** @return the advisory notice in that language */
    public static String advisory(Language language) {
        return ADVISORY.in(language);
    }
}

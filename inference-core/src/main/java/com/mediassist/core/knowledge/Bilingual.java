package com.mediassist.core.knowledge;

import java.util.Objects;

/** A text authored in Spanish and English. */
public record Bilingual(String es, String en) {

    public Bilingual {
        Objects.requireNonNull(es, "es");
        Objects.requireNonNull(en, "en");
    }

    /** @return the text in the requested language */
    public String in(Language language) {
        return language == Language.EN ? en : es;
    }
}

package com.mediassist.core.medication;

import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.text.TextFold;
import java.util.Objects;

/**
 * Identifier of an active ingredient: its English INN in lower case without accents
 * (for example {@code "acenocoumarol"}, {@code "acetylsalicylic acid"}). Interaction tables and class
 * rules refer to ingredients by this key.
 */
public record IngredientKey(@JsonValue String value) implements Comparable<IngredientKey> {

    public IngredientKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an ingredient key must not be blank");
        }
    }

    /** @return a key from any spelling of an English name: folded, underscores as spaces */
    public static IngredientKey of(String englishName) {
        return new IngredientKey(TextFold.normaliseWords(englishName));
    }

    @Override
    public int compareTo(IngredientKey o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

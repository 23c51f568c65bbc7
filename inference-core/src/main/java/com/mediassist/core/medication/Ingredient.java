package com.mediassist.core.medication;

import com.mediassist.core.knowledge.Language;
import java.util.List;
import java.util.Objects;

/**
 * An active ingredient of the dictionary.
 *
 * @param key        English INN key
 * @param dciEs      Spanish name (DCI); equals the English name for ingredients known only from
 *                   the interaction table
 * @param innEn      English name (INN)
 * @param synonyms   other accepted names (US names, abbreviations, salts)
 * @param atc        WHO ATC code, empty when not authored
 * @param drugbankId DrugBank id, empty when not known
 * @param source     where the row comes from
 */
public record Ingredient(IngredientKey key, String dciEs, String innEn, List<String> synonyms, String atc,
                         String drugbankId, String source) {

    public Ingredient {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dciEs, "dciEs");
        Objects.requireNonNull(innEn, "innEn");
        synonyms = List.copyOf(synonyms);
        Objects.requireNonNull(atc, "atc");
        Objects.requireNonNull(drugbankId, "drugbankId");
        Objects.requireNonNull(source, "source");
    }

    /** @return the name in the requested language */
    public String name(Language language) {
        return language == Language.EN ? innEn : dciEs;
    }

    /** @return whether the ATC code starts with {@code prefix} */
    public boolean inAtc(String prefix) {
        return !atc.isEmpty() && atc.startsWith(prefix);
    }
}

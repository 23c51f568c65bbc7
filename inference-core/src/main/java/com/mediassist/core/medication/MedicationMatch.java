package com.mediassist.core.medication;

import java.util.List;
import java.util.Objects;

/**
 * What a typed medication resolved to.
 *
 * @param input       the text as typed
 * @param ingredients every active ingredient (all of them for combination products), in order;
 *                    empty when not matched
 * @param matched     whether at least one known medicine name was recognised
 * @param how         the weakest way a name was recognised ({@code typo} beats {@code brand} beats
 *                    {@code exact}); {@code none} when not matched
 * @param matchedNames the dictionary names that were recognised, e.g. {@code ["Augmentin"]}
 */
public record MedicationMatch(String input, List<Ingredient> ingredients, boolean matched, MatchKind how,
                              List<String> matchedNames) {

    public MedicationMatch {
        Objects.requireNonNull(input, "input");
        ingredients = List.copyOf(ingredients);
        Objects.requireNonNull(how, "how");
        matchedNames = List.copyOf(matchedNames);
    }

    static MedicationMatch unknown(String input) {
        return new MedicationMatch(input, List.of(), false, MatchKind.NONE, List.of());
    }

    /** @return the ingredient keys, in order */
    public List<IngredientKey> keys() {
        return ingredients.stream().map(Ingredient::key).toList();
    }
}

package com.mediassist.core.summary;

import java.util.List;

/**
 * An allergy statement.
 *
 * @param text        the source characters
 * @param span        where it is in the note
 * @param substance   the allergen as written, {@code null} for "no known allergies"
 * @param ingredients ingredients of the allergen when it is a medicine in the shared dictionary
 * @param status      {@link FindingStatus#PRESENT} for an allergy, {@link FindingStatus#DENIED} for
 *                    "NAMC", "niega alergias", "NKDA"
 */
public record Allergy(String text, Span span, String substance, List<String> ingredients, FindingStatus status) {

    public Allergy {
        ingredients = List.copyOf(ingredients);
    }
}

package com.mediassist.core.summary;

import java.util.List;

/**
 * A medicine the note mentions, with what was written about how it is taken.
 *
 * @param text        the source characters: the medicine name and its dose, route and frequency
 * @param span        where it is in the note
 * @param name        the medicine as written (brand or ingredient)
 * @param ingredients active ingredients, from the shared medicine dictionary
 * @param dose        e.g. {@code "1 g"}, {@code "600 mg"}; {@code null} when not written
 * @param route       e.g. {@code "vo"}, {@code "iv"}; {@code null} when not written
 * @param frequency   e.g. {@code "cada 8 h"}, {@code "1-0-1"}; {@code null} when not written
 * @param status      {@link FindingStatus#PRESENT} for a medicine taken or prescribed,
 *                    {@link FindingStatus#DENIED} for "no toma AINE", other statuses as for findings
 */
public record NoteMedication(String text, Span span, String name, List<String> ingredients,
                                String dose, String route, String frequency, FindingStatus status) {

    public NoteMedication {
        ingredients = List.copyOf(ingredients);
    }
}

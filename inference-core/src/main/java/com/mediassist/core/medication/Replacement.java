package com.mediassist.core.medication;

import java.util.Objects;

/**
 * A one-step change an alert's own advice implies: replace the typed medicine {@code input} (whose
 * ingredient {@code drug} triggers the alert) with {@code with}, e.g. ibuprofeno → paracetamol for an
 * anticoagulant + NSAID alert. Names are in the language of the request.
 *
 * @param input the medicine as the doctor typed it
 * @param drug  the ingredient of {@code input} the advice is about
 * @param with  the ingredient the advice recommends instead
 */
public record Replacement(String input, String drug, String with) {

    public Replacement {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(with, "with");
    }
}

package com.mediassist.appliance.terms;

import java.util.List;

/**
 * A clinical word and the evidences it stands for.
 *
 * @param term      the word as doctors write it ("dolor torácico")
 * @param language  {@code es} or {@code en}, the language of {@code term}
 * @param evidences the DDXPlus evidences, {@code CODE} or {@code CODE_@_VALUE} ("E_53", "E_55_@_V_101")
 */
public record ClinicalTerm(String term, String language, List<String> evidences) {

    public ClinicalTerm {
        evidences = List.copyOf(evidences);
    }
}

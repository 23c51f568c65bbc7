package com.mediassist.core.fit;

import java.util.List;

/**
 * A severe condition (DDXPlus severity 1–2) the findings do not exclude, with the findings specific to it.
 *
 * @param code        pathology code ({@code pulmonary-embolism})
 * @param name        name in the requested language
 * @param probability its probability in the answer's differential (after the other mass), 0–1
 * @param redFlags    the present findings that put it on the list, in the requested language: each is
 *                    much more frequent in this condition than in the others
 */
public record MustNotMiss(String code, String name, double probability, List<String> redFlags) {

    public MustNotMiss {
        redFlags = List.copyOf(redFlags);
    }
}

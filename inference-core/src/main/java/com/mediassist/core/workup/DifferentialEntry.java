package com.mediassist.core.workup;

import java.util.Objects;

/**
 * One candidate of a differential diagnosis.
 *
 * @param pathology   DDXPlus English name (e.g. "Pulmonary embolism"), Spanish name, French name or
 *                    ICD-10 code; matching ignores case and accents
 * @param probability probability in [0, 1]
 */
public record DifferentialEntry(String pathology, double probability) {

    public DifferentialEntry {
        Objects.requireNonNull(pathology, "pathology");
    }
}

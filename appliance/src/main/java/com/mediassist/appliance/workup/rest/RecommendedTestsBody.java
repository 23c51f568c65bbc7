package com.mediassist.appliance.workup.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/recommended-tests}.
 *
 * @param differential candidates with probabilities in [0, 1]; pathology by DDXPlus English name,
 *                     Spanish or French name, or ICD-10 code
 * @param language     {@code es} (default) or {@code en}
 */
public record RecommendedTestsBody(List<Candidate> differential, String language) {

    /** One candidate. */
        public record Candidate(String pathology, Double probability) {
    }
}

package com.mediassist.core.workup;

import java.util.List;

/**
 * Recommended tests for a differential.
 *
 * @param tests              ordered by score, without duplicates
 * @param unknownPathologies candidates that are not among the known pathologies (reported, not dropped)
 * @param knowledgeVersion   version of the recommended-tests knowledge
 */
public record WorkupPlan(List<RecommendedTest> tests, List<String> unknownPathologies, String knowledgeVersion) {

    public WorkupPlan {
        tests = List.copyOf(tests);
        unknownPathologies = List.copyOf(unknownPathologies);
    }
}

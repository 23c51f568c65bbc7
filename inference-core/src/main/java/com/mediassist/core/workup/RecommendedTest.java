package com.mediassist.core.workup;

import java.util.List;

/**
 * One test of a work-up plan.
 *
 * @param test    stable key of the test (e.g. {@code "d-dimer"})
 * @param name    the test's name in the requested language
 * @param score   the best score among its reasons; tests are ordered by it
 * @param firstLine whether any guideline lists it as a first-line test for a candidate
 * @param reasons every candidate it answers, best first
 * @param sources the distinct guidelines, with year
 */
public record RecommendedTest(String test, String name, double score, boolean firstLine, List<TestReason> reasons,
                              List<String> sources) {

    public RecommendedTest {
        reasons = List.copyOf(reasons);
        sources = List.copyOf(sources);
    }
}

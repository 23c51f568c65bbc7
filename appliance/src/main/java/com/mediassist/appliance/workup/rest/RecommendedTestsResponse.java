package com.mediassist.appliance.workup.rest;

import com.mediassist.core.workup.RecommendedTest;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/recommended-tests}: tests ordered by probability × severity, each with
 * its reasons and guideline sources.
 */
public record RecommendedTestsResponse(List<RecommendedTest> tests, List<String> unknownPathologies,
                                       String knowledgeVersion, String language, String notice) {
}

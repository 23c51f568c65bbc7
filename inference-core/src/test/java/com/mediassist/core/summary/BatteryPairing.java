package com.mediassist.core.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the reader's findings with a battery note's expectations as {@code bin/models evaluate-summary} pairs them:
 * one-to-one by largest overlap; an expectation that only names words ({@code ~words}) takes any overlapping
 * finding without using it up.
 */
final class BatteryPairing {

    private BatteryPairing() {
    }

    /**
     * @param findings what the reader found
     * @param spans    the expectations' spans, in order
     * @param wordsOnly which expectations only name words
     * @return expectation index → paired finding (absent when none)
     */
    static Map<Integer, Finding> pair(List<Finding> findings, List<Span> spans, List<Boolean> wordsOnly) {
        record Candidate(int finding, int expectation, int overlap) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int f = 0; f < findings.size(); f++) {
            for (int e = 0; e < spans.size(); e++) {
                Span a = findings.get(f).span();
                Span b = spans.get(e);
                int overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
                if (overlap > 0) {
                    candidates.add(new Candidate(f, e, overlap));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::overlap).reversed());
        Map<Integer, Finding> paired = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (Candidate c : candidates) {
            if (wordsOnly.get(c.expectation())) {
                paired.putIfAbsent(c.expectation(), findings.get(c.finding()));
            } else if (!paired.containsKey(c.expectation()) && !used.contains(c.finding())) {
                paired.put(c.expectation(), findings.get(c.finding()));
                used.add(c.finding());
            }
        }
        return paired;
    }
}

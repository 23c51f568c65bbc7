package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.LayPhrasingBatteryTest.Result;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coded findings written the ways a new hand writes them (issue 16, branch lay2): a battery of note fragments written
 * for this test ({@code summary/coded-phrasing-battery-2.txt}) that walks the DDXPlus evidences the reader maps and
 * says each the ways Spanish (Spain, Latin America) and English (UK, US) doctors and patients say it — pain by
 * character, place and comparison, fever by number or adjective, sputum and nasal discharge by colour, breathlessness
 * by distance and posture, aggravating and relieving factors, appetite by quantity — and the same words where they are
 * no finding (a measurement, an instruction, a test). Paired and scored as {@link LayPhrasingBatteryTest} scores its
 * battery; the share read right has a floor.
 */
class CodedPhrasingBattery2Test {

    /** Share read right before the lay2 pass (measured when the battery was written, before any change). */
    static final double BEFORE = 0.835;

    /** Measured share read right after the lay2 pass, less a small margin. */
    private static final double FLOOR = 0.96;

    private static List<Result> results;

    @BeforeAll
    static void readBattery() throws IOException {
        results = LayPhrasingBatteryTest.readAndScore("/summary/coded-phrasing-battery-2.txt");
    }

    @Test
    void theBatteryCoversManyEvidencesInBothLanguagesWithNegativeLines() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(150);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(100);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(100);
        Set<String> evidences = results.stream().flatMap(r -> r.expected().evidences().stream()).collect(Collectors.toSet());
        assertThat(evidences).hasSizeGreaterThanOrEqualTo(40);
        assertThat(results).filteredOn(r -> r.expected().status().isEmpty()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void theShareOfCodedPhrasingsReadRightStaysAboveTheMeasuredFloor() {
        long right = results.stream().filter(Result::right).count();
        double share = right / (double) results.size();
        System.out.printf(Locale.ROOT, "coded phrasing battery 2: %d expectations, %d right (%.3f)%n",
                results.size(), right, share);
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(share).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void noMeasurementInstructionOrTestWordsAreReadAsAFinding() {
        assertThat(results).filteredOn(r -> r.expected().status().isEmpty()).filteredOn(r -> !r.right())
                .extracting(Result::toString).isEmpty();
    }
}

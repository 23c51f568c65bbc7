package com.mediassist.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.CodedBattery.Result;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Past events and treatments and their status (issue 16, branch {@code past}): a battery of note fragments written
 * for this test ({@code summary/past-history-battery.txt}, both languages) before the reader's status code was read —
 * illnesses and prodromes that ended before the current one, symptoms of the current illness that have resolved,
 * surgery within the last weeks (E_196) against older procedures (no finding), admissions and courses of steroids
 * for asthma or COPD this year (E_46, E_101, E_72), birth history (E_160) and past pregnancies, dated episodes and
 * "years ago", "previous", "similar episodes", "since childhood", "used to", former habits and history headings —
 * next to present findings that must stay present ("for years", "desde hace", "worse than previous episodes").
 * Scored by {@link CodedBattery}, like the condition battery: an expectation is right when the paired finding has its status and its
 * DDXPlus evidence. Before the pass (reader at 4181bf5): 125 of 160 right (0.781), status alone 0.800, 28 clear-cut wrong; after:
 * 154 of 159 right (0.969), status alone 0.981, no clear-cut wrong.
 */
class PastHistoryBatteryTest {

    /** Measured share read right after the past pass (see the battery's header), less a small margin. */
    private static final double FLOOR = 0.96;

    private static List<Result> results;

    @BeforeAll
    static void readBattery() throws IOException {
        results = CodedBattery.run("/summary/past-history-battery.txt");
    }

    @Test
    void theBatteryIsOverEightyNotesOfPastEventsInBothLanguages() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(150);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(60);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(60);
        assertThat(results.stream().map(r -> r.expected().note()).distinct().count()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void theShareOfPastEventsReadWithTheirStatusAndCodeStaysAboveTheMeasuredFloor() {
        System.out.println(CodedBattery.counts("past-history battery", results));
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(CodedBattery.share(results)).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void everyClearCutPastHistoryExpectationIsReadExactly() {
        assertThat(results).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(Result::toString).isEmpty();
    }
}

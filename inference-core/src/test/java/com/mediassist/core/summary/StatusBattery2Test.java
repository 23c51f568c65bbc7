package com.mediassist.core.summary;

import com.mediassist.core.summary.StatusBatteryTest.Result;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status of findings, second battery (issue 16): {@code summary/status-battery-2.txt}, written before the
 * reader's status code was read, in constructions the first battery did not cover — resolved and improving
 * symptoms, temporal history ("hace años", "s/p", "h/o"), negation scope over punctuation, conjunctions and
 * exceptions, double negation, "no mejoría de X", "refiere no…", "asintomático salvo X", negative marks, ROS blocks,
 * questions asked and answered, conditionals, hedged impressions, other people's illnesses, screening questions,
 * what a relative reports, and examination signs negated ("no se aprecia", "not seen", "nil"). Scored like
 * {@link StatusBatteryTest}: a floor on the share read right, and every clear-cut ({@code !}) expectation exact.
 */
class StatusBattery2Test {

    /** Measured share read right after the second status pass (see BENCHMARKS.md), less a small margin. */
    private static final double FLOOR = 0.965;

    private static List<Result> results;

    @BeforeAll
    static void readBattery() throws IOException {
        results = StatusBatteryTest.readWithReader(StatusBatteryTest.battery("/summary/status-battery-2.txt"));
    }

    @Test
    void theSecondBatteryIsOverFourHundredExpectationsInBothLanguages() {
        StatusBatteryTest.assertSeveralHundredInBothLanguages(results);
    }

    @Test
    void theShareOfSecondBatteryFindingsReadWithTheirStatusStaysAboveTheMeasuredFloor() {
        StatusBatteryTest.assertShareAtLeast("status battery 2", results, FLOOR);
    }

    @Test
    void everyClearCutExpectationOfTheSecondBatteryIsReadWithItsStatus() {
        StatusBatteryTest.assertClearCutRight(results);
    }
}

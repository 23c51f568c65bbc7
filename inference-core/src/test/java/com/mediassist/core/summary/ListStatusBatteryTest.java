package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statuses carried over coordinated lists whose items the lexicon may not know (issue 16, branch lists): a battery
 * of note fragments written for this test ({@code summary/list-status-battery.txt}, both languages) with
 * safety-netting and warning-sign lists (each item that is a symptom or clinical state {@code hypothetical}),
 * negated lists (each item {@code denied}), rule-outs, and items that are no finding (the consequence of a
 * safety-net, tests, advice, times, people, places) which must yield nothing. Expectations are read and paired as in
 * {@link CodedBattery} (status, and the DDXPlus code where the line names one); the share right has a floor
 * and clear-cut expectations ({@code !}) must hold exactly.
 *
 * <p>Before this pass (reader at e0b9c57): 259 of 325 right (0.797), 56 clear-cut wrong; after it 319 (0.982).
 */
class ListStatusBatteryTest {

    /** Measured share read right after the lists pass, less a small margin. */
    private static final double FLOOR = 0.975;

    private static List<CodedBattery.Result> results;

    @BeforeAll
    static void readBattery() throws IOException {
        results = CodedBattery.run("/summary/list-status-battery.txt");
    }

    @Test
    void theBatteryHasListsOfBothKindsInBothLanguages() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(300);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(120);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(120);
        assertThat(results).filteredOn(r -> r.expected().status().isEmpty()).hasSizeGreaterThan(40);
    }

    @Test
    void theShareOfListItemsReadWithTheirStatusStaysAboveTheMeasuredFloor() {
        long right = results.stream().filter(CodedBattery.Result::right).count();
        double share = right / (double) results.size();
        long words = results.stream().filter(r -> r.expected().status().isEmpty()).count();
        long wordsWrong = results.stream().filter(r -> r.expected().status().isEmpty() && !r.right()).count();
        long clearWrong = results.stream().filter(r -> r.expected().clearCut() && !r.right()).count();
        System.out.printf(Locale.ROOT, "list-status battery: %d expectations, %d right (%.3f); %d no-finding words, %d "
                        + "read as findings; %d clear-cut wrong%n", results.size(), right, share, words, wordsWrong,
                clearWrong);
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(share).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void everyClearCutExpectationIsReadExactly() {
        assertThat(results).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(CodedBattery.Result::toString).isEmpty();
    }
}

package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and diagnoses named in notes, by name or abbreviation (issue 16, branch {@code cond}): a battery of
 * note fragments written for this test ({@code summary/condition-battery.txt}, both languages) naming the
 * conditions doctors write in past-history lists, impressions, differentials and rule-outs, family history and
 * running text, and abbreviations whose meaning depends on the context ("FA" in a blood test, "IC a Cardiología",
 * "AF:" as the family-history heading, "PE:" as the examination). An expectation is right when the reader's
 * finding paired with it (by largest overlap, as the gold evaluation pairs them) has its status and its DDXPlus
 * evidence ({@code -}: none). The share right has a floor; clear-cut expectations ({@code !}) must hold exactly.
 */
class ConditionBatteryTest {

    /** Measured share read right after the cond pass (see the battery's header), less a small margin. */
    private static final double FLOOR = 0.955;

    private static List<CodedBattery.Result> results;

    @BeforeAll
    static void readBattery() throws IOException {
        results = CodedBattery.run("/summary/condition-battery.txt");
    }

    @Test
    void theBatteryIsSeveralHundredExpectationsInBothLanguages() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(350);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(150);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(150);
    }

    @Test
    void theShareOfConditionsReadWithTheirStatusAndCodeStaysAboveTheMeasuredFloor() {
        System.out.println(CodedBattery.counts("condition battery", results));
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(CodedBattery.share(results)).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void everyClearCutExpectationIsReadExactly() {
        assertThat(results).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(CodedBattery.Result::toString).isEmpty();
    }
}

package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One finding per mention, with the span the gold gives it (issue 16, branch span): a battery of note fragments
 * written for this test ({@code summary/span-precision-battery.txt}, both languages) — qualifiers that belong to
 * the symptom they modify (time of day, position, trigger, relief), the aggravating factors the gold keeps as
 * findings of their own, specific findings not read again as their generic head, examination words, lifestyle and
 * exposure words of someone else, abbreviations inside other words — each listing every finding the reader must
 * return. Lines are scored as {@link NonFindingBatteryTest} scores its own (pairing one-to-one by largest overlap,
 * as the gold evaluation pairs); the share read exactly has a floor and clear-cut lines must be read exactly.
 */
class SpanPrecisionBatteryTest {

    /** Share of lines read exactly after the span pass (see the battery's header), less a small margin. */
    private static final double FLOOR = 0.87;

    private static List<NonFindingBatteryTest.Outcome> outcomes;

    @BeforeAll
    static void readBattery() throws IOException {
        List<NonFindingBatteryTest.Outcome> out = new ArrayList<>();
        for (BatteryLines line : BatteryLines.read("/summary/span-precision-battery.txt")) {
            out.add(NonFindingBatteryTest.score(line));
        }
        outcomes = List.copyOf(out);
    }

    @Test
    void theBatteryCoversBothLanguagesAndWhatMustAndMustNotComeOut() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(80);
        assertThat(outcomes).filteredOn(o -> o.line().language() == Language.ES).hasSizeGreaterThan(35);
        assertThat(outcomes).filteredOn(o -> o.line().language() == Language.EN).hasSizeGreaterThan(35);
        assertThat(outcomes).filteredOn(o -> o.expectedFindings() > 0).hasSizeGreaterThan(60);
        assertThat(outcomes).filteredOn(o -> o.line().items().stream().anyMatch(i -> i.startsWith("~")))
                .hasSizeGreaterThan(30);
    }

    @Test
    void theShareOfFragmentsReadExactlyStaysAboveTheMeasuredFloor() {
        long exact = outcomes.stream().filter(NonFindingBatteryTest.Outcome::exact).count();
        double share = exact / (double) outcomes.size();
        System.out.printf(Locale.ROOT, "span-precision battery: %d lines, %d read exactly (%.3f), %d extra items%n",
                outcomes.size(), exact, share, outcomes.stream().mapToInt(NonFindingBatteryTest.Outcome::extras).sum());
        outcomes.stream().filter(o -> !o.exact()).forEach(System.out::println);
        assertThat(share).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void everyClearCutFragmentIsReadExactly() {
        assertThat(outcomes).filteredOn(NonFindingBatteryTest.Outcome::clearCut)
                .filteredOn(o -> !o.exact()).extracting(Object::toString).isEmpty();
    }
}

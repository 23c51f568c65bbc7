package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings DDXPlus has no evidence for, and examination findings (issue 16, branch reader6): a battery of note
 * fragments written for this test ({@code summary/uncoded-battery.txt}, both languages) naming common
 * primary-care complaints outside the 49 conditions — urinary, skin, joints, eye and ear, mood and sleep, bowel,
 * gynaecology, endocrine, neurology — and the signs doctors write in an examination. The reader's findings are
 * paired one-to-one with the expected ones by largest overlap, as the gold evaluation pairs them; an expectation is
 * right when its finding is there with its status. Items marked {@code ~} name words that must yield no finding
 * (normal examinations, administrative words). The share right has a floor; clear-cut expectations ({@code !})
 * must hold exactly.
 */
class UncodedFindingBatteryTest {

    /** Measured share read right after the reader6 pass (see BENCHMARKS.md), less a small margin. */
    private static final double FLOOR = 0.95;

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static List<Result> results;

    /** One expectation: a finding with a status, or (status empty) words no finding may overlap. */
    record Expectation(Language language, String note, String text, Span span, Optional<FindingStatus> status,
                       boolean clearCut) {
    }

    /** What the reader made of one expectation: the paired finding's status, empty when none was paired. */
    record Result(Expectation expected, Optional<FindingStatus> read) {
        boolean right() {
            return expected.status().isEmpty() ? read.isEmpty() : read.equals(expected.status());
        }

        @Override
        public String toString() {
            String want = expected.status().map(FindingStatus::jsonName).orElse("no finding");
            return (right() ? "ok   " : "MISS ") + expected.language() + " \"" + expected.text() + "\" expected " + want
                    + ", read " + read.map(FindingStatus::jsonName).orElse("nothing") + "  <- " + expected.note();
        }
    }

    @BeforeAll
    static void readBattery() throws IOException {
        Map<String, List<Expectation>> byNote = new LinkedHashMap<>();
        for (Expectation e : battery()) {
            byNote.computeIfAbsent(e.language() + "|" + e.note(), k -> new ArrayList<>()).add(e);
        }
        List<Result> out = new ArrayList<>();
        for (List<Expectation> group : byNote.values()) {
            StructuredNote read = EXTRACTOR.extract(group.get(0).note(), group.get(0).language());
            out.addAll(pair(read.findings(), group));
        }
        results = List.copyOf(out);
    }

    /** Expected findings take the reader's findings one-to-one by largest overlap; "~" words take any overlap. */
    private static List<Result> pair(List<Finding> findings, List<Expectation> group) {
        Map<Integer, Finding> paired = BatteryLines.pairByOverlap(findings,
                group.stream().map(Expectation::span).toList(), e -> group.get(e).status().isEmpty());
        List<Result> out = new ArrayList<>();
        for (int e = 0; e < group.size(); e++) {
            out.add(new Result(group.get(e), Optional.ofNullable(paired.get(e)).map(Finding::status)));
        }
        return out;
    }

    static List<Expectation> battery() throws IOException {
        List<Expectation> out = new ArrayList<>();
        for (BatteryLines l : BatteryLines.read("/summary/uncoded-battery.txt")) {
            for (String item : l.items()) {
                out.add(expectation(l.language(), l.note(), item));
            }
        }
        return out;
    }

    private static Expectation expectation(Language lang, String note, String item) {
        boolean clear = item.startsWith("!");
        String it = item.substring(clear ? 1 : 0);
        boolean wordsOnly = it.startsWith("~");
        it = it.substring(wordsOnly ? 1 : 0);
        Optional<FindingStatus> status = Optional.empty();
        if (!wordsOnly) {
            int eq = it.lastIndexOf('=');
            status = Optional.of(FindingStatus.fromJsonName(it.substring(eq + 1)));
            it = it.substring(0, eq);
        }
        BatteryLines.Located at = BatteryLines.locate(note, it);
        return new Expectation(lang, note, at.text(), at.span(), status, clear);
    }

    @Test
    void theBatteryIsSeveralHundredExpectationsInBothLanguages() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(300);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(140);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(120);
    }

    @Test
    void theShareOfUncodedAndExaminationFindingsReadRightStaysAboveTheMeasuredFloor() {
        long right = results.stream().filter(Result::right).count();
        double share = right / (double) results.size();
        System.out.printf(Locale.ROOT, "uncoded battery: %d expectations, %d right (%.3f), %d clear-cut, %d clear-cut wrong%n",
                results.size(), right, share, results.stream().filter(r -> r.expected().clearCut()).count(),
                results.stream().filter(r -> r.expected().clearCut() && !r.right()).count());
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(share).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void everyClearCutExpectationIsReadExactly() {
        assertThat(results).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(Result::toString).isEmpty();
    }
}

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

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static List<Result> results;

    /** One expectation: a finding with a status and the codes accepted ({@code -} = none), or (status empty) words no finding may overlap. */
    record Expectation(Language language, String note, String text, Span span, Optional<FindingStatus> status,
                       List<String> codes, boolean clearCut) {
    }

    /** What the reader made of one expectation: the paired finding, empty when none was paired. */
    record Result(Expectation expected, Optional<Finding> read) {
        boolean right() {
            if (expected.status().isEmpty()) {
                return read.isEmpty();
            }
            return read.isPresent() && read.get().status() == expected.status().get()
                    && expected.codes().contains(code(read.get()) == null ? "-" : code(read.get()));
        }

        private static String code(Finding f) {
            return f.evidence() == null ? null : f.evidence().evidence().value();
        }

        @Override
        public String toString() {
            String want = expected.status().map(s -> s.jsonName() + "/" + String.join("|", expected.codes()))
                    .orElse("no finding");
            String got = read.map(f -> "\"" + f.text() + "\" " + f.status().jsonName() + "/"
                    + (code(f) == null ? "-" : code(f))).orElse("nothing");
            return (right() ? "ok   " : "MISS ") + expected.language() + " \"" + expected.text() + "\" expected " + want
                    + ", read " + got + "  <- " + expected.note();
        }
    }

    @BeforeAll
    static void readBattery() throws IOException {
        results = readWithReader("/summary/condition-battery.txt");
    }

    /** Reads a battery in this format and pairs each expectation with what the reader makes of its note. */
    static List<Result> readWithReader(String resource) throws IOException {
        Map<String, List<Expectation>> byNote = new LinkedHashMap<>();
        for (Expectation e : battery(resource)) {
            byNote.computeIfAbsent(e.language() + "|" + e.note(), k -> new ArrayList<>()).add(e);
        }
        List<Result> out = new ArrayList<>();
        for (List<Expectation> group : byNote.values()) {
            StructuredNote read = EXTRACTOR.extract(group.get(0).note(), group.get(0).language());
            Map<Integer, Finding> paired = BatteryLines.pairByOverlap(read.findings(),
                    group.stream().map(Expectation::span).toList(), e -> group.get(e).status().isEmpty());
            for (int i = 0; i < group.size(); i++) {
                out.add(new Result(group.get(i), Optional.ofNullable(paired.get(i))));
            }
        }
        return List.copyOf(out);
    }

    static List<Expectation> battery(String resource) throws IOException {
        List<Expectation> out = new ArrayList<>();
        for (BatteryLines l : BatteryLines.read(resource)) {
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
        List<String> codes = List.of();
        if (!wordsOnly) {
            int eq = it.lastIndexOf('=');
            String[] statusCode = it.substring(eq + 1).split("/");
            status = Optional.of(FindingStatus.fromJsonName(statusCode[0]));
            codes = List.of(statusCode[1].split("\\|"));
            it = it.substring(0, eq);
        }
        BatteryLines.Located at = BatteryLines.locate(note, it);
        return new Expectation(lang, note, at.text(), at.span(), status, codes, clear);
    }

    @Test
    void theBatteryIsSeveralHundredExpectationsInBothLanguages() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(350);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(150);
        assertThat(results).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(150);
    }

    @Test
    void theShareOfConditionsReadWithTheirStatusAndCodeStaysAboveTheMeasuredFloor() {
        assertThat(reportShare("condition battery", results)).isGreaterThanOrEqualTo(FLOOR);
    }

    /** Prints a battery's score in this format (and every miss) and returns the share read right. */
    static double reportShare(String battery, List<Result> results) {
        long right = results.stream().filter(Result::right).count();
        double share = right / (double) results.size();
        long clearCut = results.stream().filter(r -> r.expected().clearCut()).count();
        long clearWrong = results.stream().filter(r -> r.expected().clearCut() && !r.right()).count();
        long statusRight = results.stream().filter(r -> r.expected().status().isEmpty() ? r.read().isEmpty()
                : r.read().map(f -> f.status() == r.expected().status().get()).orElse(false)).count();
        System.out.printf(Locale.ROOT, "%s: %d expectations, %d right (%.3f), status alone %d (%.3f), "
                        + "%d clear-cut, %d clear-cut wrong%n", battery, results.size(), right, share, statusRight,
                statusRight / (double) results.size(), clearCut, clearWrong);
        results.stream().filter(r -> !r.right()).forEach(System.out::println);
        return share;
    }

    @Test
    void everyClearCutExpectationIsReadExactly() {
        assertThat(results).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(Result::toString).isEmpty();
    }
}

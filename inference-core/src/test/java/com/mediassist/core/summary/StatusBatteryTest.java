package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status of findings the reader already finds (issue 16): a battery of notes written for this test
 * ({@code summary/status-battery.txt}, both languages) covering how doctors mark a finding as denied,
 * hypothetical, historical or a relative's — negation over lists and its ends, postposed marks, review-of-systems
 * templates, pseudo-negations, plans and safety-netting, past and family history, informant relatives and
 * headings. Each expected finding is matched to the reader's finding whose span overlaps it; the share read
 * with the right status has a floor, and the clear-cut expectations (marked {@code !}) must all be right.
 */
class StatusBatteryTest {

    /** Measured share read right after the status pass (see BENCHMARKS.md), less a small margin. */
    private static final double FLOOR = 0.975;

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static List<Result> results;

    /** One expected finding: its note, its text and occurrence there, the status it must have. */
    record Expectation(Language language, String note, String text, int occurrence, FindingStatus status,
                       boolean clearCut) {
    }

    /** What the reader made of one expectation: empty when it found nothing at the expected words. */
    record Result(Expectation expected, Optional<FindingStatus> read) {
        boolean right() {
            return read.isPresent() && read.get() == expected.status();
        }

        @Override
        public String toString() {
            return (right() ? "ok   " : "MISS ") + expected.language() + " \"" + expected.text() + "\" expected "
                    + expected.status().jsonName() + ", read " + read.map(FindingStatus::jsonName).orElse("nothing")
                    + "  <- " + expected.note().replace("\n", "\\n");
        }
    }

    @BeforeAll
    static void readBattery() throws IOException {
        results = readWithReader(battery("/summary/status-battery.txt"));
    }

    /** The reader's status at each expectation (notes read once each, in battery order). */
    static List<Result> readWithReader(List<Expectation> battery) {
        List<Result> out = new ArrayList<>();
        String lastNote = null;
        StructuredNote read = null;
        for (Expectation e : battery) {
            if (!e.note().equals(lastNote)) {
                read = EXTRACTOR.extract(e.note(), e.language());
                lastNote = e.note();
            }
            out.add(new Result(e, statusAt(read, e)));
        }
        return List.copyOf(out);
    }

    /** The expectations of one battery file ({@code lang | note || [!]text[#n]=status ; …}). */
    static List<Expectation> battery(String resource) throws IOException {
        List<Expectation> out = new ArrayList<>();
        for (BatteryLines l : BatteryLines.read(resource)) {
            Language lang = l.language();
            String note = l.note();
            for (String it : l.items()) {
                boolean clear = it.startsWith("!");
                if (clear) {
                    it = it.substring(1);
                }
                int eq = it.lastIndexOf('=');
                String text = it.substring(0, eq);
                int occurrence = 1;
                int hash = text.lastIndexOf('#');
                if (hash > 0) {
                    occurrence = Integer.parseInt(text.substring(hash + 1));
                    text = text.substring(0, hash);
                }
                if (find(note, text, occurrence) < 0) {
                    throw new IllegalStateException("\"" + text + "\" #" + occurrence + " is not in: " + note);
                }
                out.add(new Expectation(lang, note, text, occurrence,
                        FindingStatus.fromJsonName(it.substring(eq + 1)), clear));
            }
        }
        return out;
    }

    /** Where the {@code occurrence}-th whole-word, case-insensitive {@code text} starts in {@code note}, or -1. */
    static int find(String note, String text, int occurrence) {
        String n = note.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int at = -1;
        int seen = 0;
        while (seen < occurrence) {
            at = n.indexOf(t, at + 1);
            if (at < 0) {
                return -1;
            }
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(n.charAt(at - 1));
            boolean wordEnd = at + t.length() >= n.length() || !Character.isLetterOrDigit(n.charAt(at + t.length()));
            if (wordStart && wordEnd) {
                seen++;
            }
        }
        return at;
    }

    /** The status of the reader's finding that overlaps the expected words most, if any. */
    private static Optional<FindingStatus> statusAt(StructuredNote read, Expectation e) {
        int start = find(e.note(), e.text(), e.occurrence());
        Span want = new Span(start, start + e.text().length());
        Finding best = null;
        int bestOverlap = 0;
        for (Finding f : read.findings()) {
            int overlap = Math.min(f.span().end(), want.end()) - Math.max(f.span().start(), want.start());
            if (overlap > bestOverlap) {
                best = f;
                bestOverlap = overlap;
            }
        }
        return Optional.ofNullable(best).map(Finding::status);
    }

    static double shareRight() {
        return shareRight(results);
    }

    static double shareRight(List<Result> read) {
        return read.stream().filter(Result::right).count() / (double) read.size();
    }

    /** Asserts a battery holds at least 400 expectations, more than 150 in each language. */
    static void assertSeveralHundredInBothLanguages(List<Result> read) {
        assertThat(read).hasSizeGreaterThanOrEqualTo(400);
        assertThat(read).filteredOn(r -> r.expected().language() == Language.ES).hasSizeGreaterThan(150);
        assertThat(read).filteredOn(r -> r.expected().language() == Language.EN).hasSizeGreaterThan(150);
    }

    /** Prints a battery's score and misses, and asserts the share read right is at least {@code floor}. */
    static void assertShareAtLeast(String battery, List<Result> read, double floor) {
        long right = read.stream().filter(Result::right).count();
        long found = read.stream().filter(r -> r.read().isPresent()).count();
        System.out.printf(Locale.ROOT, "%s: %d expectations, %d found, %d right (%.3f), %d clear-cut%n",
                battery, read.size(), found, right, shareRight(read),
                read.stream().filter(r -> r.expected().clearCut()).count());
        read.stream().filter(r -> !r.right()).forEach(System.out::println);
        assertThat(shareRight(read)).isGreaterThanOrEqualTo(floor);
    }

    /** Asserts every clear-cut ({@code !}) expectation of a battery is read with its status. */
    static void assertClearCutRight(List<Result> read) {
        assertThat(read).filteredOn(r -> r.expected().clearCut()).filteredOn(r -> !r.right())
                .extracting(Result::toString).isEmpty();
    }

    @Test
    void theBatteryIsSeveralHundredExpectationsInBothLanguages() {
        assertSeveralHundredInBothLanguages(results);
    }

    @Test
    void theShareOfFindingsReadWithTheirStatusStaysAboveTheMeasuredFloor() {
        assertShareAtLeast("status battery", results, FLOOR);
    }

    @Test
    void everyClearCutExpectationIsReadWithItsStatus() {
        assertClearCutRight(results);
    }
}

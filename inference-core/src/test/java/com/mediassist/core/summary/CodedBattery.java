package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A written battery whose items name a finding with its status and DDXPlus evidence ({@code text=status/CODE},
 * {@code -} = none, {@code A|B} either) or words no finding may overlap ({@code ~words}), {@code !} marking a
 * clear-cut item; {@code /CODE} may be left out when any code will do: read with {@link BatteryLines}, run through the extractor and paired with the reader's findings by
 * largest overlap, as the gold evaluation pairs them. Shared by the condition, examination-sign and list-status batteries.
 */
final class CodedBattery {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private CodedBattery() {
    }

    /**
     * One expectation: a finding with a status and the codes accepted ({@code -} = none, empty = any code: the item was
     * written {@code text=status} without a code), or (status empty) words no finding may overlap.
     */
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
                    && (expected.codes().isEmpty()
                    || expected.codes().contains(code(read.get()) == null ? "-" : code(read.get())));
        }

        private static String code(Finding f) {
            return f.evidence() == null ? null : f.evidence().evidence().value();
        }

        @Override
        public String toString() {
            String want = expected.status().map(s -> s.jsonName() + "/"
                    + (expected.codes().isEmpty() ? "*" : String.join("|", expected.codes())))
                    .orElse("no finding");
            String got = read.map(f -> "\"" + f.text() + "\" " + f.status().jsonName() + "/"
                    + (code(f) == null ? "-" : code(f))).orElse("nothing");
            return (right() ? "ok   " : "MISS ") + expected.language() + " \"" + expected.text() + "\" expected " + want
                    + ", read " + got + "  <- " + expected.note();
        }
    }

    /** Reads the battery {@code resource} and what the reader makes of each item. */
    static List<Result> run(String resource) throws IOException {
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
            codes = statusCode.length > 1 ? List.of(statusCode[1].split("\\|")) : List.of();
            it = it.substring(0, eq);
        }
        BatteryLines.Located at = BatteryLines.locate(note, it);
        return new Expectation(lang, note, at.text(), at.span(), status, codes, clear);
    }

    /** One line of counts: expectations, right, status alone, clear-cut and clear-cut wrong. */
    static String counts(String name, List<Result> results) {
        long right = results.stream().filter(Result::right).count();
        long statusRight = results.stream().filter(r -> r.expected().status().isEmpty() ? r.read().isEmpty()
                : r.read().map(f -> f.status() == r.expected().status().get()).orElse(false)).count();
        return String.format(Locale.ROOT, "%s: %d expectations, %d right (%.3f), status alone %d (%.3f), "
                        + "%d clear-cut, %d clear-cut wrong", name, results.size(), right, share(results), statusRight,
                statusRight / (double) results.size(), results.stream().filter(r -> r.expected().clearCut()).count(),
                results.stream().filter(r -> r.expected().clearCut() && !r.right()).count());
    }

    /** Share of the expectations read right. */
    static double share(List<Result> results) {
        return results.stream().filter(Result::right).count() / (double) results.size();
    }
}

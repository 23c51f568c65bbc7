package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One line of a written sentence battery ({@code lang | note || item ; item ; …}; blank lines and {@code #}
 * comments skipped; {@code \n} in a note is a line break), as the status and uncoded-finding batteries write them.
 */
record BatteryLines(Language language, String note, List<String> items) {

    static List<BatteryLines> read(String resource) throws IOException {
        List<BatteryLines> out = new ArrayList<>();
        try (InputStream in = BatteryLines.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf(" | ");
                int bars = line.indexOf(" || ");
                if (bar < 0 || bars < bar) {
                    throw new IllegalStateException(resource + ": battery line without \"lang | note || …\": " + line);
                }
                Language lang = Language.valueOf(line.substring(0, bar).trim().toUpperCase(Locale.ROOT));
                String note = line.substring(bar + 3, bars).replace("\\n", "\n");
                List<String> items = new ArrayList<>();
                for (String item : line.substring(bars + 4).split(" ; ")) {
                    items.add(item.trim());
                }
                out.add(new BatteryLines(lang, note, List.copyOf(items)));
            }
        }
        return out;
    }

    /** A battery item's words as written and where they stand in the note. */
    record Located(String text, Span span) {
    }

    /**
     * Finds a battery item's words in its note: {@code words#n} is their n-th whole-word occurrence (the first
     * without {@code #n}), case-insensitive.
     *
     * @throws IllegalStateException when the note does not hold them (a battery line written wrong)
     */
    static Located locate(String note, String item) {
        int occurrence = 1;
        String t = item;
        int hash = t.lastIndexOf('#');
        if (hash > 0 && hash < t.length() - 1 && t.substring(hash + 1).chars().allMatch(Character::isDigit)) {
            occurrence = Integer.parseInt(t.substring(hash + 1));
            t = t.substring(0, hash);
        }
        int start = StatusBatteryTest.find(note, t, occurrence);
        if (start < 0) {
            throw new IllegalStateException("\"" + t + "\" #" + occurrence + " is not in: " + note);
        }
        return new Located(t, new Span(start, start + t.length()));
    }

    /**
     * Pairs the reader's findings with expected spans as the gold evaluation does: one-to-one by largest overlap;
     * an expectation of {@code wordsOnly} (words no finding may overlap) takes any overlapping finding without
     * using it up.
     *
     * @return the finding paired with each expectation's index; an expectation nothing overlaps is absent
     */
    static Map<Integer, Finding> pairByOverlap(List<Finding> findings, List<Span> expected, IntPredicate wordsOnly) {
        record Candidate(int finding, int expectation, int overlap) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int f = 0; f < findings.size(); f++) {
            for (int e = 0; e < expected.size(); e++) {
                Span a = findings.get(f).span();
                Span b = expected.get(e);
                int overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
                if (overlap > 0) {
                    candidates.add(new Candidate(f, e, overlap));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::overlap).reversed());
        Map<Integer, Finding> paired = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (Candidate c : candidates) {
            if (wordsOnly.test(c.expectation())) {
                paired.putIfAbsent(c.expectation(), findings.get(c.finding()));
            } else if (!paired.containsKey(c.expectation()) && !used.contains(c.finding())) {
                paired.put(c.expectation(), findings.get(c.finding()));
                used.add(c.finding());
            }
        }
        return paired;
    }
}

package com.mediassist.core.summary.vitals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mediassist.core.summary.Span;
import com.mediassist.core.text.TextFold;

/**
 * Numbers dictated in words, read as digits for the vitals patterns: Spanish ("ciento cuarenta y ocho",
 * "treinta y siete con ocho") and English ("one hundred and ten", "ninety-two", "thirty seven point eight",
 * and the dictation shorthand "one forty" for 140). A lone "un"/"una"/"uno"/"one" and the word "once" (an
 * English frequency) are left as they are.
 */
final class NumberWords {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("cero", 0), Map.entry("uno", 1), Map.entry("una", 1), Map.entry("un", 1), Map.entry("dos", 2),
            Map.entry("tres", 3), Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7),
            Map.entry("ocho", 8), Map.entry("nueve", 9), Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("diez", 10), Map.entry("doce", 12), Map.entry("trece", 13), Map.entry("catorce", 14),
            Map.entry("quince", 15), Map.entry("dieciseis", 16), Map.entry("diecisiete", 17), Map.entry("dieciocho", 18),
            Map.entry("diecinueve", 19), Map.entry("veintiuno", 21), Map.entry("veintiun", 21), Map.entry("veintidos", 22),
            Map.entry("veintitres", 23), Map.entry("veinticuatro", 24), Map.entry("veinticinco", 25),
            Map.entry("veintiseis", 26), Map.entry("veintisiete", 27), Map.entry("veintiocho", 28),
            Map.entry("veintinueve", 29), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.ofEntries(
            Map.entry("veinte", 20), Map.entry("treinta", 30), Map.entry("cuarenta", 40), Map.entry("cincuenta", 50),
            Map.entry("sesenta", 60), Map.entry("setenta", 70), Map.entry("ochenta", 80), Map.entry("noventa", 90),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Integer> HUNDREDS = Map.of(
            "cien", 100, "ciento", 100, "doscientos", 200, "doscientas", 200);

    private NumberWords() {
    }

    /**
     * A text with its number words replaced by digits, and where each of its characters came from.
     *
     * @param text      the text with digits
     * @param fromStart for each character of {@code text}, the first original character it stands for
     * @param fromEnd   for each character of {@code text}, one past the last original character it stands for
     */
    record Digitised(String text, int[] fromStart, int[] fromEnd) {

        /** The original characters a span of {@link #text()} stands for. */
        Span original(Span s) {
            if (s.length() == 0) {
                return new Span(fromStart[s.start()], fromStart[s.start()]);
            }
            return new Span(fromStart[s.start()], fromEnd[s.end() - 1]);
        }
    }

    private record Word(String folded, int start, int end) {
    }

    /** Whether a folded, lower-case word is a number word. */
    static boolean isNumberWord(String folded) {
        return UNITS.containsKey(folded) || TEENS.containsKey(folded) || TENS.containsKey(folded)
                || HUNDREDS.containsKey(folded) || folded.equals("hundred");
    }

    /** {@code text} with its dictated numbers as digits (the same string when it has none). */
    static Digitised digitise(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(TextFold.fold(m.group()).toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        StringBuilder out = new StringBuilder(text.length());
        int[] fromStart = new int[text.length() + 1];
        int[] fromEnd = new int[text.length() + 1];
        int copied = 0;
        int i = 0;
        while (i < words.size()) {
            int[] read = number(text, words, i);
            if (read == null) {
                i++;
                continue;
            }
            int first = words.get(i).start();
            int last = words.get(read[0] - 1).end();
            for (int c = copied; c < first; c++) {
                fromStart[out.length()] = c;
                fromEnd[out.length()] = c + 1;
                out.append(text.charAt(c));
            }
            String digits = read[2] < 0 ? Integer.toString(read[1]) : read[1] + "," + read[2];
            for (int c = 0; c < digits.length(); c++) {
                fromStart[out.length()] = first;
                fromEnd[out.length()] = last;
                out.append(digits.charAt(c));
            }
            copied = last;
            i = read[0];
        }
        if (copied == 0) {
            return new Digitised(text, null, null);
        }
        for (int c = copied; c < text.length(); c++) {
            fromStart[out.length()] = c;
            fromEnd[out.length()] = c + 1;
            out.append(text.charAt(c));
        }
        fromStart[out.length()] = text.length();
        fromEnd[out.length()] = text.length();
        return new Digitised(out.toString(), java.util.Arrays.copyOf(fromStart, out.length() + 1),
                java.util.Arrays.copyOf(fromEnd, out.length() + 1));
    }

    /** Only spaces (or one hyphen) between two words of one number. */
    private static boolean joined(String text, List<Word> words, int a, int b) {
        if (b >= words.size()) {
            return false;
        }
        String between = text.substring(words.get(a).end(), words.get(b).start());
        return between.matches(" {1,2}|-");
    }

    /** The number starting at word {@code i}: {next word index, integer value, decimal digit or -1}, or null. */
    private static int[] number(String text, List<Word> words, int i) {
        int j = i;
        int value = 0;
        boolean any = false;
        String w = words.get(j).folded();
        if (HUNDREDS.containsKey(w)) {
            value = HUNDREDS.get(w);
            any = true;
            j++;
        } else if (UNITS.containsKey(w) && joined(text, words, j, j + 1) && words.get(j + 1).folded().equals("hundred")) {
            value = UNITS.get(w) * 100;
            any = true;
            j += 2;
            if (joined(text, words, j - 1, j) && words.get(j).folded().equals("and")) {
                j++;
            }
        } else if ((w.equals("one") || w.equals("two")) && joined(text, words, j, j + 1)
                && (TENS.containsKey(words.get(j + 1).folded()) || TEENS.containsKey(words.get(j + 1).folded()))) {
            value = UNITS.get(w) * 100; // dictation shorthand: "one forty" is 140
            any = true;
            j++;
        }
        if (any && !(j < words.size() && joined(text, words, j - 1, j))) {
            return new int[] {j, value, -1};
        }
        if (j < words.size()) {
            String v = words.get(j).folded();
            if (TENS.containsKey(v)) {
                value += TENS.get(v);
                any = true;
                j++;
                if (j + 1 < words.size() && joined(text, words, j - 1, j) && words.get(j).folded().equals("y")
                        && joined(text, words, j, j + 1) && UNITS.containsKey(words.get(j + 1).folded())) {
                    value += UNITS.get(words.get(j + 1).folded());
                    j += 2;
                } else if (j < words.size() && joined(text, words, j - 1, j) && UNITS.containsKey(words.get(j).folded())
                        && !words.get(j).folded().startsWith("un")) {
                    value += UNITS.get(words.get(j).folded());
                    j++;
                }
            } else if (TEENS.containsKey(v)) {
                value += TEENS.get(v);
                any = true;
                j++;
            } else if (UNITS.containsKey(v)) {
                boolean lone = !any && (v.equals("un") || v.equals("una") || v.equals("uno") || v.equals("one"));
                if (!lone) {
                    value += UNITS.get(v);
                    any = true;
                    j++;
                }
            }
        }
        if (!any) {
            return null;
        }
        int decimal = -1;
        if (j + 1 < words.size() && joined(text, words, j - 1, j)
                && Set.of("coma", "con", "point").contains(words.get(j).folded())
                && joined(text, words, j, j + 1) && UNITS.containsKey(words.get(j + 1).folded())) {
            decimal = UNITS.get(words.get(j + 1).folded());
            j += 2;
        }
        return new int[] {j, value, decimal};
    }
}

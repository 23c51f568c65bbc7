package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.PhraseMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A fever form that holds a number ("temp 38.2 at home", "termometrada 38,5", "temps up to 101") is a fever only when
 * the number is one (issue 16, branch lay2): from 37.5 °C, or from 99.5 °F; "temp of 36.8 at home" is no finding of
 * fever, and a number that is no temperature at all (a blood pressure, a count) is none either.
 */
final class FeverReadings {

    private static final String FEVER = "E_91";
    private static final double LOWEST_CELSIUS = 37.5;
    private static final double HIGHEST_CELSIUS = 43.0;
    private static final double LOWEST_FAHRENHEIT = 99.5;
    private static final double HIGHEST_FAHRENHEIT = 109.0;

    private FeverReadings() {
    }

    /**
     * The matches without the fever forms whose number is no fever.
     *
     * @param words the (corrected) folded words, {@code null} at punctuation
     */
    static List<PhraseMatcher.Match<LexiconEntry>> keepFevers(List<PhraseMatcher.Match<LexiconEntry>> matches,
                                                              String[] words) {
        List<PhraseMatcher.Match<LexiconEntry>> out = new ArrayList<>(matches.size());
        for (PhraseMatcher.Match<LexiconEntry> m : matches) {
            LexiconEntry e = m.payload();
            if (e.evidence() == null || !FEVER.equals(e.evidence().evidence().value()) || isFever(number(words, m))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The first number the match holds (two digit words as whole and decimals: "38" "2" is 38.2), NaN when none. */
    private static double number(String[] words, PhraseMatcher.Match<LexiconEntry> m) {
        int end = m.first() + m.length();
        for (int k = m.first(); k < end; k++) {
            if (isDigits(words[k])) {
                String n = words[k];
                if (k + 1 < end && isDigits(words[k + 1]) && words[k + 1].length() <= 2) {
                    n += "." + words[k + 1];
                }
                return Double.parseDouble(n);
            }
        }
        return Double.NaN;
    }

    private static boolean isFever(double v) {
        return Double.isNaN(v) || v >= LOWEST_CELSIUS && v <= HIGHEST_CELSIUS
                || v >= LOWEST_FAHRENHEIT && v <= HIGHEST_FAHRENHEIT;
    }

    private static boolean isDigits(String w) {
        return w != null && !w.isEmpty() && w.length() <= 4 && w.chars().allMatch(Character::isDigit);
    }
}

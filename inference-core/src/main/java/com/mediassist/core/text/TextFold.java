package com.mediassist.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of clinical text for matching: lower case ({@link Locale#ROOT}) without diacritics, so
 * that "Ácido", "acido" and "ÁCIDO" compare equal, and an edit distance bounded for typo matching.
 * Every engine that matches what a doctor types goes through here, so they agree on what "the same
 * word" means.
 */
public final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFold() {
    }

    /**
     * Lower-cases and strips diacritics; keeps {@code ñ} distinct from {@code n} is not needed for
     * matching, so it folds to {@code n} as well. The result has the same length as the input for
     * Latin text, which keeps character offsets usable for spans.
     *
     * @param s any text; {@code null} gives the empty string
     * @return the folded text
     */
    public static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * Folds the text with {@link #fold(String)}, then turns every run of characters that are not
     * letters or digits into one space and drops leading and trailing ones, so that
     * "Ácido  acetil-salicílico." becomes "acido acetil salicilico". Used to match names and terms
     * word by word.
     *
     * @param s any text; {@code null} gives the empty string
     * @return the folded words separated by single spaces
     */
    public static String normaliseWords(String s) {
        String f = fold(s);
        StringBuilder b = new StringBuilder(f.length());
        boolean space = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    /**
     * Whether {@code b} is {@code a} with two adjacent, different characters swapped ("dsinea" and "disnea"), the
     * commonest typing slip that a Levenshtein distance counts as two edits.
     */
    public static boolean isAdjacentSwap(CharSequence a, CharSequence b) {
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i + 1 >= n || a.charAt(i) != b.charAt(i + 1) || a.charAt(i + 1) != b.charAt(i)) {
            return false;
        }
        for (int k = i + 2; k < n; k++) {
            if (a.charAt(k) != b.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Levenshtein distance between two strings, giving up early once it exceeds {@code max}.
     *
     * @return the distance, or {@code max + 1} when it is larger than {@code max}
     */
    public static int editDistance(CharSequence a, CharSequence b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }
}

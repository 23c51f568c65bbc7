package com.mediassist.core.summary.lexicon;

/**
 * A crude, deterministic inflection key for folded Spanish and English words, so that a lexicon form
 * matches the other number and gender forms of its words and Spanish verb forms: "vómitos", "vomita" and
 * "vomitando" all key to "vomit"; "hinchada" and "hinchados" to "hinchad"; "swells" to "swell";
 * "hipotiroidea" and "hipotiroidismo" to "hipotiroid"; "allergies" to "allergy". Words of fewer than
 * {@value #MIN_LENGTH} letters and words holding a digit are their own key, which keeps short function
 * words and the lexicon's number wildcard apart. No regular expressions: one pass over the word's end.
 *
 * <p>The key is only ever compared with other keys; it is no linguistic stem, and it is a fallback behind
 * exact matching (see {@link EvidenceLexicon}).
 */
public final class Inflection {

    /** Shortest word that is reduced. */
    static final int MIN_LENGTH = 5;
    /** Shortest key a suffix may leave. */
    private static final int MIN_STEM = 4;

    private Inflection() {
    }

    /** The key of one folded word ({@code null} stays {@code null}). */
    public static String key(String word) {
        if (word == null || word.length() < MIN_LENGTH || !allLetters(word)) {
            return word;
        }
        String w = word;
        if (w.endsWith("iendo") && w.length() >= 7) {
            return w.substring(0, w.length() - 5);
        }
        if (w.endsWith("ando") && w.length() >= 7) {
            return w.substring(0, w.length() - 4);
        }
        String verb = englishVerbStem(w);
        if (verb != null) {
            return trimVowels(verb);
        }
        String past = spanishPastStem(w);
        if (past != null) {
            return past;
        }
        if (w.endsWith("iness") && w.length() >= 8) {
            return w.substring(0, w.length() - 5) + "y";
        }
        if (w.endsWith("ness") && w.length() - 4 >= MIN_STEM) {
            return trimVowels(w.substring(0, w.length() - 4));
        }
        if (w.endsWith("ies") && w.length() >= 6) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ismo") && w.length() - 4 >= MIN_STEM) {
            return w.substring(0, w.length() - 4);
        }
        if (w.endsWith("ism") && w.length() - 3 >= MIN_STEM) {
            return w.substring(0, w.length() - 3);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        return trimVowels(w);
    }

    /**
     * English "-ing" and "-ed" forms to their stem ("wheezing", "wheezed" and "wheeze"; "vomited" and "vomit"), a
     * doubled final consonant undone ("stopped"), or {@code null}.
     */
    private static String englishVerbStem(String w) {
        String stem = null;
        if (w.endsWith("ing") && w.length() - 3 >= MIN_STEM) {
            stem = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() - 2 >= MIN_STEM) {
            stem = w.substring(0, w.length() - 2);
        }
        if (stem == null) {
            return null;
        }
        int n = stem.length();
        if (n > MIN_STEM && stem.charAt(n - 1) == stem.charAt(n - 2) && stem.charAt(n - 1) != 'l'
                && stem.charAt(n - 1) != 's' && !isGenderVowel(stem.charAt(n - 1))) {
            stem = stem.substring(0, n - 1);
        }
        return stem;
    }

    /**
     * Spanish imperfect and preterite forms of "-ar" verbs to the key of their present ("vomitaba", "vomitaron" and
     * "vomita"; "mareaba" and "mareo"), or {@code null}.
     */
    private static String spanishPastStem(String w) {
        for (String ending : PAST_ENDINGS) {
            if (w.endsWith(ending) && w.length() - ending.length() >= MIN_STEM) {
                return trimVowels(w.substring(0, w.length() - ending.length()));
            }
        }
        return null;
    }

    private static final String[] PAST_ENDINGS = {"abamos", "aban", "abas", "aba", "aron"};

    /** Keys of each word of {@code words} ({@code null} kept), in a new array. */
    public static String[] keys(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = key(words[i]);
        }
        return out;
    }

    /** Drops final a/e/o while the word keeps more than {@value #MIN_STEM} letters: gender and number vowels. */
    private static String trimVowels(String w) {
        int end = w.length();
        while (end > MIN_STEM && isGenderVowel(w.charAt(end - 1)) && end - 1 >= MIN_STEM) {
            end--;
        }
        return w.substring(0, end);
    }

    private static boolean isGenderVowel(char c) {
        return c == 'a' || c == 'e' || c == 'o';
    }

    private static boolean allLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

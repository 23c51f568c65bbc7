package com.mediassist.core.summary.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Longest-match lookup of multi-word phrases over a token list. Phrases are indexed by their first
 * word, so a lookup costs a hash probe plus a comparison against the few phrases sharing that word.
 * A phrase word {@value #NUMBER} (not first) stands for a number: one or more consecutive words
 * starting with a digit ("4", "4,5" read as two words, "8lb"), so "lost num lb" matches "lost 8 lb".
 * A matcher built with insertable words lets up to {@value #MAX_INSERTED} of them stand inside a phrase
 * ("tímpano derecho abombado" matches "tímpano abombado").
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

    /** A phrase found at {@code [first, first + length)} of the word array. */
    public record Match<T>(int first, int length, T payload) {
    }

    private record Entry<T>(String[] words, T payload) {
    }

    /** The phrase word that matches a number. */
    public static final String NUMBER = "num";

    /** Most insertable words a match may hold. */
    public static final int MAX_INSERTED = 2;

    private final Map<String, List<Entry<T>>> byFirst = new HashMap<>();
    private final Set<String> insertable;
    private final Set<String> interchangeable;
    private int maxWords;

    /** A matcher that takes phrases word for word. */
    public PhraseMatcher() {
        this(Set.of());
    }

    /**
     * A matcher that lets words of {@code insertable} (folded: laterality, degree) stand between the words of a
     * phrase.
     */
    public PhraseMatcher(Set<String> insertable) {
        this(insertable, Set.of());
    }

    /**
     * A matcher that also lets any word of {@code interchangeable} (folded prepositions: "on", "when", "with")
     * stand for another inside a phrase, never as its first or last word: "burning on passing urine" matches
     * "burning when passing urine".
     */
    public PhraseMatcher(Set<String> insertable, Set<String> interchangeable) {
        this.insertable = Set.copyOf(insertable);
        this.interchangeable = Set.copyOf(interchangeable);
    }

    /** Adds a phrase; a phrase added twice keeps its first payload. */
    public void add(String phrase, T payload) {
        add(Tokenizer.words(phrase), payload);
    }

    /** Adds a phrase given as its (folded) words; a phrase added twice keeps its first payload. */
    public void add(String[] words, T payload) {
        if (words.length == 0) {
            return;
        }
        List<Entry<T>> list = byFirst.computeIfAbsent(words[0], k -> new ArrayList<>(2));
        for (Entry<T> e : list) {
            if (Arrays.equals(e.words(), words)) {
                return;
            }
        }
        list.add(new Entry<>(words, payload));
        list.sort(Comparator.comparingInt((Entry<T> e) -> e.words().length).reversed());
        maxWords = Math.max(maxWords, words.length);
    }

    /** Whether any phrase starts with {@code word}. */
    public boolean startsWith(String word) {
        return byFirst.containsKey(word);
    }

    /**
     * The longest phrase starting at {@code words[i]}, or {@code null}. {@code words[k] == null}
     * marks a position no phrase may cross (punctuation).
     */
    public Match<T> longestAt(String[] words, int i) {
        String w = words[i];
        if (w == null) {
            return null;
        }
        List<Entry<T>> list = byFirst.get(w);
        if (list == null) {
            return null;
        }
        Match<T> best = null;
        for (Entry<T> e : list) {
            int length = matchLength(e.words(), words, i);
            if (length > 0 && (best == null || length > best.length())) {
                best = new Match<>(i, length, e.payload());
            }
        }
        return best;
    }

    /** Words of {@code words} from {@code i} that {@code phrase} covers, or 0 when it does not match. */
    private int matchLength(String[] phrase, String[] words, int i) {
        int at = i + 1;
        int inserted = 0;
        for (int k = 1; k < phrase.length; k++) {
            while (inserted < MAX_INSERTED && at + 1 < words.length && words[at] != null && insertable.contains(words[at])
                    && !phrase[k].equals(words[at]) && !NUMBER.equals(phrase[k])) {
                at++;
                inserted++;
            }
            if (NUMBER.equals(phrase[k])) {
                if (!isNumber(words, at)) {
                    return 0;
                }
                while (isNumber(words, at)) {
                    at++;
                }
            } else if (at < words.length && (phrase[k].equals(words[at]) || k < phrase.length - 1 && words[at] != null
                    && interchangeable.contains(phrase[k]) && interchangeable.contains(words[at]))) {
                at++;
            } else {
                return 0;
            }
        }
        return at - i;
    }

    private static boolean isNumber(String[] words, int at) {
        return at < words.length && words[at] != null && !words[at].isEmpty()
                && Character.isDigit(words[at].charAt(0));
    }

    /** All non-overlapping longest matches, left to right. */
    public List<Match<T>> findAll(String[] words) {
        return scan(words.length, i -> longestAt(words, i));
    }

    /**
     * All non-overlapping matches of {@code n} words, left to right, {@code at} giving the match (or
     * {@code null}) starting at a word.
     */
    static <T> List<Match<T>> scan(int n, java.util.function.IntFunction<Match<T>> at) {
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            Match<T> m = at.apply(i);
            if (m != null) {
                out.add(m);
                i += m.length();
            } else {
                i++;
            }
        }
        return out;
    }

    public int maxWords() {
        return maxWords;
    }

    /** Every distinct word of every phrase. */
    public List<String> vocabulary() {
        List<String> out = new ArrayList<>();
        for (List<Entry<T>> list : byFirst.values()) {
            for (Entry<T> e : list) {
                out.addAll(Arrays.asList(e.words()));
            }
        }
        return out;
    }
}

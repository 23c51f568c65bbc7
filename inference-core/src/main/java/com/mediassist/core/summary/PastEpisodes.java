package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.TsvResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Self-limited illnesses told as an earlier episode ({@code summary/past-episodes.tsv}): "hace 10 días cuadro
 * catarral", "Had an ear infection 3 weeks ago", "started as a cold". Under the annotation conventions such an
 * antecedent is past history even in running text, while a symptom with the same time words ("Hace 3 días, dolor
 * urente") is how long the present illness has lasted. Immutable once loaded.
 */
final class PastEpisodes {

    private static final String PATH = "summary/past-episodes.tsv";

    private final Set<String> illnesses = new HashSet<>();
    private final List<String[]> earlier = new ArrayList<>();

    private PastEpisodes() {
    }

    static PastEpisodes loadDefault() {
        PastEpisodes p = new PastEpisodes();
        for (TsvResource.Row row : TsvResource.read(PATH, 2)) {
            String kind = row.cells()[0];
            String[] words = row.cells()[1].trim().split(" ");
            switch (kind) {
                case "illness" -> p.illnesses.add(words[0]);
                case "earlier" -> p.earlier.add(words);
                default -> throw new KnowledgeFileException(PATH + " line " + row.line() + ": unknown kind \"" + kind
                        + "\"; expected illness or earlier");
            }
        }
        return p;
    }

    /** Whether folded words {@code [first, end)} name a self-limited illness. */
    boolean namesIllness(String[] words, int first, int end) {
        for (int k = first; k < end; k++) {
            if (words[k] != null && illnesses.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** Words an earlier phrase may stand from the illness ("Hace 3 semanas tomó amoxicilina por otra otitis"). */
    static final int REACH = 5;

    /**
     * Whether, within {@value #REACH} words of the finding at {@code [first, last)} and inside its sentence
     * {@code [start, end)}, a phrase places it earlier than the present illness ("hace 10 días", "3 weeks ago",
     * "la semana previa"), not counting "desde hace …".
     */
    boolean tellsEarlier(String[] words, int first, int last, int start, int end) {
        int from = Math.max(start, first - REACH - 3);
        int to = Math.min(end, last + REACH);
        for (int i = from; i < to; i++) {
            for (String[] phrase : earlier) {
                if (matchesAt(words, i, to, phrase) && !(i > start && "desde".equals(words[i - 1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(String[] words, int i, int end, String[] phrase) {
        if (i + phrase.length > end) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            String w = words[i + k];
            if (w == null) {
                return false;
            }
            boolean number = !w.isEmpty() && w.chars().allMatch(Character::isDigit);
            if (!(phrase[k].equals(w) || "0".equals(phrase[k]) && number)) {
                return false;
            }
        }
        return true;
    }
}

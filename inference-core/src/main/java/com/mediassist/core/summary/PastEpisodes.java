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
    private final List<String[]> current = new ArrayList<>();

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
                case "current" -> p.current.add(words);
                default -> throw new KnowledgeFileException(PATH + " line " + row.line() + ": unknown kind \"" + kind
                        + "\"; expected illness, earlier or current");
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
     * Whether, within about {@value #REACH} words of the finding at {@code [first, last)} (a phrase of up to three
     * words may start that far) and inside its sentence
     * {@code [start, end)}, a phrase places it earlier than the present illness ("hace 10 días", "3 weeks ago",
     * "la semana previa"), not counting "desde hace …".
     */
    boolean tellsEarlier(String[] words, int first, int last, int start, int end) {
        int from = Math.max(start, first - REACH - 3);
        int to = Math.min(end, last + REACH + 3);
        for (int i = from; i < to; i++) {
            for (String[] phrase : earlier) {
                if (matchesAt(words, i, to, phrase) && !(i > start && "desde".equals(words[i - 1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether sentence {@code [start, end)} tells how long a complaint of this visit has lasted ("desde hace 2 días",
     * "since yesterday", "for 3 days"): a sentence under a past-history heading that does is the present illness
     * ("Antecedentes personales: TVP en 2018. Dolor en pantorrilla desde hace 2 días").
     */
    boolean tellsCurrent(String[] words, int start, int end) {
        for (int i = start; i < end; i++) {
            for (String[] phrase : current) {
                if (matchesAt(words, i, end, phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether sentence {@code [start, end)} holds a phrase that places something before this visit ("2 days ago",
     * "last week"): in an examination guessed from cue words rather than headed, such a sentence is still the history.
     */
    boolean tellsEarlierInSentence(String[] words, int start, int end) {
        for (int i = start; i < end; i++) {
            for (String[] phrase : earlier) {
                if (phrase.length > 1 && matchesAt(words, i, end, phrase) && !(i > start && "desde".equals(words[i - 1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words a year may stand from the finding inside its clause ("En 2019 tuvo una neumonía", "IAM en 2015 con stent"). */
    static final int YEAR_REACH = 4;
    /** Words before a year that make it the start of what goes on, not the time of an earlier episode. */
    private static final Set<String> ONGOING = Set.of("desde", "since", "diagnosed", "diagnosticado", "diagnosticada",
            "diagnosticados", "diagnosticadas", "dx", "from");
    /** Words that may stand right before a year naming when something happened. */
    private static final Set<String> YEAR_LEAD = Set.of("en", "in", "el", "ano", "year", "del", "of");

    /**
     * Whether a calendar year (1950–2099) stands within {@value #YEAR_REACH} words of the finding at {@code [first,
     * end)} inside its clause, right after the finding or after "en"/"in", and no "desde"/"since"/"diagnosed" comes
     * before it in the clause ("Pneumonia in 2019", "IAM en 2015 con stent"; not "asma desde 2010").
     */
    boolean dated(String[] words, int first, int end, int start, int sentenceEnd) {
        int from = first;
        while (from > start && from > first - YEAR_REACH && words[from - 1] != null) {
            from--;
        }
        int to = end;
        while (to < sentenceEnd && to < end + YEAR_REACH && words[to] != null) {
            to++;
        }
        for (int i = from; i < to; i++) {
            if (i >= first && i < end || !isYear(words[i])) {
                continue;
            }
            boolean led = i == end || i > start && words[i - 1] != null && YEAR_LEAD.contains(words[i - 1]);
            if (!led) {
                continue;
            }
            for (int k = from; k < i; k++) {
                if (words[k] != null && ONGOING.contains(words[k])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isYear(String w) {
        if (w == null || w.length() != 4 || !w.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int y = Integer.parseInt(w);
        return y >= 1950 && y <= 2099;
    }

    /** Counts written in words, read where a phrase has a number ("ten days ago", "hace diez días"). */
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "fourteen", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
            "nueve", "diez", "once", "doce", "catorce", "quince");

    private static boolean matchesAt(String[] words, int i, int end, String[] phrase) {
        if (i + phrase.length > end) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            String w = words[i + k];
            if (w == null) {
                return false;
            }
            boolean number = !w.isEmpty() && w.chars().allMatch(Character::isDigit) || NUMBER_WORDS.contains(w);
            if (!(phrase[k].equals(w) || "0".equals(phrase[k]) && number)) {
                return false;
            }
        }
        return true;
    }
}

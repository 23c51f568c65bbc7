package com.mediassist.core.summary.negation;

import com.mediassist.core.summary.FindingStatus;
import com.mediassist.core.summary.lexicon.PhraseMatcher;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides the ConText status of findings in one note. Built per note from its words; immutable
 * rules are shared.
 *
 * <p>Scopes: a forward trigger reaches findings to its right up to {@value #FORWARD_WINDOW} words, a
 * backward one findings to its left up to {@value #BACKWARD_WINDOW} words; both stop at a sentence
 * boundary (a {@code null} word) and at a terminating phrase.
 */
public final class ContextAnnotator {

    static final int FORWARD_WINDOW = 14;
    static final int BACKWARD_WINDOW = 5;

    /** A trigger occurrence. */
    private record Hit(int first, int length, ContextRule rule) {
    }

    /** Words that may sit between a trigger and a comma without ending a list ("sin fiebre ni tos, ..."). */
    private static final Set<String> CONNECTORS = Set.of("ni", "o", "u", "y", "e", "nor", "or", "and", "de", "del",
            "la", "el", "los", "las", "en", "a", "al", "the", "of", "in", "any", "otra", "otros", "otras", "signos",
            "clinica", "datos", "episodios", "other", "signs", "symptoms", "sintomas");

    /**
     * Denial verbs that head a list whose items need not be bare findings ("Denies exertional component,
     * leg swelling, hemoptysis"): their scope crosses commas past unrelated words, unlike "sin" or "no".
     */
    private static final Set<String> LIST_DENIALS = Set.of("niega", "niegan", "denies", "denied", "deny", "no refiere",
            "no presenta", "negative for", "negativo para");
    /** Words that start a new assertion inside a sentence; a list denial stops at them ("niega fiebre, refiere tos"). */
    private static final Set<String> ASSERTIONS = Set.of("refiere", "refieren", "presenta", "presento", "tiene", "aqueja",
            "describe", "pero", "aunque", "salvo", "excepto", "reports", "reported", "has", "had", "complains", "notes",
            "noted", "endorses", "describes", "but", "except", "although", "however", "with", "con", "now", "ahora");

    private final Hit[] at;
    private final String[] words;
    private final boolean[] isFinding;

    /**
     * @param rules    the trigger rules
     * @param words    folded words of the note, {@code null} at sentence boundaries
     * @param isFinding {@code true} at words that belong to a recognised finding; triggers are not
     *                 searched inside findings ("no huele" is a finding, not "no" + "huele")
     */
    public ContextAnnotator(ContextRules rules, String[] words, boolean[] isFinding) {
        this.words = words;
        this.isFinding = isFinding;
        at = new Hit[words.length];
        PhraseMatcher<ContextRule> m = rules.matcher();
        int i = 0;
        while (i < words.length) {
            if (isFinding[i]) {
                i++;
                continue;
            }
            PhraseMatcher.Match<ContextRule> match = m.longestAt(words, i);
            if (match == null) {
                i++;
                continue;
            }
            int len = match.length();
            for (int k = 1; k < len; k++) {
                if (isFinding[i + k]) {
                    len = k;
                    break;
                }
            }
            if (len != match.length()) {
                i++;
                continue;
            }
            Hit h = new Hit(i, len, match.payload());
            for (int k = 0; k < len; k++) {
                at[i + k] = h;
            }
            i += len;
        }
    }

    /** Whether word {@code i} is part of a trigger phrase. */
    public boolean isTrigger(int i) {
        return at[i] != null;
    }

    /**
     * Categories reaching the finding at words {@code [first, end)}.
     *
     * @param sentenceStart words before this index are out of reach
     * @param sentenceEnd   words from this index on are out of reach
     */
    public Set<TriggerCategory> categoriesFor(int first, int end, int sentenceStart, int sentenceEnd) {
        Set<TriggerCategory> out = EnumSet.noneOf(TriggerCategory.class);
        int seen = 0;
        boolean crossedComma = false;
        boolean clean = true;
        boolean asserted = false;
        for (int i = first - 1; i >= sentenceStart && seen < FORWARD_WINDOW; i--) {
            if (words[i] == null) {
                // a comma: the scope goes on only through a list of findings ("niega fiebre, tos")
                crossedComma = true;
                clean = true;
                continue;
            }
            Hit h = at[i];
            if (h == null) {
                if (!isFinding[i] && !CONNECTORS.contains(words[i])) {
                    clean = false;
                    asserted |= ASSERTIONS.contains(words[i]);
                }
                seen++;
                continue;
            }
            ContextRule r = h.rule();
            if (r.category() == TriggerCategory.TERMINATE) {
                break;
            }
            if (r.direction() == Direction.FORWARD || r.direction() == Direction.BIDIRECTIONAL) {
                boolean listDenial = r.category() == TriggerCategory.NEGATED && LIST_DENIALS.contains(r.phrase())
                        && !asserted;
                if (crossedComma && !clean && !listDenial) {
                    break;
                }
                out.add(r.category());
            } else {
                clean = false;
            }
            i = h.first();
            seen++;
        }
        seen = 0;
        for (int i = end; i < sentenceEnd && seen < BACKWARD_WINDOW; i++) {
            if ("no".equals(words[i]) && (i + 1 >= sentenceEnd || words[i + 1] == null)) {
                // "Coluria no." / "fiebre: no": a closing "no" denies what precedes it
                out.add(TriggerCategory.NEGATED);
                break;
            }
            Hit h = at[i];
            if (h == null) {
                seen++;
                continue;
            }
            ContextRule r = h.rule();
            if (r.category() == TriggerCategory.TERMINATE) {
                break;
            }
            if (r.direction() == Direction.BACKWARD || r.direction() == Direction.BIDIRECTIONAL) {
                out.add(r.category());
            }
            i = h.first() + h.length() - 1;
            seen++;
        }
        out.remove(TriggerCategory.PSEUDO);
        out.remove(TriggerCategory.TERMINATE);
        return out;
    }

    /**
     * The status for a set of categories, by precedence denied, family, hypothetical, historical.
     */
    public static FindingStatus statusOf(Set<TriggerCategory> categories, FindingStatus fallback) {
        if (categories.contains(TriggerCategory.NEGATED)) {
            return FindingStatus.DENIED;
        }
        if (categories.contains(TriggerCategory.FAMILY)) {
            return FindingStatus.FAMILY;
        }
        if (categories.contains(TriggerCategory.HYPOTHETICAL)) {
            return FindingStatus.HYPOTHETICAL;
        }
        if (categories.contains(TriggerCategory.HISTORICAL)) {
            return FindingStatus.HISTORICAL;
        }
        return fallback;
    }
}

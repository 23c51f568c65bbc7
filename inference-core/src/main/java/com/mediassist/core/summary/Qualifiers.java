package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.PhraseMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lexicon forms that only say when a finding happens ("at night", "por la noche", "nocturna", "en reposo",
 * "at rest") qualify the finding written right before them in the same clause: "tos de predominio nocturno" is
 * one finding, a cough with the night-time evidence as its value, not a cough and a separate finding "predominio
 * nocturno" (which would also escape the cough's negation or family status). Written on their own ("Worse at
 * night.") they stay findings.
 */
final class Qualifiers {

    /** DDXPlus evidences that qualify another finding: worse at night, pain even at rest, with exertion, lying down. */
    private static final Set<String> QUALIFYING = Set.of("E_219", "E_14", "E_218", "E_217");
    /**
     * "Chest pain even at rest": a rest qualifier answers it only after a pain; "disnea de reposo", "breathless at
     * rest" is the dyspnoea, merged without the chest-pain evidence.
     */
    private static final String PAIN_AT_REST = "E_14";
    private static final String DYSPNOEA = "E_66";
    /** Symptoms worse with exertion, better with rest (the exertion qualifier). */
    private static final String WORSE_WITH_EXERTION = "E_218";
    /** Out of breath with (minimal) effort. */
    private static final String ON_EXERTION = "E_64";
    /** Folded words naming an effort. */
    private static final Set<String> EFFORTS = Set.of("caminar", "andar", "caminando", "andando", "subir", "subiendo",
            "escaleras", "escalera", "cuestas", "cuesta", "esfuerzo", "esfuerzos", "walking", "walk", "stairs", "upstairs",
            "climbing", "hills", "hill", "exertion", "exercise", "exercising", "effort");
    /** Words looked at after the dyspnoea for the effort. */
    private static final int EFFORT_REACH = 5;
    /** Most words between the finding and its qualifier ("tos de predominio nocturno", "cough mainly at night"). */
    private static final int MAX_GAP = 2;
    /** Words that may stand between a finding and its qualifier. */
    private static final Set<String> LINKS = Set.of("de", "con", "sobre", "todo", "mas", "más", "predominio", "que",
            "empeora", "peor", "aumenta", "mainly", "mostly", "especially", "worse", "which", "that", "is", "are", "even",
            "incluso", "tambien", "also", "sobretodo");

    private Qualifiers() {
    }

    /**
     * The matches with each qualifier that follows a finding in the same clause merged into that finding (its span
     * grown to cover the qualifier, the qualifier's evidence added to its values).
     *
     * @param words the (corrected) folded words the matches were found in, {@code null} at punctuation
     */
    static List<PhraseMatcher.Match<LexiconEntry>> attach(List<PhraseMatcher.Match<LexiconEntry>> matches, String[] words) {
        List<PhraseMatcher.Match<LexiconEntry>> out = new ArrayList<>(matches.size());
        for (PhraseMatcher.Match<LexiconEntry> m : matches) {
            PhraseMatcher.Match<LexiconEntry> host = out.isEmpty() ? null : out.get(out.size() - 1);
            if (host != null && qualifies(m.payload()) && host.payload().inherent() == null && joined(words, host, m)) {
                LexiconEntry h = host.payload();
                List<Finding> values = new ArrayList<>(h.values());
                if (!PAIN_AT_REST.equals(m.payload().evidence().evidence().value()) || h.isPain()) {
                    values.add(m.payload().evidence());
                    values.addAll(m.payload().values());
                }
                out.set(out.size() - 1, new PhraseMatcher.Match<>(host.first(), m.first() + m.length() - host.first(),
                        new LexiconEntry(h.evidence(), values, h.inherent(), h.concept())));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Dyspnoea followed in its clause by an effort ("disnea al subir un piso", "se ahoga al caminar", "breathless
     * walking to the mailbox", "out of breath on stairs") is dyspnoea on exertion: E_64 is added to its values.
     *
     * @param words the (corrected) folded words, {@code null} at punctuation
     */
    static List<PhraseMatcher.Match<LexiconEntry>> exertion(List<PhraseMatcher.Match<LexiconEntry>> matches, String[] words) {
        List<PhraseMatcher.Match<LexiconEntry>> out = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            PhraseMatcher.Match<LexiconEntry> m = matches.get(i);
            LexiconEntry e = m.payload();
            if (e.evidence() != null && DYSPNOEA.equals(e.evidence().evidence().value())
                    && e.values().stream().noneMatch(v -> ON_EXERTION.equals(v.evidence().value()))) {
                int end = i + 1 < matches.size() ? matches.get(i + 1).first() : words.length;
                int from = m.first() + m.length();
                // "SOB on exertion": the exertion qualifier already merged into the dyspnoea
                boolean effort = e.values().stream().anyMatch(v -> WORSE_WITH_EXERTION.equals(v.evidence().value()));
                for (int k = from; !effort && k < Math.min(end, from + EFFORT_REACH) && words[k] != null; k++) {
                    effort = EFFORTS.contains(words[k]);
                }
                if (effort) {
                    List<Finding> values = new ArrayList<>(e.values());
                    values.add(Finding.of(ON_EXERTION, null));
                    m = new PhraseMatcher.Match<>(m.first(), m.length(),
                            new LexiconEntry(e.evidence(), values, e.inherent(), e.concept()));
                }
            }
            out.add(m);
        }
        return out;
    }

    private static boolean qualifies(LexiconEntry e) {
        return e.evidence() != null && e.inherent() == null && QUALIFYING.contains(e.evidence().evidence().value());
    }

    private static boolean joined(String[] words, PhraseMatcher.Match<LexiconEntry> host, PhraseMatcher.Match<LexiconEntry> m) {
        int from = host.first() + host.length();
        if (m.first() - from > MAX_GAP) {
            return false;
        }
        for (int k = from; k < m.first(); k++) {
            if (words[k] == null || !LINKS.contains(words[k])) {
                return false;
            }
        }
        return true;
    }
}

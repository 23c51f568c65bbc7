package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.PhraseMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Short lexicon forms that name a circumstance or a hallmark only in the right company (issue 21, branch fit10): the
 * words around them decide what they say. Without these checks a note misleads the differential with findings the
 * patient does not have:
 * <ul>
 *   <li>"breathing in", "al respirar" is pain on deep breathing ({@code E_220}) and "al girarse en la cama", "on
 *   movement" pain with movement ({@code E_216}) only next to words of pain (this sentence or the one before): "a
 *   whoop when she breathes in" is the whoop, "vueltas al girarse en la cama" a positional vertigo;</li>
 *   <li>"at rest", "en reposo" alone is chest pain at rest ({@code E_14}) only when nothing but pain could be meant
 *   ("Stridor only when crying, none at rest" says the stridor is absent at rest);</li>
 *   <li>"lying down", "tumbado" is worse lying down ({@code E_217}) unless it says what improves or goes away then
 *   ("the lump disappears lying down", "goes back in when lying down");</li>
 *   <li>"fit" next to coughing is a coughing fit, not a seizure ({@code E_43}), and vomiting "after a fit", "after
 *   coughing", or just "after" coughing fits is vomiting after coughing ({@code E_166});</li>
 *   <li>a cough named as what brings on another complaint ("comes out when he lifts or coughs") is that complaint's
 *   trigger ({@code E_221}), not a cough of the patient ({@code E_201}).</li>
 * </ul>
 */
final class HallmarkContexts {

    /** Pain increased by deep breathing, by movement: the words of breathing or moving alone say no pain. */
    private static final Set<String> PAIN_WITH = Set.of("E_220", "E_216");
    private static final String PAIN_AT_REST = "E_14";
    private static final String WORSE_LYING_DOWN = "E_217";
    private static final String SEIZURE = "E_43";
    private static final String COUGH = "E_201";
    private static final String WORSE_WITH_COUGH_OR_EFFORT = "E_221";
    private static final String VOMITING_AFTER_COUGHING = "E_166";
    private static final Set<String> VOMITING = Set.of("E_211", "E_148");

    /** Folded words that make a sentence one about pain. */
    private static final Set<String> PAIN_WORDS = Set.of("dolor", "dolores", "duele", "duelen", "doloroso", "dolorosa",
            "molestia", "molestias", "pinchazo", "pinchazos", "punzante", "pleuritico", "pleuritica", "costal",
            "pain", "pains", "painful", "hurts", "hurt", "hurting", "ache", "aches", "aching", "sore", "pleuritic",
            "discomfort", "stabbing", "sharp", "cefalea", "colico", "colic", "tenderness");
    /** Words that deny what follows them at once ("none at rest"). */
    private static final Set<String> NONE = Set.of("none", "not", "no", "nor", "ni", "nunca", "never", "sin", "without");
    /** Words of a complaint that eases or goes away. */
    private static final Set<String> RELIEF = Set.of("disappears", "disappear", "disappeared", "goes", "back", "away",
            "reduces", "reduce", "reducible", "better", "improves", "improved", "eases", "eased", "settles", "settled",
            "relieved", "desaparece", "desaparecen", "desaparecia", "mejora", "mejoran", "cede",
            "ceden", "alivia", "alivian", "va", "mete", "vuelve", "retrae", "reintroduce", "reductible");
    /** Words of worsening, which end a relief's reach ("relieved by leaning forward, worse lying flat"). */
    private static final Set<String> WORSENING = Set.of("worse", "worsens", "worsened", "increases", "increased",
            "peor", "empeora", "empeoran", "aumenta", "aumentan");
    /** Folded words of the lying position in the forms of worse lying down. */
    private static final Set<String> LYING = Set.of("lying", "lie", "lies", "flat", "supine", "tumbado", "tumbada",
            "tumbarse", "acostado", "acostada", "acostarse", "decubito", "echarse", "echado", "echada");
    /** Folded words of coughing. */
    private static final Set<String> COUGH_WORDS = Set.of("cough", "coughs", "coughing", "coughed", "tussive",
            "post-tussive", "paroxysm", "paroxysms", "paroxysmal", "whoop", "tos", "tose", "toser", "tosiendo",
            "accesos", "quintas", "emetizante");
    /** Words that may follow "vomits after" when what it follows is the coughing. */
    private static final Set<String> AFTER_COUGHING = Set.of("a", "the", "fit", "fits", "bout", "bouts", "paroxysm",
            "paroxysms", "them", "it", "episodes", "attack", "attacks", "spell", "spells", "coughing", "cough", "coughs",
            "de", "la", "las", "los", "el", "acceso", "accesos", "toser", "tos", "crisis", "ataque", "ataques");
    private static final Set<String> AFTER = Set.of("after", "afterwards", "despues", "tras", "luego");
    /** Words that join a trigger and the cough that is another trigger ("when he lifts or coughs"). */
    private static final Set<String> TRIGGER_LINKS = Set.of("or", "and", "o", "y", "he", "she", "when", "cuando", "al");
    /** How many words before a "fit" or a vomiting are looked at for coughing. */
    private static final int COUGH_REACH = 40;
    /** How many words before "lying down" a relief word still governs it. */
    private static final int RELIEF_REACH = 4;

    private HallmarkContexts() {
    }

    /**
     * The matches with the forms above dropped or recoded by their company.
     *
     * @param words         the (corrected) folded words, {@code null} at punctuation
     * @param sentenceStart the first word of each word's sentence
     * @param sentenceEnd   the word after each word's sentence
     */
    static List<PhraseMatcher.Match<LexiconEntry>> revise(List<PhraseMatcher.Match<LexiconEntry>> matches, String[] words,
                                                          int[] sentenceStart, int[] sentenceEnd) {
        List<PhraseMatcher.Match<LexiconEntry>> out = new ArrayList<>(matches.size());
        for (PhraseMatcher.Match<LexiconEntry> m : matches) {
            LexiconEntry e = m.payload();
            String code = e.evidence() == null || e.inherent() != null ? null : e.evidence().evidence().value();
            int first = m.first();
            int end = first + m.length();
            if (code == null) {
                out.add(m);
            } else if (PAIN_WITH.contains(code) && !painNear(words, first, sentenceStart, sentenceEnd)) {
                continue;
            } else if (PAIN_AT_REST.equals(code) && !any(words, first, end, PAIN_WORDS)
                    && (first > 0 && in(NONE, words[first - 1]) || !any(words, sentenceStart[first], sentenceEnd[first], PAIN_WORDS)
                    && otherFindingBefore(out, sentenceStart[first]))) {
                continue;
            } else if (WORSE_LYING_DOWN.equals(code) && any(words, first, end, LYING) && relievedBefore(words, first, sentenceStart[first])) {
                continue;
            } else if (SEIZURE.equals(code) && m.length() == 1 && coughingFitsBefore(words, first)) {
                continue;
            } else if (COUGH.equals(code) && triggerBefore(out, words, first, sentenceStart[first])) {
                continue;
            } else if (VOMITING.contains(code) && vomitsAfterCoughing(words, first, end)) {
                out.add(new PhraseMatcher.Match<>(first, m.length(),
                        new LexiconEntry(Finding.of(VOMITING_AFTER_COUGHING, null), List.of(), null)));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    /** A pain word in the sentence of the word at {@code first} or in the sentence before it. */
    private static boolean painNear(String[] words, int first, int[] sentenceStart, int[] sentenceEnd) {
        int from = sentenceStart[first] > 0 ? sentenceStart[sentenceStart[first] - 1] : sentenceStart[first];
        for (int k = from; k < Math.min(sentenceEnd[first], words.length); k++) {
            String w = words[k];
            // lumbalgia, cervicalgia, neuralgia; headache, backache, earache
            if (w != null && (PAIN_WORDS.contains(w) || w.endsWith("algia") || w.endsWith("algias") || w.endsWith("ache")
                    || w.endsWith("aches"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean in(Set<String> set, String word) {
        return word != null && set.contains(word);
    }

    private static boolean any(String[] words, int from, int to, Set<String> set) {
        for (int k = Math.max(0, from); k < Math.min(to, words.length); k++) {
            if (words[k] != null && set.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** A finding other than pain read earlier in the sentence, which a bare "at rest" then qualifies. */
    private static boolean otherFindingBefore(List<PhraseMatcher.Match<LexiconEntry>> kept, int sentenceStart) {
        for (int i = kept.size() - 1; i >= 0 && kept.get(i).first() >= sentenceStart; i--) {
            LexiconEntry e = kept.get(i).payload();
            if (e.evidence() != null && !e.isPain()) {
                return true;
            }
        }
        return false;
    }

    private static boolean relievedBefore(String[] words, int first, int sentenceStart) {
        for (int k = first - 1; k >= Math.max(sentenceStart, first - RELIEF_REACH); k--) {
            if (words[k] == null || WORSENING.contains(words[k])) {
                return false;
            }
            if (RELIEF.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** "a fit" after the note has named coughing fits ("coughing fits", "fits of coughing") in the words before. */
    private static boolean coughingFitsBefore(String[] words, int first) {
        for (int k = first - 1; k >= Math.max(1, first - COUGH_REACH); k--) {
            boolean fit = "fit".equals(words[k]) || "fits".equals(words[k]);
            if (fit && (in(COUGH_WORDS, words[k - 1]) || k + 2 < words.length && "of".equals(words[k + 1])
                    && in(COUGH_WORDS, words[k + 2]))) {
                return true;
            }
        }
        return first > 0 && in(COUGH_WORDS, words[first - 1]);
    }

    /** The cough right after a trigger of another complaint, joined to it by "or", "and", "when". */
    private static boolean triggerBefore(List<PhraseMatcher.Match<LexiconEntry>> kept, String[] words, int first, int sentenceStart) {
        if (kept.isEmpty()) {
            return false;
        }
        PhraseMatcher.Match<LexiconEntry> prev = kept.get(kept.size() - 1);
        LexiconEntry e = prev.payload();
        if (prev.first() < sentenceStart || e.evidence() == null
                || !WORSE_WITH_COUGH_OR_EFFORT.equals(e.evidence().evidence().value())) {
            return false;
        }
        int from = prev.first() + prev.length();
        if (first - from > 3 || first == from) {
            return false;
        }
        for (int k = from; k < first; k++) {
            if (words[k] == null || !TRIGGER_LINKS.contains(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** "vomits after a fit", "sometimes vomits after." in a passage about coughing. */
    private static boolean vomitsAfterCoughing(String[] words, int first, int end) {
        if (end >= words.length || words[end] == null || !AFTER.contains(words[end])) {
            return false;
        }
        boolean coughAfter = false;
        for (int k = end + 1; k < Math.min(words.length, end + 4) && words[k] != null; k++) {
            if (!AFTER_COUGHING.contains(words[k])) {
                return false;
            }
            coughAfter |= COUGH_WORDS.contains(words[k]);
        }
        return coughAfter || any(words, Math.max(0, first - COUGH_REACH), first, COUGH_WORDS);
    }
}

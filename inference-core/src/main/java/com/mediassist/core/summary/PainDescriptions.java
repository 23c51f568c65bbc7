package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.summary.lexicon.LexiconEntry;
import com.mediassist.core.summary.lexicon.PhraseMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Pain said by what it feels like and where, without the word "pain" (issue 16, branch lay2): a feeling word and a
 * place, in either order, joined only by the small words that place it ("pressure behind the breastbone",
 * "heaviness in the centre of his chest", "punzada en el costado derecho", "presión detrás del esternón", "como un
 * puño en el centro del pecho", "substernal pressure", "retrosternal discomfort") is a pain, E_53; its place and
 * character are then read by the pain modifiers like any other pain's. A constricting feeling in the throat
 * ("opresión en la garganta", "tightness in her throat") is the choking evidence, E_75. Words a lexicon form already
 * took are left to it.
 */
final class PainDescriptions {

    private static final String PAIN = "E_53";
    private static final String CHOKING = "E_75";
    /** Folded words for what a pain feels like, used as nouns. */
    private static final Set<String> FEELINGS = Set.of("pressure", "heaviness", "tightness", "squeezing", "discomfort",
            "ache", "aching", "soreness", "stitch", "stabbing", "tight", "heavy", "crushing", "constriction",
            "opresion", "presion", "peso", "pesadez", "tirantez", "punzada", "punzadas", "pinchazo", "pinchazos",
            "molestia", "molestias", "quemazon", "puno", "garra", "aprieta", "aprieto", "constriccion");
    /** Folded words for a constricting feeling, which in the throat is choking. */
    private static final Set<String> CONSTRICTING = Set.of("pressure", "tightness", "tight", "constriction", "squeezing",
            "opresion", "presion", "tirantez", "constriccion", "aprieta");
    /** Folded place words of a pain. */
    private static final Set<String> PLACES = Set.of("chest", "breastbone", "sternum", "side", "ribs", "rib", "ribcage",
            "epigastrium", "stomach", "tummy", "belly", "abdomen", "pecho", "esternon", "torax", "costado", "costillas",
            "hemitorax", "epigastrio", "estomago", "barriga", "tripa", "vientre");
    /** Folded place words written before the feeling in English ("substernal pressure"). */
    private static final Set<String> PLACES_BEFORE = Set.of("chest", "substernal", "retrosternal", "central",
            "epigastric", "precordial", "sternal", "midsternal");
    private static final Set<String> THROAT = Set.of("throat", "garganta");
    /** Words that may stand between the feeling and its place. */
    private static final Set<String> LINKS = Set.of("in", "on", "at", "the", "behind", "across", "under", "over",
            "around", "centre", "center", "middle", "of", "his", "her", "my", "their", "a", "left", "right", "l", "r",
            "lower", "upper", "central", "feeling", "sensation", "en", "el", "la", "los", "las", "detras", "del", "de",
            "centro", "medio", "mitad", "lado", "debajo", "bajo", "sobre", "izquierdo", "izquierda", "derecho", "derecha",
            "su", "parte", "zona", "le", "sensacion", "dcho", "dcha", "izdo", "izda");
    /** Most words between the feeling and its place. */
    private static final int REACH = 6;

    private PainDescriptions() {
    }

    /**
     * The lexicon's matches with a pain (or choking) match added for each feeling-and-place phrase none of them
     * touches, in word order.
     *
     * @param words the (corrected) folded words, {@code null} at punctuation
     */
    static List<PhraseMatcher.Match<LexiconEntry>> add(List<PhraseMatcher.Match<LexiconEntry>> matches, String[] words) {
        boolean[] taken = new boolean[words.length];
        for (PhraseMatcher.Match<LexiconEntry> m : matches) {
            for (int k = m.first(); k < m.first() + m.length(); k++) {
                taken[k] = true;
            }
        }
        List<PhraseMatcher.Match<LexiconEntry>> added = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (taken[i] || words[i] == null || !FEELINGS.contains(words[i])) {
                continue;
            }
            int place = placeAfter(words, taken, i);
            int first = i;
            if (place < 0 && i > 0 && !taken[i - 1] && words[i - 1] != null && PLACES_BEFORE.contains(words[i - 1])) {
                first = i - 1;
                place = i;
            }
            if (place < 0) {
                continue;
            }
            boolean throat = THROAT.contains(words[place]);
            if (throat && !CONSTRICTING.contains(words[i])) {
                continue;
            }
            String code = throat ? CHOKING : PAIN;
            added.add(new PhraseMatcher.Match<>(first, place - first + 1,
                    new LexiconEntry(Finding.of(code, null), List.of(), null)));
            for (int k = first; k <= place; k++) {
                taken[k] = true;
            }
            i = place;
        }
        if (added.isEmpty()) {
            return matches;
        }
        List<PhraseMatcher.Match<LexiconEntry>> out = new ArrayList<>(matches);
        out.addAll(added);
        out.sort(Comparator.comparingInt(PhraseMatcher.Match::first));
        return out;
    }

    /** The index of the place word the feeling at {@code i} leads to through link words, or -1. */
    private static int placeAfter(String[] words, boolean[] taken, int i) {
        for (int k = i + 1; k < Math.min(words.length, i + 1 + REACH) && words[k] != null && !taken[k]; k++) {
            if (PLACES.contains(words[k]) || THROAT.contains(words[k])) {
                return k;
            }
            if (!LINKS.contains(words[k])) {
                return -1;
            }
        }
        return -1;
    }
}

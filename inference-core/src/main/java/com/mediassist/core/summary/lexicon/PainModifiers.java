package com.mediassist.core.summary.lexicon;

import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.summary.KnowledgeFileException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words that qualify a pain finding ({@code summary/pain-modifiers.tsv}): where it is (E_55, or
 * E_57 after "irradiado a"), what it is like (E_54), how fast it started (E_59), and how intense it
 * is (E_56, from "EVA 7", "7/10", "intensidad 8").
 */
public final class PainModifiers {

    /** Kinds of modifier. */
    public enum Kind { LOCATION, CHARACTER, ONSET }

    /**
     * A modifier phrase.
     *
     * @param kind  what it qualifies
     * @param value the value, or the right-side value of a right/left pair
     * @param left  the left-side value of a pair, else {@code null}
     */
    public record Modifier(Kind kind, String value, String left) {
    }

    private static final Set<String> RIGHT = Set.of("derecho", "derecha", "dcho", "dcha", "dch", "der", "drcha", "drcho", "drch", "right", "r");
    private static final Set<String> LEFT = Set.of("izquierdo", "izquierda", "izdo", "izda", "izq", "izqda", "izqdo", "izqd", "left", "l");
    /** Side words an English note writes before the place: "left eye", "L temple", "Rt flank". */
    private static final Set<String> RIGHT_BEFORE = Set.of("right", "r", "rt");
    private static final Set<String> LEFT_BEFORE = Set.of("left", "l", "lt");
    /**
     * Words after which a place is where the pain spreads to (E_57), not where it is: "irradiado a", "se extiende
     * a", "pasa a la espalda", "radiating to", "spreading to", "going through to the back".
     */
    private static final Set<String> RADIATION = Set.of("irradiado", "irradiada", "irradia", "irradiandose", "irradiacion",
            "irradiados", "irradiadas", "extiende", "extendiendose", "pasa", "radiating", "radiates", "radiation",
            "radiated", "radiate", "spreading", "spreads", "spread", "through", "extending", "extends");
    private static final Set<String> INTENSITY = Set.of("eva", "intensidad", "vas", "intensity", "nrs", "escala", "score",
            "puntuacion", "severity");

    private final PhraseMatcher<Modifier> matcher = new PhraseMatcher<>();

    private PainModifiers() {
    }

    /** Loads the modifiers, checking each value against the evidence it qualifies. */
    public static PainModifiers load(EvidenceCatalog catalog) {
        PainModifiers m = new PainModifiers();
        String path = "summary/pain-modifiers.tsv";
        for (TsvResource.Row row : TsvResource.read(path, 4)) {
            String[] c = row.cells();
            String where = path + " line " + row.line();
            Kind kind;
            try {
                kind = Kind.valueOf(c[0].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new KnowledgeFileException(where + ": unknown modifier kind \"" + c[0] + "\"", e);
            }
            String[] pair = c[1].split("/");
            String evidence = switch (kind) {
                case LOCATION -> "E_55";
                case CHARACTER -> "E_54";
                case ONSET -> "E_59";
            };
            for (String v : pair) {
                try {
                    catalog.require(Finding.of(evidence, v), where);
                } catch (IllegalArgumentException e) {
                    throw new KnowledgeFileException(where + ": " + e.getMessage(), e);
                }
            }
            m.matcher.add(c[3], new Modifier(kind, pair[0], pair.length > 1 ? pair[1] : null));
        }
        return m;
    }

    /** Words of the side vocabulary and radiation/intensity cues, which typo correction must keep. */
    public List<String> vocabulary() {
        List<String> out = new ArrayList<>(matcher.vocabulary());
        out.addAll(RIGHT);
        out.addAll(LEFT);
        out.addAll(RADIATION);
        out.addAll(INTENSITY);
        return out;
    }

    /** The result of reading the words after a pain finding. */
    public record Reading(List<Finding> values, int lastWord) {
    }

    /**
     * Reads modifiers in {@code words[from, to)} (same clause as the pain word).
     *
     * @return the coded values and the index of the last word used ({@code from - 1} when none)
     */
    public Reading read(String[] words, int from, int to) {
        List<Finding> values = new ArrayList<>();
        int last = from - 1;
        boolean radiating = false;
        // a place it spreads to written without its side ("irradiado a ingle") is on the side last written
        // for this pain ("dolor lumbar izquierdo"): radiation to a paired place is taken as same-sided
        String lastSide = null;
        int i = from;
        while (i < to) {
            String w = words[i];
            if (w == null) {
                i++;
                continue;
            }
            if (RADIATION.contains(w)) {
                radiating = true;
                last = i;
                i++;
                continue;
            }
            if (w.length() > 2 && (RIGHT.contains(w) || LEFT.contains(w))) {
                lastSide = RIGHT.contains(w) ? "R" : "L";
            }
            Integer intensity = intensityAt(words, i, to);
            if (intensity != null) {
                values.add(Finding.of("E_56", String.valueOf(intensity)));
                last = Math.min(to - 1, i + 2);
                i = last + 1;
                continue;
            }
            PhraseMatcher.Match<Modifier> m = matcher.longestAt(words, i);
            if (m == null) {
                i++;
                continue;
            }
            Modifier mod = m.payload();
            int end = i + m.length();
            String value = mod.value();
            if (mod.left() != null) {
                String side = sideAround(words, i, end, to);
                if (side == null && radiating && lastSide != null && i > from && !isSide(words[i - 1])) {
                    side = lastSide;
                }
                if (side != null) {
                    lastSide = side;
                }
                if (side == null) {
                    value = null;
                } else {
                    value = "R".equals(side) ? mod.value() : mod.left();
                    if (end < to && words[end] != null && (RIGHT.contains(words[end]) || LEFT.contains(words[end]))) {
                        end++;
                    }
                }
            }
            if (mod.left() == null && mod.kind() == Kind.LOCATION) {
                String side = sideAround(words, i, end, to);
                if (side != null) {
                    lastSide = side;
                }
            }
            if (value != null) {
                String evidence = switch (mod.kind()) {
                    case LOCATION -> radiating ? "E_57" : "E_55";
                    case CHARACTER -> "E_54";
                    case ONSET -> "E_59";
                };
                Finding code = Finding.of(evidence, value);
                if (!values.contains(code)) {
                    values.add(code);
                }
                last = end - 1;
            }
            i = end;
        }
        return new Reading(values, last);
    }

    private static boolean isSide(String w) {
        return w != null && (RIGHT.contains(w) || LEFT.contains(w) || RIGHT_BEFORE.contains(w) || LEFT_BEFORE.contains(w));
    }

    private static String sideAround(String[] words, int start, int end, int to) {
        if (end < to && words[end] != null) {
            if (RIGHT.contains(words[end])) {
                return "R";
            }
            if (LEFT.contains(words[end])) {
                return "L";
            }
        }
        if (start > 0 && words[start - 1] != null) {
            if (RIGHT_BEFORE.contains(words[start - 1])) {
                return "R";
            }
            if (LEFT_BEFORE.contains(words[start - 1])) {
                return "L";
            }
        }
        return null;
    }

    /**
     * The first intensity score in {@code words[from, to)}: a pain's "EVA 8/10" written later in its sentence,
     * after other findings.
     */
    public Integer intensityIn(String[] words, int from, int to) {
        for (int i = from; i < to; i++) {
            if (words[i] != null) {
                Integer v = intensityAt(words, i, to);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** "EVA 7", "intensidad 8", "7/10" (folded words "7", "10"). */
    private static Integer intensityAt(String[] words, int i, int to) {
        String w = words[i];
        if (INTENSITY.contains(w) && i + 1 < to) {
            Integer v = scale(words[i + 1]);
            if (v != null) {
                return v;
            }
        }
        if (i + 1 < to && "10".equals(words[i + 1])) {
            return scale(w);
        }
        return null;
    }

    private static Integer scale(String w) {
        if (w == null || w.isEmpty() || w.length() > 2) {
            return null;
        }
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return null;
            }
        }
        int v = Integer.parseInt(w);
        return v <= 10 ? v : null;
    }
}

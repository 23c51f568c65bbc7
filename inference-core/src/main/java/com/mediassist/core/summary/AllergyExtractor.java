package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Allergy statements: "alergia a penicilina y AINEs", "Alergias: amoxicilina", "RAM a metamizol",
 * "allergic to sulfa", and their denials "NAMC", "niega alergias", "NKDA". Stateless.
 */
final class AllergyExtractor {

    private static final Set<String> NONE_KNOWN = Set.of("namc", "nkda", "nka", "nkma", "nadc");
    private static final Set<String> NEGATORS = Set.of("no", "niega", "sin", "ninguna", "ningun", "denies", "nka");
    private static final Set<String> AFTER_NEGATORS = Set.of("no", "niega", "negativas", "negativo", "none", "nil",
            "desconocidas", "ninguna");
    private static final Set<String> LINKS = Set.of("a", "al", "la", "los", "las", "to", "medicamentosas",
            "medicamentosa", "conocidas", "conocida", "de", "drug", "known", "conocido", "farmacos", "medicamentos");
    private static final Set<String> SEPARATORS = Set.of("y", "e", "o", "and", "or", "ni");
    private static final Set<String> STOPS = Set.of("con", "que", "desde", "tras", "por", "with", "since", "causing",
            "produce", "en", "hace", "presenta", "refiere", "tipo", "consistente", "manifestada");
    private static final int MAX_SUBSTANCE_WORDS = 3;
    /** Qualifiers that make "allergies" a tendency (atopy) rather than a reaction to a substance. */
    private static final Set<String> ATOPY = Set.of("seasonal", "environmental", "estacional", "estacionales",
            "ambientales", "primaverales", "respiratorias", "respiratoria");
    private static final Set<String> COMMON_ALLERGENS = Set.of("polen", "pollen", "acaros", "mites", "latex", "marisco",
            "mariscos", "shellfish", "frutos", "nuts", "cacahuete", "peanut", "peanuts", "huevo", "egg", "leche", "milk",
            "gramineas", "epitelio", "gato", "perro", "contrastes", "contraste", "yodo", "iodine", "picadura", "abeja",
            "avispa", "penicilinas", "betalactamicos", "aines", "sulfamidas", "sulfa", "nsaids", "pescado", "fish",
            "kiwi", "melocoton", "niquel", "nickel", "esparadrapo", "metamizol", "codeina", "opiaceos", "aspirina");

    private AllergyExtractor() {
    }

    private static boolean isAllergyWord(String w) {
        return w.startsWith("alergi") || w.startsWith("allerg") || w.equals("ram") || w.equals("alergico")
                || w.equals("alergica");
    }

    /**
     * @param ingredients resolves an allergen to medicine ingredients (empty when not a medicine)
     */
    static List<Allergy> extract(String text, List<Token> tokens, Function<String, List<String>> ingredients) {
        List<Allergy> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                i++;
                continue;
            }
            String w = t.folded();
            if (NONE_KNOWN.contains(w)) {
                out.add(denied(text, t.start(), t.end()));
                i++;
                continue;
            }
            if (!isAllergyWord(w)) {
                i++;
                continue;
            }
            if (isAtopy(tokens, i)) {
                // "seasonal allergies", "alergias estacionales": a tendency to allergy, not an allergen statement
                i++;
                continue;
            }
            int negStart = negatedBefore(tokens, i);
            if (negStart >= 0) {
                int end = t.end();
                int j = i + 1;
                while (j < n && tokens.get(j).isWord() && LINKS.contains(tokens.get(j).folded())) {
                    end = tokens.get(j).end();
                    j++;
                }
                out.add(denied(text, tokens.get(negStart).start(), end));
                i = j;
                continue;
            }
            int j = i + 1;
            while (j < n && tokens.get(j).isWord() && LINKS.contains(tokens.get(j).folded())) {
                j++;
            }
            if (j < n && tokens.get(j).isWord() && AFTER_NEGATORS.contains(tokens.get(j).folded())) {
                int end = tokens.get(j).end();
                int k = j + 1;
                while (k < n && tokens.get(k).isWord() && LINKS.contains(tokens.get(k).folded())) {
                    end = tokens.get(k).end();
                    k++;
                }
                out.add(denied(text, t.start(), end));
                i = k;
                continue;
            }
            i = substances(text, tokens, j, ingredients, out);
        }
        return out;
    }

    private static boolean isAtopy(List<Token> tokens, int i) {
        for (int k : new int[] {i - 1, i + 1}) {
            if (k >= 0 && k < tokens.size() && tokens.get(k).isWord() && ATOPY.contains(tokens.get(k).folded())) {
                return true;
            }
        }
        return false;
    }

    private static int negatedBefore(List<Token> tokens, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            Token t = tokens.get(k);
            if (!t.isWord()) {
                return -1;
            }
            if (NEGATORS.contains(t.folded())) {
                return k;
            }
        }
        return -1;
    }

    private static Allergy denied(String text, int start, int end) {
        Span span = new Span(start, end);
        return new Allergy(span.of(text), span, null, List.of(), FindingStatus.DENIED);
    }

    /** Reads allergens from token {@code j} to the end of the sentence; returns where to resume. */
    private static int substances(String text, List<Token> tokens, int j, Function<String, List<String>> ingredients,
                                  List<Allergy> out) {
        int n = tokens.size();
        int first = -1;
        boolean afterComma = false;
        int k = j;
        for (; k < n; k++) {
            Token t = tokens.get(k);
            boolean bracket = k > j && gapHasBracket(text, tokens.get(k - 1).end(), t.start());
            boolean end = t.kind() == Token.Kind.BOUNDARY || (t.isWord() && STOPS.contains(t.folded()))
                    || (bracket && first >= 0) || (first >= 0 && k - first >= MAX_SUBSTANCE_WORDS);
            boolean separator = t.kind() == Token.Kind.COMMA || SEPARATORS.contains(t.folded());
            if (end || separator) {
                if (first >= 0) {
                    if (!emit(text, tokens, first, k - 1, afterComma, ingredients, out)) {
                        return first;
                    }
                    first = -1;
                }
                if (end) {
                    return k;
                }
                afterComma = t.kind() == Token.Kind.COMMA;
                continue;
            }
            if (first < 0 && LINKS.contains(t.folded())) {
                continue;
            }
            if (first < 0) {
                first = k;
            }
        }
        if (first >= 0 && !emit(text, tokens, first, n - 1, afterComma, ingredients, out)) {
            return first;
        }
        return n;
    }

    /**
     * Adds the allergen; an item after a comma is kept only when it is a medicine or a common
     * allergen, since "alergia a penicilina, HTA, DM2" continues with the past history.
     *
     * @return whether it was added
     */
    private static boolean emit(String text, List<Token> tokens, int first, int last, boolean afterComma,
                                Function<String, List<String>> ingredients, List<Allergy> out) {
        Span span = new Span(tokens.get(first).start(), tokens.get(last).end());
        String name = span.of(text);
        List<String> ing = ingredients.apply(name);
        if (afterComma && ing.isEmpty() && !COMMON_ALLERGENS.contains(tokens.get(first).folded())) {
            return false;
        }
        out.add(new Allergy(name, span, name, ing, FindingStatus.PRESENT));
        return true;
    }

    private static boolean gapHasBracket(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == '[' || c == ']' || c == ':') {
                return true;
            }
        }
        return false;
    }
}

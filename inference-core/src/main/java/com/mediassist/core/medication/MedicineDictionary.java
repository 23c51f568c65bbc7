package com.mediassist.core.medication;

import com.mediassist.core.knowledge.CsvTable;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import com.mediassist.core.text.TextFold;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The medicine dictionary: active ingredients (Spanish DCI, English INN, ATC code, DrugBank id) and
 * Spanish brand names, with the matcher that resolves what a doctor types or writes.
 *
 * <p>Matching folds case and accents ({@link TextFold}), ignores the strength and form that follow a
 * name ("ibuprofeno 600 mg comp"), joins combinations written with {@code /} or {@code +}
 * ("amoxicilina/clavulánico 875/125") and tolerates small typos on words of five letters or more:
 * one edit up to eight letters, two from nine (brand names: one edit, six letters or more; two neighbouring
 * letters swapped count as one edit). Typo
 * candidates must share the first letter, which keeps ordinary words from turning into medicines.
 * Immutable and thread-safe once loaded.
 */
public final class MedicineDictionary {

    /** Class-path folder of the shipped tables. */
    public static final String RESOURCE_DIR = "knowledge/medication/";
    private static final String PDDI_SOURCE =
            "Merged PDDI dataset (Ayvaz et al. 2015): NDF-RT, ONC high-priority and non-interruptive lists";
    private static final Set<String> UNITS = Set.of("mg", "g", "gr", "mcg", "ug", "microgramos", "ml", "ui",
            "iu", "u", "mmol", "meq", "mg/ml", "gramos", "miligramos", "mililitros", "h", "horas", "hours");

    /** Salt and form words written after a name; they never start a typo match. */
    private static final Set<String> SALTS = Set.of("magnesico", "magnesica", "sodico", "sodica", "potasico",
            "potasica", "calcico", "calcica", "hidrocloruro", "clorhidrato", "hydrochloride", "mesilato",
            "besilato", "maleato", "fumarato", "succinato", "tartrato", "dihidrato", "trihidrato", "monohidrato",
            "hemihidrato", "trometamol", "axetilo", "medoxomilo", "magnesium", "sodium", "potassium", "calcium",
            "comprimidos", "capsulas", "sobres", "jarabe", "solucion", "suspension", "inyectable", "ampollas",
            "tablets", "capsules", "efervescente", "recubiertos", "liberacion", "prolongada", "retard",
            "comprimido", "capsula", "sobre", "ampolla", "inhalador", "pomada", "crema", "gotas", "colirio",
            "parche", "parches", "supositorio", "supositorios", "bucodispersable", "sublingual", "vaginal",
            "rectal", "topico", "topica", "nasal", "oftalmico", "transdermico", "mucosal", "oral", "tablet",
            "capsule", "solution", "injectable", "injection", "inhaler", "inhalation", "powder", "spray",
            "topical", "cream", "ointment", "drops", "extended", "release", "delayed", "chewable", "patch",
            "transdermal", "ophthalmic", "metered", "actuat", "suppository", "syrup", "lozenge", "disintegrating");

    /** Clinical words one letter away from a medicine name; never typo-matched in free text. */
    private static final Set<String> FREE_TEXT_WORDS = Set.of("amiloide", "amiloidea", "mucosa", "mucosas");

    private final Map<IngredientKey, Ingredient> ingredients;
    private final Map<String, List<Phrase>> byFirstToken;
    private final Map<String, List<String>> typoBuckets;
    private final int brandCount;
    /** The ingredient sets of the combination products among the brands ("Augmentine": amoxicillin + clavulanic acid). */
    private final List<Set<IngredientKey>> combinations;

    private record Phrase(String[] tokens, List<IngredientKey> keys, MatchKind kind, String display) {
    }

    private record Token(String folded, int start, int end) {
    }

    private record Hit(Phrase phrase, int lastToken, boolean typo) {
    }

    private MedicineDictionary(Map<IngredientKey, Ingredient> ingredients, List<Phrase> phrases, int brandCount) {
        this.ingredients = Collections.unmodifiableMap(ingredients);
        this.brandCount = brandCount;
        List<Set<IngredientKey>> combos = new ArrayList<>();
        for (Phrase p : phrases) {
            if (p.kind() == MatchKind.BRAND && p.keys().size() > 1) {
                combos.add(Set.copyOf(p.keys()));
            }
        }
        this.combinations = List.copyOf(combos);
        Map<String, List<Phrase>> first = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Phrase p : phrases) {
            if (seen.add(String.join(" ", p.tokens))) {
                first.computeIfAbsent(p.tokens[0], k -> new ArrayList<>()).add(p);
            }
        }
        for (List<Phrase> l : first.values()) {
            l.sort(Comparator.comparingInt((Phrase p) -> -p.tokens.length));
        }
        this.byFirstToken = first;
        Map<String, List<String>> buckets = new HashMap<>();
        for (String t : first.keySet()) {
            if (t.length() >= 5) {
                buckets.computeIfAbsent(bucket(t.charAt(0), t.length()), k -> new ArrayList<>()).add(t);
            }
        }
        this.typoBuckets = buckets;
    }

    private static String bucket(char first, int length) {
        return first + ":" + length;
    }

    /**
     * Loads the tables shipped in this module ({@code knowledge/medication/ingredients.csv},
     * {@code brands.csv}, and the ingredient names of {@code interactions.csv}).
     *
     * @throws KnowledgeFormatException when a table is missing or malformed
     */
    public static MedicineDictionary loadDefault() {
        com.mediassist.core.knowledge.bundle.KnowledgeManifest bundle =
                com.mediassist.core.knowledge.bundle.KnowledgeManifest.shipped();
        return load(bundle.csv("medication/ingredients.csv"), bundle.csv("medication/brands.csv"),
                bundle.csv("medication/interactions.csv"));
    }

    /**
     * Builds a dictionary from tables with the shipped columns. {@code interactions} may be {@code null};
     * when given, its drugs missing from {@code ingredients} are added under their English name.
     */
    public static MedicineDictionary load(CsvTable ingredientTable, CsvTable brandTable, CsvTable interactions) {
        Map<IngredientKey, Ingredient> byKey = new LinkedHashMap<>();
        List<Phrase> phrases = new ArrayList<>();
        for (CsvTable.Row r : ingredientTable.rows()) {
            IngredientKey key = new IngredientKey(r.required("key"));
            List<String> syn = split(r.get("synonyms"));
            Ingredient ing = new Ingredient(key, r.required("dci_es"), r.required("inn_en"), syn, r.get("atc"),
                    r.get("drugbank"), r.required("source"));
            if (byKey.putIfAbsent(key, ing) != null) {
                throw r.error("duplicate ingredient key \"" + key + "\"");
            }
            List<String> names = new ArrayList<>();
            names.add(ing.dciEs());
            names.add(ing.innEn());
            names.addAll(syn);
            for (String n : names) {
                addPhrase(phrases, n, List.of(key), MatchKind.EXACT, n);
            }
        }
        int brands = 0;
        for (CsvTable.Row r : brandTable.rows()) {
            String brand = r.required("brand");
            r.required("source");
            List<IngredientKey> keys = new ArrayList<>();
            for (String k : split(r.required("ingredients"))) {
                IngredientKey key = new IngredientKey(k);
                if (!byKey.containsKey(key)) {
                    throw r.error("brand \"" + brand + "\" names unknown ingredient \"" + k + "\"");
                }
                keys.add(key);
            }
            addPhrase(phrases, brand, keys, MatchKind.BRAND, brand);
            brands++;
        }
        if (interactions != null) {
            for (CsvTable.Row r : interactions.rows()) {
                for (String side : List.of("a", "b")) {
                    IngredientKey key = new IngredientKey(r.required("ingredient_" + side));
                    if (!byKey.containsKey(key)) {
                        byKey.put(key, new Ingredient(key, key.value(), key.value(), List.of(), "",
                                r.get("drugbank_" + side), PDDI_SOURCE));
                        addPhrase(phrases, key.value(), List.of(key), MatchKind.EXACT, key.value());
                    }
                }
            }
        }
        return new MedicineDictionary(byKey, phrases, brands);
    }

    private static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static void addPhrase(List<Phrase> phrases, String name, List<IngredientKey> keys, MatchKind kind,
                                  String display) {
        String norm = TextFold.normaliseWords(name);
        if (!norm.isEmpty()) {
            phrases.add(new Phrase(norm.split(" "), List.copyOf(keys), kind, display));
        }
    }

    /** @return the ingredient with that key, if known */
    public Optional<Ingredient> ingredient(IngredientKey key) {
        return Optional.ofNullable(ingredients.get(key));
    }

    /** @return every ingredient, authored ones first */
    public Collection<Ingredient> ingredients() {
        return ingredients.values();
    }

    /** @return the number of ingredients with a Spanish name and ATC code (authored primary-care rows) */
    public long authoredIngredientCount() {
        return ingredients.values().stream().filter(i -> !i.atc().isEmpty()).count();
    }

    /**
     * Whether a marketed combination product holds all these ingredients, so that two names written side by side
     * ("trimetoprim sulfametoxazol") may be one medicine rather than two.
     *
     * @param keys the ingredients named together
     * @return true when some brand combines them all
     */
    public boolean combinedInOneProduct(Collection<IngredientKey> keys) {
        return keys.size() > 1 && combinations.stream().anyMatch(c -> c.containsAll(keys));
    }

    /** @return the number of brand names */
    public int brandCount() {
        return brandCount;
    }

    /**
     * Resolves one typed medication ("Sintrom 4 mg", "amoxicilina/clavulánico 875/125", "ibuprofen").
     * Every name recognised in the text contributes its ingredients.
     *
     * @param typed what the doctor typed; {@code null} is treated as empty
     * @return the match; {@code matched == false} and no ingredients when nothing was recognised
     */
    public MedicationMatch match(String typed) {
        String input = typed == null ? "" : typed;
        List<MedicationMention> mentions = scan(input, true);
        if (mentions.isEmpty()) {
            return MedicationMatch.unknown(input);
        }
        LinkedHashSet<Ingredient> ings = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        MatchKind how = MatchKind.EXACT;
        for (MedicationMention m : mentions) {
            ings.addAll(m.match().ingredients());
            names.addAll(m.match().matchedNames());
            how = weaker(how, m.match().how());
        }
        return new MedicationMatch(input, List.copyOf(ings), true, how, names);
    }

    /**
     * Finds medicine names inside free text, longest match first, with character spans into
     * {@code text}. Names joined by {@code /} or {@code +} form one mention; a strength written right
     * after a name is part of the span.
     *
     * @param text clinical free text, Spanish or English; {@code null} gives no mentions
     * @return the mentions in text order, never overlapping
     */
    public List<MedicationMention> findMentions(String text) {
        return text == null ? List.of() : scan(text, false);
    }

    private static MatchKind weaker(MatchKind a, MatchKind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private List<MedicationMention> scan(String text, boolean typed) {
        List<Token> tokens = tokenize(text);
        List<MedicationMention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Hit hit = matchAt(tokens, i, typed);
            if (hit == null) {
                i++;
                continue;
            }
            List<Hit> parts = new ArrayList<>();
            parts.add(hit);
            int last = hit.lastToken;
            while (last + 1 < tokens.size() && joins(text, tokens.get(last), tokens.get(last + 1))) {
                Hit next = matchAt(tokens, last + 1, typed);
                if (next == null) {
                    break;
                }
                parts.add(next);
                last = next.lastToken;
            }
            int nameEnd = tokens.get(last).end;
            int strengthEnd = nameEnd;
            int j = last + 1;
            while (j < tokens.size() && isStrength(tokens.get(j).folded)
                    && gapIsStrengthy(text, tokens.get(j - 1).end, tokens.get(j).start)) {
                strengthEnd = tokens.get(j).end;
                j++;
            }
            int start = tokens.get(i).start;
            LinkedHashSet<Ingredient> ings = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            MatchKind how = MatchKind.EXACT;
            for (Hit h : parts) {
                for (IngredientKey k : h.phrase.keys) {
                    ings.add(ingredients.get(k));
                }
                names.add(h.phrase.display);
                how = weaker(how, h.typo ? MatchKind.TYPO : h.phrase.kind);
            }
            String span = text.substring(start, strengthEnd);
            String strength = text.substring(nameEnd, strengthEnd).trim();
            out.add(new MedicationMention(start, strengthEnd, span, strength,
                    new MedicationMatch(span, List.copyOf(ings), true, how, names)));
            i = j;
        }
        return out;
    }

    private static boolean joins(String text, Token a, Token b) {
        String gap = text.substring(a.end, b.start);
        return gap.length() <= 3 && (gap.indexOf('/') >= 0 || gap.indexOf('+') >= 0);
    }

    private static boolean gapIsStrengthy(String text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!(Character.isWhitespace(c) || c == '/' || c == ',' || c == '.' || c == '-' || c == '%')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStrength(String t) {
        if (UNITS.contains(t)) {
            return true;
        }
        boolean digit = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (!(digit && UNITS.contains(t.substring(k)))) {
                return false;
            } else {
                return true;
            }
        }
        return digit;
    }

    /**
     * The longest name starting at token {@code i}. Typed input (one medication) tolerates more:
     * free text only accepts one-letter typos and never a misspelt brand, because ordinary words
     * ("mucosa", "propia", "activa") sit one letter away from brand names.
     */
    private Hit matchAt(List<Token> tokens, int i, boolean typed) {
        String first = tokens.get(i).folded;
        Hit hit = extend(byFirstToken.get(first), tokens, i, false);
        if (hit != null || first.length() < 5 || isStrength(first) || SALTS.contains(first)
                || (!typed && FREE_TEXT_WORDS.contains(first))) {
            return hit;
        }
        int max = typed ? allowed(first.length()) : 1;
        Hit best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int len = first.length() - max; len <= first.length() + max; len++) {
            List<String> cands = typoBuckets.get(bucket(first.charAt(0), len));
            if (cands == null) {
                continue;
            }
            for (String cand : cands) {
                int d = TextFold.editDistance(first, cand, max);
                if (d > max && TextFold.isAdjacentSwap(first, cand)) {
                    d = 1; // two neighbouring letters typed in the wrong order ("omerpazol") are one slip
                }
                if (d > max || d >= bestDistance) {
                    continue;
                }
                List<Phrase> ps = new ArrayList<>();
                for (Phrase p : byFirstToken.get(cand)) {
                    if (p.kind != MatchKind.BRAND || (typed && d <= 1 && first.length() >= 6)) {
                        ps.add(p);
                    }
                }
                Hit h = extend(ps, tokens, i, true);
                if (h != null) {
                    best = h;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static int allowed(int length) {
        return length >= 9 ? 2 : 1;
    }

    private static Hit extend(List<Phrase> phrases, List<Token> tokens, int i, boolean typo) {
        if (phrases == null) {
            return null;
        }
        for (Phrase p : phrases) {
            if (i + p.tokens.length > tokens.size()) {
                continue;
            }
            boolean ok = true;
            boolean usedTypo = typo;
            for (int k = 1; k < p.tokens.length && ok; k++) {
                String want = p.tokens[k];
                String got = tokens.get(i + k).folded;
                if (!want.equals(got)) {
                    if (want.length() >= 5 && got.length() >= 5 && want.charAt(0) == got.charAt(0)
                            && p.kind != MatchKind.BRAND
                            && TextFold.editDistance(want, got, allowed(got.length())) <= allowed(got.length())) {
                        usedTypo = true;
                    } else {
                        ok = false;
                    }
                }
            }
            if (ok) {
                return new Hit(p, i + p.tokens.length - 1, usedTypo);
            }
        }
        return null;
    }

    private static List<Token> tokenize(String text) {
        String folded = TextFold.fold(text);
        if (folded.length() != text.length()) {
            StringBuilder b = new StringBuilder(text.length());
            for (int k = 0; k < text.length(); k++) {
                String f = TextFold.fold(String.valueOf(text.charAt(k)));
                b.append(f.length() == 1 ? f.charAt(0) : Character.toLowerCase(text.charAt(k)));
            }
            folded = b.toString();
        }
        List<Token> out = new ArrayList<>();
        int k = 0;
        int n = folded.length();
        while (k < n) {
            if (!Character.isLetterOrDigit(folded.charAt(k))) {
                k++;
                continue;
            }
            int s = k;
            while (k < n && Character.isLetterOrDigit(folded.charAt(k))) {
                k++;
            }
            out.add(new Token(folded.substring(s, k).toLowerCase(Locale.ROOT), s, k));
        }
        return out;
    }
}

package com.mediassist.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.core.text.TextFold;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a patient's conditions, written as free text (Spanish or English), ICD-10 codes or SNOMED CT
 * codes, to the condition concepts the knowledge rules use ({@code ckd}, {@code asthma},
 * {@code heart-failure} …). Chronic kidney disease stages, from any of the three forms, and eGFR values
 * add the derived concepts {@code egfr-lt-60}, {@code egfr-lt-45}, {@code egfr-lt-30} and
 * {@code egfr-lt-15}. Negated text ("no fumador", "non smoker") does not match. Immutable.
 */
public final class ConditionCatalog {

    /** Class-path resource of the shipped catalogue. */
    public static final String RESOURCE = "knowledge/conditions.json";
    /** LOINC codes of estimated glomerular filtration rate observations (mL/min/1.73 m²). */
    public static final Set<String> EGFR_LOINC = Set.of("33914-3", "48642-3", "48643-1", "50044-7", "62238-1",
            "69405-9", "70969-1", "77147-7", "88293-6", "88294-4", "98979-8", "98980-6");

    private static final Pattern ICD10 = Pattern.compile("^[A-Za-z][0-9]{2}[0-9A-Za-z]?(\\.[0-9A-Za-z]{1,4})?$");
    private static final Pattern SNOMED = Pattern.compile("^[0-9]{6,18}$");
    private static final Pattern STAGE = Pattern.compile(
            "\\b(?:estadio|stage|grado|categoria|g)\\s*(1|2|3a|3b|3|4|5)\\b");
    private static final Set<String> NEGATIONS = Set.of("no", "sin", "niega", "never", "non", "nunca", "not",
            "denies", "without");
    private static final Map<String, String> SNOMED_STAGE = Map.of("431855005", "1", "431856006", "2",
            "433144002", "3", "700378005", "3a", "700379002", "3b", "431857002", "4", "433146000", "5",
            "46177005", "5");

    private final Map<String, Concept> concepts;
    private final Map<String, List<Term>> termsByFirstToken;
    private final Map<String, String> bySnomed;
    private final List<String[]> byIcd;

    /** A condition concept with its names. */
    public record Concept(String key, Bilingual name, String source) {
    }

    private record Term(String[] tokens, String concept) {
    }

    /** What one entry resolved to; {@code concepts} is empty when it was not recognised. */
    public record Resolution(String input, Set<String> concepts) {
        public Resolution {
            concepts = Collections.unmodifiableSet(new LinkedHashSet<>(concepts));
        }

        /** @return whether any concept was recognised */
        public boolean recognised() {
            return !concepts.isEmpty();
        }
    }

    private ConditionCatalog(Map<String, Concept> concepts, List<Term> terms, Map<String, String> bySnomed,
                             List<String[]> byIcd) {
        this.concepts = concepts;
        Map<String, List<Term>> index = new HashMap<>();
        for (Term t : terms) {
            index.computeIfAbsent(t.tokens[0], k -> new ArrayList<>()).add(t);
        }
        this.termsByFirstToken = index;
        this.bySnomed = bySnomed;
        this.byIcd = byIcd;
    }

    /** Loads {@value #RESOURCE}, hash-verified. @throws KnowledgeException when missing, altered or malformed */
    public static ConditionCatalog loadDefault() {
        return load(com.mediassist.core.knowledge.bundle.KnowledgeManifest.shipped());
    }

    /** Loads {@code conditions.json} of a knowledge bundle. @throws KnowledgeException when missing, altered or malformed */
    public static ConditionCatalog load(com.mediassist.core.knowledge.bundle.KnowledgeManifest bundle) {
        return parse(bundle.json("conditions.json"));
    }

    private static ConditionCatalog parse(JsonNode root) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        List<Term> terms = new ArrayList<>();
        Map<String, String> bySnomed = new HashMap<>();
        List<String[]> byIcd = new ArrayList<>();
        for (JsonNode n : root) {
            String key = text(n, "concept");
            String source = text(n, "source");
            concepts.put(key, new Concept(key, new Bilingual(text(n, "es"), text(n, "en")), source));
            List<String> names = new ArrayList<>(List.of(text(n, "es"), text(n, "en")));
            n.path("terms").forEach(t -> names.add(t.asText()));
            for (String t : names) {
                String norm = TextFold.normaliseWords(t);
                if (!norm.isEmpty()) {
                    terms.add(new Term(norm.split(" "), key));
                }
            }
            for (JsonNode c : n.path("snomed")) {
                bySnomed.put(c.asText(), key);
            }
            for (JsonNode c : n.path("icd10")) {
                byIcd.add(new String[] {c.asText().toUpperCase(Locale.ROOT), key});
            }
        }
        terms.sort((a, b) -> b.tokens.length - a.tokens.length);
        return new ConditionCatalog(Collections.unmodifiableMap(concepts), terms, bySnomed, byIcd);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new KnowledgeFormatException(RESOURCE, 0, "entry without \"" + field + "\": " + n);
        }
        return v.asText();
    }

    /** @return the concept with that key, if any */
    public java.util.Optional<Concept> concept(String key) {
        return java.util.Optional.ofNullable(concepts.get(key));
    }

    /** @return every concept key */
    public Set<String> conceptKeys() {
        return concepts.keySet();
    }

    /**
     * Resolves one condition entry: an ICD-10 code ("N18.4", "ICD10:N18.4"), a SNOMED CT code
     * ("431857002", "http://snomed.info/sct|431857002") or text ("insuficiencia renal crónica estadio 4").
     */
    public Resolution resolve(String entry) {
        String input = entry == null ? "" : entry.trim();
        Set<String> out = new LinkedHashSet<>();
        String code = stripSystem(input);
        if (SNOMED.matcher(code).matches()) {
            String c = bySnomed.get(code);
            if (c != null) {
                out.add(c);
                String stage = SNOMED_STAGE.get(code);
                if (stage != null) {
                    addStage(out, stage);
                }
            }
            return new Resolution(input, out);
        }
        if (ICD10.matcher(code).matches() && !code.contains(" ")) {
            String icd = code.toUpperCase(Locale.ROOT);
            for (String[] p : byIcd) {
                if (icd.startsWith(p[0])) {
                    out.add(p[1]);
                }
            }
            if (icd.startsWith("N18.")) {
                String s = icd.substring(4);
                addStage(out, switch (s) {
                    case "31" -> "3a";
                    case "32" -> "3b";
                    case "6" -> "5";
                    default -> s.isEmpty() ? "" : s.substring(0, 1);
                });
            }
            if (!out.isEmpty()) {
                return new Resolution(input, out);
            }
        }
        String norm = TextFold.normaliseWords(input);
        String[] tokens = norm.isEmpty() ? new String[0] : norm.split(" ");
        List<int[]> found = new ArrayList<>();
        List<Term> foundTerms = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            for (Term t : termsByFirstToken.getOrDefault(tokens[i], List.of())) {
                if (i + t.tokens.length <= tokens.length && matchesAt(tokens, i, t.tokens)) {
                    found.add(new int[] {i, foundTerms.size()});
                    foundTerms.add(t);
                }
            }
        }
        found.sort((a, b) -> foundTerms.get(b[1]).tokens.length - foundTerms.get(a[1]).tokens.length);
        boolean[] covered = new boolean[tokens.length];
        for (int[] f : found) {
            Term t = foundTerms.get(f[1]);
            int i = f[0];
            if (!allCovered(covered, i, t.tokens.length) && !negated(tokens, i)) {
                out.add(t.concept);
                for (int k = i; k < i + t.tokens.length; k++) {
                    covered[k] = true;
                }
            }
        }
        if (out.contains("ckd")) {
            Matcher m = STAGE.matcher(norm);
            if (m.find()) {
                addStage(out, m.group(1));
            } else if (norm.contains("dialisis") || norm.contains("dialysis") || norm.contains("end stage")) {
                addStage(out, "5");
            }
        }
        return new Resolution(input, out);
    }

    private static boolean matchesAt(String[] tokens, int i, String[] term) {
        for (int k = 0; k < term.length; k++) {
            if (!tokens[i + k].equals(term[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean allCovered(boolean[] covered, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (!covered[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean negated(String[] tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (NEGATIONS.contains(tokens[k])) {
                return true;
            }
        }
        return false;
    }

    private static String stripSystem(String s) {
        String t = s;
        int bar = t.lastIndexOf('|');
        if (bar >= 0) {
            t = t.substring(bar + 1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (String p : List.of("icd10:", "icd-10:", "cie10:", "cie-10:", "icd10cm:", "snomed:", "sct:", "snomedct:")) {
            if (lower.startsWith(p)) {
                return t.substring(p.length()).trim();
            }
        }
        return t.trim();
    }

    private static void addStage(Set<String> out, String stage) {
        switch (stage) {
            case "3", "3a" -> out.add("egfr-lt-60");
            case "3b" -> out.addAll(List.of("egfr-lt-60", "egfr-lt-45"));
            case "4" -> out.addAll(List.of("egfr-lt-60", "egfr-lt-45", "egfr-lt-30"));
            case "5" -> out.addAll(List.of("egfr-lt-60", "egfr-lt-45", "egfr-lt-30", "egfr-lt-15"));
            default -> {
                // stages 1-2 and unstaged CKD carry no filtration bound
            }
        }
    }

    /**
     * The concepts implied by an eGFR value.
     *
     * @param egfr estimated glomerular filtration rate in mL/min/1.73 m²
     * @throws InvalidClinicalInputException when negative, not finite or above 250
     */
    public static Set<String> egfrConcepts(double egfr) {
        if (!Double.isFinite(egfr) || egfr < 0 || egfr > 250) {
            throw new InvalidClinicalInputException("egfr",
                    "expected mL/min/1.73 m² between 0 and 250 but found " + egfr);
        }
        Set<String> out = new LinkedHashSet<>();
        if (egfr < 60) {
            out.add("ckd");
            out.add("egfr-lt-60");
        }
        if (egfr < 45) {
            out.add("egfr-lt-45");
        }
        if (egfr < 30) {
            out.add("egfr-lt-30");
        }
        if (egfr < 15) {
            out.add("egfr-lt-15");
        }
        return out;
    }
}

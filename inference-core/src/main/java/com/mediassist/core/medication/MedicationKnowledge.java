package com.mediassist.core.medication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.ConditionCatalog;
import com.mediassist.core.knowledge.CsvTable;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.text.TextFold;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the medication checks know, loaded once from the class path: the dictionary, drug
 * classes, the derived interaction table (NDF-RT and the ONC lists), authored drug–drug class rules,
 * allergy cross-reactivity, drug–condition rules and the condition catalogue. Immutable and
 * thread-safe; load it once per process (loading takes a few hundred milliseconds).
 */
public final class MedicationKnowledge {

    private static final String DIR = MedicineDictionary.RESOURCE_DIR;
    private static final String BUNDLE_DIR = "medication/";

    /** Which list an interaction pair comes from. */
    public enum PairSource {
        NDFRT("ndfrt", "NDF-RT (US Veterans Affairs), merged PDDI dataset (Ayvaz 2015)"),
        ONC_HIGH_PRIORITY("onc-high-priority", "ONC high-priority DDI list (Phansalkar et al., JAMIA 2012)"),
        ONC_NON_INTERRUPTIVE("onc-non-interruptive",
                "ONC non-interruptive DDI list (Phansalkar et al., JAMIA 2013)");

        private final String code;
        private final String citation;

        PairSource(String code, String citation) {
            this.code = code;
            this.citation = citation;
        }

        /** @return the code used in interactions.csv */
        public String code() {
            return code;
        }

        /** @return the citation shown as an alert's source */
        public String citation() {
            return citation;
        }

        static PairSource parse(CsvTable.Row r, String code) {
            for (PairSource s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw r.error("unknown interaction source \"" + code + "\"");
        }
    }

    /** One row of the derived interaction table. */
    public record Pair(PairSource source, IngredientKey a, IngredientKey b, String severity, String label) {
    }

    record Term(String classKey, Set<IngredientKey> members, int count) {
    }

    /**
     * @param replace optional: a class of the rule's drugs the advice says to replace, and with what
     */
    record DrugDrugRule(String id, List<Term> terms, Severity severity, Bilingual mechanism, Bilingual management,
                        String source, Optional<Swap> replace) {
    }

    /** The advice "replace a member of {@code members} with {@code with}" of a drug–drug rule. */
    record Swap(Set<IngredientKey> members, IngredientKey with) {
    }

    record AllergyRule(String allergyClass, Set<IngredientKey> drugs, String drugClass, Severity severity,
                       Bilingual message, Bilingual management, String source) {
    }

    record ConditionRule(String id, Set<IngredientKey> drugs, String condition, String group, Severity severity,
                         Bilingual message, Bilingual management, String source) {
    }

    private final MedicineDictionary dictionary;
    private final ConditionCatalog conditions;
    private final Map<String, DrugClass> classes;
    private final List<DrugDrugRule> drugDrugRules;
    private final List<AllergyRule> allergyRules;
    private final List<ConditionRule> conditionRules;
    private final Map<IngredientKey, Map<IngredientKey, List<Pair>>> pairs;
    private final List<Pair> pairRows;
    private final Map<IngredientKey, List<IngredientKey>> proxies;
    private final Map<IngredientKey, String> proxySources;
    private final MechanismTable mechanisms;
    private final String version;

    private MedicationKnowledge(String version, MedicineDictionary dictionary, ConditionCatalog conditions,
                                Map<String, DrugClass> classes, List<DrugDrugRule> drugDrugRules,
                                List<AllergyRule> allergyRules, List<ConditionRule> conditionRules,
                                List<Pair> pairRows, Map<IngredientKey, List<IngredientKey>> proxies,
                                Map<IngredientKey, String> proxySources, MechanismTable mechanisms) {
        this.dictionary = dictionary;
        this.conditions = conditions;
        this.classes = classes;
        this.drugDrugRules = drugDrugRules;
        this.allergyRules = allergyRules;
        this.conditionRules = conditionRules;
        this.pairRows = pairRows;
        Map<IngredientKey, Map<IngredientKey, List<Pair>>> byPair = new HashMap<>();
        for (Pair p : pairRows) {
            byPair.computeIfAbsent(p.a, k -> new HashMap<>()).computeIfAbsent(p.b, k -> new ArrayList<>()).add(p);
            if (!p.a.equals(p.b)) {
                byPair.computeIfAbsent(p.b, k -> new HashMap<>()).computeIfAbsent(p.a, k -> new ArrayList<>()).add(p);
            }
        }
        this.pairs = byPair;
        this.proxies = proxies;
        this.proxySources = proxySources;
        this.mechanisms = mechanisms;
        this.version = version;
    }

    static String pairKey(IngredientKey a, IngredientKey b) {
        return a.compareTo(b) <= 0 ? a.value() + "|" + b.value() : b.value() + "|" + a.value();
    }

    /**
     * Loads the knowledge shipped under {@code knowledge/} in the class path, hash-verified against its
     * manifest.
     *
     * @throws KnowledgeFormatException when a file is missing, malformed, or a rule names an unknown
     *                                  class, ingredient or severity
     * @throws com.mediassist.core.knowledge.bundle.KnowledgeBundleException when a file differs from the
     *                                  manifest or is not listed in it
     */
    public static MedicationKnowledge loadDefault() {
        return load(KnowledgeManifest.shipped());
    }

    /**
     * Loads the medication knowledge of a bundle (the shipped one or one delivered over the air); every
     * file is read through the manifest, which verifies its hash.
     *
     * @throws KnowledgeFormatException when a file is malformed or a rule names an unknown class,
     *                                  ingredient or severity
     * @throws com.mediassist.core.knowledge.bundle.KnowledgeBundleException when a file differs from the
     *                                  manifest, is missing or is not listed
     */
    public static MedicationKnowledge load(KnowledgeManifest bundle) {
        CsvTable interactions = bundle.csv(BUNDLE_DIR + "interactions.csv");
        MedicineDictionary dict = MedicineDictionary.load(bundle.csv(BUNDLE_DIR + "ingredients.csv"),
                bundle.csv(BUNDLE_DIR + "brands.csv"), interactions);
        Map<String, DrugClass> classes = loadClasses(dict, List.of(bundle.csv(BUNDLE_DIR + "drug-classes.csv"),
                bundle.csv(BUNDLE_DIR + "pd-classes.csv")));
        List<DrugDrugRule> ddr = new ArrayList<>();
        List<JsonNode> ruleNodes = new ArrayList<>();
        json(bundle, "drug-drug-rules.json").forEach(ruleNodes::add);
        json(bundle, "pd-rules.json").forEach(ruleNodes::add);
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode n : ruleNodes) {
            if (!ruleIds.add(req(n, "id"))) {
                throw new KnowledgeFormatException(DIR + "pd-rules.json", 0, "duplicate rule id \"" + req(n, "id") + "\"");
            }
            List<Term> terms = new ArrayList<>();
            for (JsonNode t : n.path("classes")) {
                String spec = t.asText();
                int star = spec.indexOf('*');
                String key = star < 0 ? spec : spec.substring(0, star);
                int count = star < 0 ? 1 : Integer.parseInt(spec.substring(star + 1));
                terms.add(new Term(key, members(dict, classes, key, "drug-drug-rules.json"), count));
            }
            Optional<Swap> swap = Optional.empty();
            JsonNode replace = n.get("replace");
            if (replace != null) {
                Set<IngredientKey> with = members(dict, classes, req(replace, "with"), "drug-drug-rules.json");
                if (with.size() != 1) {
                    throw new KnowledgeFormatException(DIR + "drug-drug-rules.json", 0,
                            "rule " + req(n, "id") + ": \"replace.with\" must name one ingredient");
                }
                swap = Optional.of(new Swap(members(dict, classes, req(replace, "class"), "drug-drug-rules.json"),
                        with.iterator().next()));
            }
            ddr.add(new DrugDrugRule(req(n, "id"), List.copyOf(terms), severity(n, "drug-drug-rules.json"),
                    bi(n, "mechanism"), bi(n, "management"), req(n, "source"), swap));
        }
        List<AllergyRule> ar = new ArrayList<>();
        for (JsonNode n : json(bundle, "allergy-cross-reactivity.json")) {
            String allergy = req(n, "allergy");
            members(dict, classes, allergy, "allergy-cross-reactivity.json");
            String drugs = req(n, "drugs");
            ar.add(new AllergyRule(allergy, members(dict, classes, drugs, "allergy-cross-reactivity.json"), drugs,
                    severity(n, "allergy-cross-reactivity.json"), bi(n, "message"), bi(n, "management"),
                    req(n, "source")));
        }
        ConditionCatalog catalog = ConditionCatalog.load(bundle);
        Set<String> known = new HashSet<>(catalog.conceptKeys());
        known.addAll(List.of("egfr-lt-60", "egfr-lt-45", "egfr-lt-30", "egfr-lt-15"));
        List<ConditionRule> cr = new ArrayList<>();
        for (JsonNode n : json(bundle, "drug-condition-rules.json")) {
            String condition = req(n, "condition");
            if (!known.contains(condition)) {
                throw new KnowledgeFormatException(DIR + "drug-condition-rules.json", 0,
                        "rule " + req(n, "id") + " names unknown condition \"" + condition + "\"");
            }
            cr.add(new ConditionRule(req(n, "id"), members(dict, classes, req(n, "drugs"),
                    "drug-condition-rules.json"), condition, req(n, "group"),
                    severity(n, "drug-condition-rules.json"), bi(n, "message"), bi(n, "management"),
                    req(n, "source")));
        }
        List<Pair> rows = new ArrayList<>();
        for (CsvTable.Row r : interactions.rows()) {
            rows.add(new Pair(PairSource.parse(r, r.required("source")), new IngredientKey(r.required("ingredient_a")),
                    new IngredientKey(r.required("ingredient_b")), r.get("severity"), r.get("label")));
        }
        Map<IngredientKey, List<IngredientKey>> proxies = new HashMap<>();
        Map<IngredientKey, String> proxySources = new HashMap<>();
        for (CsvTable.Row r : bundle.csv(BUNDLE_DIR + "interaction-proxies.csv").rows()) {
            IngredientKey from = existing(dict, r, r.required("ingredient"));
            IngredientKey to = existing(dict, r, r.required("behaves_as"));
            proxies.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            proxySources.put(from, r.required("source"));
        }
        MechanismTable mechanisms = MechanismTable.load(bundle.csv(BUNDLE_DIR + "pk-profiles.csv"),
                bundle.csv(BUNDLE_DIR + "pk-severity.csv"), r -> existing(dict, r, r.required("ingredient")),
                k -> new String[] {dict.ingredient(k).map(i -> i.name(Language.ES)).orElse(k.value()),
                        dict.ingredient(k).map(i -> i.name(Language.EN)).orElse(k.value())});
        return new MedicationKnowledge(bundle.version(), dict, catalog, classes, List.copyOf(ddr), List.copyOf(ar), List.copyOf(cr),
                List.copyOf(rows), proxies, proxySources, mechanisms);
    }

    private static IngredientKey existing(MedicineDictionary dict, CsvTable.Row r, String key) {
        IngredientKey k = new IngredientKey(key);
        if (dict.ingredient(k).isEmpty()) {
            throw r.error("unknown ingredient \"" + key + "\"");
        }
        return k;
    }

    private static Map<String, DrugClass> loadClasses(MedicineDictionary dict, List<CsvTable> tables) {
        Map<String, DrugClass> out = new LinkedHashMap<>();
        for (CsvTable table : tables) {
            loadClasses(dict, table, out);
        }
        return Collections.unmodifiableMap(out);
    }

    private static void loadClasses(MedicineDictionary dict, CsvTable table, Map<String, DrugClass> out) {
        for (CsvTable.Row r : table.rows()) {
            String key = r.required("key");
            Set<IngredientKey> members = new HashSet<>();
            for (String prefix : split(r.get("atc"))) {
                for (Ingredient i : dict.ingredients()) {
                    if (i.inAtc(prefix)) {
                        members.add(i.key());
                    }
                }
            }
            for (String name : split(r.get("ingredients"))) {
                members.add(resolve(dict, r, name));
            }
            for (String name : split(r.get("exclude"))) {
                members.remove(resolve(dict, r, name));
            }
            String dup = r.get("duplicate_severity");
            Optional<Severity> dupSeverity = dup.isEmpty() ? Optional.empty()
                    : Optional.of(Severity.parse(table.resource(), dup));
            List<String> terms = new ArrayList<>();
            for (String t : split(r.get("allergy_terms"))) {
                terms.add(TextFold.normaliseWords(t));
            }
            if (out.put(key, new DrugClass(key, new Bilingual(r.required("name_es"), r.required("name_en")), members,
                    dupSeverity, terms, r.required("source"))) != null) {
                throw r.error("duplicate class \"" + key + "\"");
            }
        }
    }

    private static IngredientKey resolve(MedicineDictionary dict, CsvTable.Row r, String name) {
        IngredientKey direct = IngredientKey.of(name);
        if (dict.ingredient(direct).isPresent()) {
            return direct;
        }
        MedicationMatch m = dict.match(name);
        if (m.matched() && m.how() == MatchKind.EXACT && m.ingredients().size() == 1) {
            return m.ingredients().get(0).key();
        }
        throw r.error("names unknown ingredient \"" + name + "\"");
    }

    private static Set<IngredientKey> members(MedicineDictionary dict, Map<String, DrugClass> classes, String key,
                                              String file) {
        DrugClass c = classes.get(key);
        if (c != null) {
            return c.members();
        }
        IngredientKey k = IngredientKey.of(key);
        if (dict.ingredient(k).isPresent()) {
            return Set.of(k);
        }
        throw new KnowledgeFormatException(DIR + file, 0, "unknown class or ingredient \"" + key + "\"");
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

    private static JsonNode json(KnowledgeManifest bundle, String file) {
        JsonNode root = bundle.json(BUNDLE_DIR + file);
        if (!root.isArray()) {
            throw new KnowledgeFormatException(DIR + file, 0, "expected a JSON array");
        }
        return root;
    }

    private static String req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new KnowledgeFormatException("medication rules", 0, "entry without \"" + field + "\": " + n);
        }
        return v.asText();
    }

    private static Bilingual bi(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new KnowledgeFormatException("medication rules", 0, "entry without \"" + field + "\": " + n);
        }
        return new Bilingual(req(v, "es"), req(v, "en"));
    }

    private static Severity severity(JsonNode n, String file) {
        return Severity.parse(DIR + file, req(n, "severity"));
    }

    /**
     * For evaluation: the same knowledge without the derived interaction table (and its proxies), so that
     * what the class rules and the mechanism layer find on their own can be measured against a list of
     * pairs. Never use it for patients.
     *
     * @return a copy sharing everything else
     */
    public MedicationKnowledge withoutInteractionTable() {
        return new MedicationKnowledge(version, dictionary, conditions, classes, drugDrugRules, allergyRules, conditionRules,
                List.of(), Map.of(), Map.of(), mechanisms);
    }

    /** @return the pharmacokinetic mechanism layer (CYP and P-gp inhibitors, inducers and substrates) */
    public MechanismTable mechanisms() {
        return mechanisms;
    }

    /** @return the knowledge version of the bundle this was loaded from, reported with every check */
    public String version() {
        return version;
    }

    /** @return the medicine dictionary */
    public MedicineDictionary dictionary() {
        return dictionary;
    }

    /** @return the condition catalogue */
    public ConditionCatalog conditions() {
        return conditions;
    }

    /** @return the drug classes by key */
    public Map<String, DrugClass> classes() {
        return classes;
    }

    /** @return every row of the derived interaction table (5,849 in the shipped knowledge) */
    public List<Pair> pairRows() {
        return pairRows;
    }

    /** @return the authored drug–drug class rule ids, in file order */
    public List<String> drugDrugRuleIds() {
        return drugDrugRules.stream().map(DrugDrugRule::id).toList();
    }

    /** @return the authored drug–condition rule ids, in file order */
    public List<String> drugConditionRuleIds() {
        return conditionRules.stream().map(ConditionRule::id).toList();
    }

    List<DrugDrugRule> drugDrugRules() {
        return drugDrugRules;
    }

    List<AllergyRule> allergyRules() {
        return allergyRules;
    }

    List<ConditionRule> conditionRules() {
        return conditionRules;
    }

    List<Pair> pairs(IngredientKey a, IngredientKey b) {
        Map<IngredientKey, List<Pair>> withA = pairs.get(a);
        if (withA == null) {
            return List.of();
        }
        return withA.getOrDefault(b, List.of());
    }

    List<IngredientKey> proxies(IngredientKey k) {
        return proxies.getOrDefault(k, List.of());
    }

    String proxySource(IngredientKey k) {
        return proxySources.getOrDefault(k, "");
    }
}

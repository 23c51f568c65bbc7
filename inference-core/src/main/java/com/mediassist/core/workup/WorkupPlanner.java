package com.mediassist.core.workup;

import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.KnowledgeFormatException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.text.TextFold;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Orders the tests that guidelines recommend for the candidates of a differential. Immutable and
 * thread-safe; load once.
 */
public final class WorkupPlanner {

    /** Class-path resource of the shipped knowledge. */
    public static final String RESOURCE = "knowledge/workup/recommended-tests.json";
    /** @return the knowledge version these tests come from (reported with every plan) */
    public String version() {
        return version;
    }

    /** Score factor of a second-line test relative to a first-line one. */
    public static final double SECOND_LINE_FACTOR = 0.5;

    /** A known pathology. */
    public record Pathology(String name, Bilingual displayName, String icd10, int severity, List<Entry> tests) {
        public Pathology {
            tests = List.copyOf(tests);
        }

        /** @return the severity weight: 5 for DDXPlus severity 1 down to 1 for severity 5 */
        public int severityWeight() {
            return 6 - severity;
        }
    }

    /** A test recommended for a pathology by a guideline. */
    public record Entry(String test, int priority, Purpose purpose, String guideline, int year) {
    }

    private final Map<String, Bilingual> testNames;
    private final List<Pathology> pathologies;
    private final Map<String, Pathology> byName;

    private final String version;

    private WorkupPlanner(String version, Map<String, Bilingual> testNames, List<Pathology> pathologies,
                          Map<String, Pathology> byName) {
        this.version = version;
        this.testNames = testNames;
        this.pathologies = pathologies;
        this.byName = byName;
    }

    /** Loads {@value #RESOURCE}. @throws KnowledgeFormatException when missing or malformed */
    public static WorkupPlanner loadDefault() {
        return load(KnowledgeManifest.shipped());
    }

    /**
     * Loads the recommended tests of a knowledge bundle (the shipped one or one delivered over the air),
     * hash-verified through its manifest; plans report the bundle's knowledge version.
     *
     * @throws KnowledgeFormatException when missing or malformed
     */
    public static WorkupPlanner load(KnowledgeManifest bundle) {
        try (InputStream in = bundle.open(RESOURCE.substring(KnowledgeManifest.CLASSPATH_ROOT.length()))) {
            return parse(bundle.version(), new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new KnowledgeFormatException(RESOURCE, 0, "cannot be read as JSON", e);
        }
    }

    private static WorkupPlanner parse(String version, JsonNode root) {
        Map<String, Bilingual> tests = new LinkedHashMap<>();
        root.path("tests").fields().forEachRemaining(e ->
                tests.put(e.getKey(), new Bilingual(req(e.getValue(), "es"), req(e.getValue(), "en"))));
        List<Pathology> list = new ArrayList<>();
        Map<String, Pathology> byName = new HashMap<>();
        for (JsonNode p : root.path("pathologies")) {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode t : p.path("tests")) {
                String test = req(t, "test");
                if (!tests.containsKey(test)) {
                    throw new KnowledgeFormatException(RESOURCE, 0, "unknown test \"" + test + "\"");
                }
                int year = t.path("year").asInt(0);
                if (year < 1990) {
                    throw new KnowledgeFormatException(RESOURCE, 0, "test " + test + " of " + req(p, "name")
                            + " has no guideline year");
                }
                entries.add(new Entry(test, t.path("priority").asInt(1), Purpose.parse(req(t, "purpose")),
                        req(t, "guideline"), year));
            }
            int severity = p.path("severity").asInt(0);
            if (severity < 1 || severity > 5) {
                throw new KnowledgeFormatException(RESOURCE, 0, req(p, "name") + ": severity must be 1-5");
            }
            Pathology path = new Pathology(req(p, "name"), new Bilingual(req(p, "es"), req(p, "name")),
                    req(p, "icd10"), severity, entries);
            list.add(path);
            for (String alias : List.of(path.name(), req(p, "es"), p.path("fr").asText(""))) {
                if (!alias.isBlank()) {
                    byName.put(key(alias), path);
                }
            }
            for (String icd : path.icd10().split(",")) {
                byName.put(key(icd), path);
            }
        }
        return new WorkupPlanner(version, Collections.unmodifiableMap(tests), List.copyOf(list), byName);
    }

    private static String req(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new KnowledgeFormatException(RESOURCE, 0, "entry without \"" + field + "\": " + n);
        }
        return v;
    }

    private static String key(String s) {
        return TextFold.fold(s).replaceAll("[^a-z0-9]+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /** @return every known pathology, by English name */
    public List<Pathology> pathologies() {
        return pathologies;
    }

    /** @return the pathology with that English, Spanish or French name or ICD-10 code */
    public Optional<Pathology> pathology(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /**
     * Builds the ordered, de-duplicated test list for a differential.
     *
     * @param differential candidates with probabilities in [0, 1]; a candidate named twice keeps its
     *                     highest probability
     * @param language     language of names and purposes
     * @throws InvalidClinicalInputException when a probability is outside [0, 1] or not a number
     */
    public WorkupPlan recommend(List<DifferentialEntry> differential, Language language) {
        Map<Pathology, Double> candidates = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < differential.size(); i++) {
            DifferentialEntry e = differential.get(i);
            if (e == null) {
                throw new InvalidClinicalInputException("differential[" + i + "]", "must not be null");
            }
            double p = e.probability();
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidClinicalInputException("differential[" + i + "].probability",
                        "expected a number between 0 and 1 but found " + p);
            }
            Optional<Pathology> path = pathology(e.pathology());
            if (path.isEmpty()) {
                unknown.add(e.pathology());
                continue;
            }
            candidates.merge(path.get(), p, Math::max);
        }
        Map<String, List<TestReason>> reasons = new LinkedHashMap<>();
        Map<String, Boolean> firstLine = new HashMap<>();
        for (Map.Entry<Pathology, Double> c : candidates.entrySet()) {
            Pathology path = c.getKey();
            for (Entry t : path.tests()) {
                double score = c.getValue() * path.severityWeight() * (t.priority() == 1 ? 1.0 : SECOND_LINE_FACTOR);
                reasons.computeIfAbsent(t.test(), k -> new ArrayList<>()).add(new TestReason(path.name(),
                        path.displayName().in(language), c.getValue(), path.severity(), t.purpose().label(language),
                        t.guideline(), t.year(), score));
                firstLine.merge(t.test(), t.priority() == 1, Boolean::logicalOr);
            }
        }
        List<RecommendedTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<TestReason>> e : reasons.entrySet()) {
            List<TestReason> rs = new ArrayList<>(e.getValue());
            rs.sort(Comparator.comparingDouble(TestReason::score).reversed());
            LinkedHashSet<String> sources = new LinkedHashSet<>();
            for (TestReason r : rs) {
                sources.add(r.guideline() + " (" + r.year() + ")");
            }
            tests.add(new RecommendedTest(e.getKey(), testNames.get(e.getKey()).in(language), rs.get(0).score(),
                    firstLine.get(e.getKey()), rs, List.copyOf(sources)));
        }
        tests.sort(Comparator.comparingDouble(RecommendedTest::score).reversed()
                .thenComparing(t -> !t.firstLine()).thenComparing(RecommendedTest::test));
        return new WorkupPlan(tests, unknown, version);
    }
}

package com.mediassist.core.knowledge.set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.knowledge.KnowledgeException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.InvalidKnowledgeManifestException;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.medication.Alert;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.workup.DifferentialEntry;
import com.mediassist.core.workup.RecommendedTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A knowledge bundle's golden cases ({@value #FILE_NAME}, listed in its manifest): medication checks with
 * the alerts the vendor's build got from this very bundle, and differentials with the tests it recommended.
 * The box runs them on a shadow {@link KnowledgeSet} before it switches; any difference refuses the bundle.
 *
 * @param format     always {@value #FORMAT}
 * @param medication medication checks and their expected alerts
 * @param workup     differentials and their expected recommended tests
 */
public record KnowledgeGoldenCases(String format, List<MedicationCase> medication, List<WorkupCase> workup) {

    /** The format this code reads and writes. */
    public static final String FORMAT = "mediassist-knowledge-golden-cases/1";
    /** The file's path in a knowledge bundle. */
    public static final String FILE_NAME = "golden-cases.json";
    /** Recommended tests compared per workup case, in order. */
    public static final int COMPARED_TESTS = 5;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public KnowledgeGoldenCases {
        medication = List.copyOf(medication);
        workup = List.copyOf(workup);
    }

    /**
     * A medication check.
     *
     * @param name        what it stands for
     * @param medications as typed
     * @param allergies   as typed
     * @param conditions  as typed or coded
     * @param egfr        mL/min/1.73 m², or {@code null}
     * @param expected    every alert, in the checker's order
     */
    public record MedicationCase(String name, List<String> medications, List<String> allergies,
                                 List<String> conditions, Double egfr, List<ExpectedAlert> expected) {
        public MedicationCase {
            medications = List.copyOf(medications);
            allergies = List.copyOf(allergies);
            conditions = List.copyOf(conditions);
            expected = expected == null ? List.of() : List.copyOf(expected);
        }

        MedicationCheckRequest request() {
            return new MedicationCheckRequest(medications, allergies, conditions, egfr, Language.ES);
        }
    }

    /**
     * An expected alert.
     *
     * @param ruleId    the rule or list that fired
     * @param severity  its severity
     * @param interrupt whether it interrupts
     * @param drugs     the ingredients involved
     */
    public record ExpectedAlert(String ruleId, String severity, boolean interrupt, List<String> drugs) {
        public ExpectedAlert {
            drugs = List.copyOf(drugs);
        }

        static ExpectedAlert of(Alert a) {
            return new ExpectedAlert(a.ruleId(), a.severity().name().toLowerCase(Locale.ROOT), a.interrupt(), a.drugs());
        }
    }

    /**
     * A differential and the first {@value #COMPARED_TESTS} tests recommended for it.
     *
     * @param name          what it stands for
     * @param differential  pathology names with probabilities
     * @param expectedTests test codes, most recommended first
     */
    public record WorkupCase(String name, List<DifferentialEntry> differential, List<String> expectedTests) {
        public WorkupCase {
            differential = List.copyOf(differential);
            expectedTests = expectedTests == null ? List.of() : List.copyOf(expectedTests);
        }
    }

    /**
     * The golden cases of a bundle, when its manifest lists {@value #FILE_NAME}.
     *
     * @throws InvalidKnowledgeManifestException when the file is malformed or of another format
     */
    public static Optional<KnowledgeGoldenCases> of(KnowledgeManifest bundle) {
        if (!bundle.files().containsKey(FILE_NAME)) {
            return Optional.empty();
        }
        try {
            KnowledgeGoldenCases g = JSON.readValue(bundle.bytes(FILE_NAME), KnowledgeGoldenCases.class);
            if (!FORMAT.equals(g.format())) {
                throw new InvalidKnowledgeManifestException("golden cases format is '" + g.format() + "', expected '"
                        + FORMAT + "'", null);
            }
            return Optional.of(g);
        } catch (IOException e) {
            throw new InvalidKnowledgeManifestException("cannot read the golden cases " + FILE_NAME + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes them as {@code file}. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * Records golden cases: the answers {@code set} gives to the inputs of {@code inputs} (whose expected
     * answers are ignored).
     */
    public static KnowledgeGoldenCases record(KnowledgeSet set, KnowledgeGoldenCases inputs) {
        List<MedicationCase> meds = new ArrayList<>();
        for (MedicationCase c : inputs.medication()) {
            meds.add(new MedicationCase(c.name(), c.medications(), c.allergies(), c.conditions(), c.egfr(),
                    alerts(set, c)));
        }
        List<WorkupCase> work = new ArrayList<>();
        for (WorkupCase c : inputs.workup()) {
            work.add(new WorkupCase(c.name(), c.differential(), tests(set, c)));
        }
        return new KnowledgeGoldenCases(FORMAT, meds, work);
    }

    /**
     * Runs every case on {@code set} and compares.
     *
     * @throws KnowledgeGoldenCaseMismatchException at the first case that differs, with expected and found
     */
    public void check(KnowledgeSet set) {
        for (MedicationCase c : medication) {
            List<ExpectedAlert> found = alerts(set, c);
            if (!found.equals(c.expected())) {
                throw new KnowledgeGoldenCaseMismatchException(c.name(), c.expected().toString(), found.toString());
            }
        }
        for (WorkupCase c : workup) {
            List<String> found = tests(set, c);
            if (!found.equals(c.expectedTests())) {
                throw new KnowledgeGoldenCaseMismatchException(c.name(), c.expectedTests().toString(), found.toString());
            }
        }
    }

    private static List<ExpectedAlert> alerts(KnowledgeSet set, MedicationCase c) {
        return set.medication().check(c.request()).alerts().stream().map(ExpectedAlert::of).toList();
    }

    private static List<String> tests(KnowledgeSet set, WorkupCase c) {
        return set.workup().recommend(c.differential(), Language.ES).tests().stream().limit(COMPARED_TESTS)
                .map(RecommendedTest::test).toList();
    }

    /** A golden case's answer differs from the one shipped with the knowledge bundle. */
    public static final class KnowledgeGoldenCaseMismatchException extends KnowledgeException {
        private static final long serialVersionUID = 1L;
        private final String goldenCase;
        private final String expected;
        private final String found;

        public KnowledgeGoldenCaseMismatchException(String goldenCase, String expected, String found) {
            super("knowledge golden case " + goldenCase + ": expected " + expected + ", found " + found);
            this.goldenCase = goldenCase;
            this.expected = expected;
            this.found = found;
        }

        public String goldenCase() {
            return goldenCase;
        }

        public String expected() {
            return expected;
        }

        public String found() {
            return found;
        }
    }
}

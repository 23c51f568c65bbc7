package com.mediassist.core.diagnosis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.bundle.BundleException.InvalidManifestException;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Pathology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bundle's golden cases ({@code golden-cases.json}, the manifest's knowledge role
 * {@value #ROLE}): patient inputs with the answers the vendor's build got from this very bundle. The
 * box runs them in a shadow engine before it switches to a new bundle; any difference (another
 * ranking, a probability off by more than the tolerance, or the fallback answering instead of the
 * model) refuses the bundle.
 *
 * @param format    always {@value #FORMAT}
 * @param tolerance the largest accepted absolute difference of a probability
 * @param cases     the cases
 */
public record GoldenCases(String format, double tolerance, List<GoldenCase> cases) {

    /** The format this code reads and writes. */
    public static final String FORMAT = "mediassist-golden-cases/1";
    /** The manifest's knowledge role naming the file. */
    public static final String ROLE = "goldenCases";
    /** The file name the vendor build uses. */
    public static final String FILE_NAME = "golden-cases.json";
    /** Golden cases over the latency budget that refuse a bundle. */
    public static final int SLOW_CASES_REFUSED = 3;
    /** How many candidates of each answer are compared. */
    public static final int COMPARED = 3;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public GoldenCases {
        cases = List.copyOf(cases);
    }

    /**
     * One case.
     *
     * @param name     what it stands for (e.g. the pathology its findings were drawn from)
     * @param age      years
     * @param sex      {@code M} or {@code F}
     * @param present  positive findings in DDXPlus notation
     * @param absent   denied evidence codes
     * @param method   the method that must answer ({@link DiagnosisEngine#METHOD_MODEL})
     * @param expected the first {@value #COMPARED} candidates, most probable first
     */
    public record GoldenCase(String name, int age, String sex, List<String> present, List<String> absent,
                             String method, List<Expected> expected) {
        public GoldenCase {
            present = List.copyOf(present);
            absent = List.copyOf(absent);
            expected = List.copyOf(expected);
        }
    }

    /**
     * An expected candidate.
     *
     * @param code        pathology code
     * @param probability its probability
     */
    public record Expected(String code, double probability) {
    }

    /** The golden cases of a bundle, when it ships them. */
    public static Optional<GoldenCases> of(VerifiedBundle bundle) {
        String file = bundle.manifest().knowledge().get(ROLE);
        if (file == null) {
            return Optional.empty();
        }
        try {
            GoldenCases g = JSON.readValue(bundle.file(file).toFile(), GoldenCases.class);
            if (!FORMAT.equals(g.format())) {
                throw new InvalidManifestException("golden cases format is '" + g.format() + "', expected '" + FORMAT + "'");
            }
            return Optional.of(g);
        } catch (IOException e) {
            throw new InvalidManifestException("cannot read the golden cases " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes them as {@code file}. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * Records golden cases from an engine: one case per pathology (up to {@code max}), the patient
     * presenting the pathology's first six yes/no symptoms, ages and sexes alternating.
     */
    public static GoldenCases record(DiagnosisEngine engine, int max, double tolerance) {
        Knowledge k = engine.knowledge();
        List<GoldenCase> cases = new ArrayList<>();
        for (Pathology p : k.pathologies()) {
            if (cases.size() >= max) {
                break;
            }
            List<String> present = p.symptoms().stream()
                    .filter(e -> k.evidence(e).map(ev -> ev.type() == EvidenceType.BINARY).orElse(false))
                    .limit(6).map(e -> e.value()).toList();
            if (present.isEmpty()) {
                continue;
            }
            int age = 25 + 10 * (cases.size() % 5);
            String sex = cases.size() % 2 == 0 ? "F" : "M";
            DiagnosisResult r = engine.diagnose(k.findings(age, sex, present, List.of()), Language.EN);
            List<Expected> top = r.differential().stream().limit(COMPARED)
                    .map(c -> new Expected(c.code(), c.probability())).toList();
            cases.add(new GoldenCase(p.code().value(), age, sex, present, List.of(), r.model().method(), top));
        }
        return new GoldenCases(FORMAT, tolerance, cases);
    }

    /**
     * Runs every case on {@code engine} and compares.
     *
     * @throws GoldenCaseMismatchException at the first case that differs, naming it with expected and found
     */
    public void check(DiagnosisEngine engine) {
        check(engine, null);
    }

    /**
     * Runs every case on {@code engine} and compares, the cases after the first (which warms the engine
     * up) within {@code budget}: a model too slow for the clinic is refused before it serves. A pause of
     * the machine may delay one case or two, so the bundle is refused at the {@value #SLOW_CASES_REFUSED}th
     * case over the budget.
     *
     * @param budget the longest one case may take; {@code null}: no limit
     * @throws GoldenCaseMismatchException at the first case that differs, naming it with expected and found
     * @throws GoldenCaseTooSlowException  at the {@value #SLOW_CASES_REFUSED}th case that took longer than
     *                                     {@code budget}
     */
    public void check(DiagnosisEngine engine, Duration budget) {
        Knowledge k = engine.knowledge();
        boolean first = true;
        int slow = 0;
        for (GoldenCase c : cases) {
            long start = System.nanoTime();
            DiagnosisResult r = engine.diagnose(k.findings(c.age(), c.sex(), c.present(), c.absent()), Language.EN);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (budget != null && !first && took.compareTo(budget) > 0 && ++slow >= SLOW_CASES_REFUSED) {
                throw new GoldenCaseTooSlowException(c.name(), budget, took);
            }
            first = false;
            if (!c.method().equals(r.model().method())) {
                throw new GoldenCaseMismatchException(c.name(), "answered by " + c.method(),
                        "answered by " + r.model().method() + (r.fallbackReason() == null ? "" : " (" + r.fallbackReason() + ")"));
            }
            List<DiagnosisResult.Candidate> found = r.differential();
            for (int i = 0; i < c.expected().size(); i++) {
                Expected e = c.expected().get(i);
                if (i >= found.size() || !found.get(i).code().equals(e.code())
                        || Math.abs(found.get(i).probability() - e.probability()) > tolerance) {
                    String got = i >= found.size() ? "nothing"
                            : String.format(Locale.ROOT, "%s %.4f", found.get(i).code(), found.get(i).probability());
                    throw new GoldenCaseMismatchException(c.name(),
                            String.format(Locale.ROOT, "candidate %d %s %.4f", i + 1, e.code(), e.probability()), got);
                }
            }
        }
    }

    /** A golden case took longer than the latency budget of one diagnosis. */
    public static final class GoldenCaseTooSlowException extends DiagnosisException {
        private final String goldenCase;
        private final Duration budget;
        private final Duration took;

        public GoldenCaseTooSlowException(String goldenCase, Duration budget, Duration took) {
            super(String.format(Locale.ROOT, "golden case %s took %d ms; %d cases over the latency budget of %d ms",
                    goldenCase, took.toMillis(), SLOW_CASES_REFUSED, budget.toMillis()), null);
            this.goldenCase = goldenCase;
            this.budget = budget;
            this.took = took;
        }

        public String goldenCase() {
            return goldenCase;
        }

        public Duration budget() {
            return budget;
        }

        public Duration took() {
            return took;
        }
    }

    /** A golden case's answer differs from the one shipped with the bundle. */
    public static final class GoldenCaseMismatchException extends DiagnosisException {
        private final String goldenCase;
        private final String expected;
        private final String found;

        public GoldenCaseMismatchException(String goldenCase, String expected, String found) {
            super("golden case " + goldenCase + ": expected " + expected + ", found " + found, null);
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

package com.mediassist.models.loop;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.models.Evaluator;
import com.mediassist.models.PatientRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety gate: a candidate bundle may replace the active one only when it is not worse on fixed
 * evaluation patients: top-1 and top-5 with all and with half the evidence no more than
 * {@code tolerance} below the active bundle's, and the recall of every severity-1 or -2 pathology not
 * lower at all, with all and with half the evidence. Recall is the share of the pathology's
 * evaluation patients for whom it is the top candidate; the share for whom it is in the differential
 * the doctor sees (the top {@value #DIFFERENTIAL}) must not drop either. No tolerance applies to
 * either: a model that finds one severe case fewer is refused even when its total accuracy holds up.
 */
public final class Gate {

    /** Default tolerance on top-1 / top-5 (absolute share, 0.01 = one percentage point). */
    public static final double DEFAULT_TOLERANCE = 0.01;
    /** Candidates of the differential the appliance shows (DiagnosisOptions' default). */
    public static final int DIFFERENTIAL = 5;
    /** Seed of the half-evidence sampling (the same for both bundles). */
    public static final long SEED = 1;

    private Gate() {
    }

    /**
     * The verdict.
     *
     * @param passed   whether every check passed
     * @param report   JSON-ready details: both bundles' numbers, each check, the failures
     */
    public record Verdict(boolean passed, Map<String, Object> report) {
    }

    /** Evaluates both bundles on the patients and compares them. */
    public static Verdict check(Path candidate, Path active, List<PatientRecord> patients, double tolerance, String minAppliance)
            throws IOException {
        BundleLoader loader = new BundleLoader(minAppliance);
        VerifiedBundle cb = loader.load(candidate);
        VerifiedBundle ab = loader.load(active);
        Map<String, Map<String, Object>> c = evaluate(cb, patients);
        Map<String, Map<String, Object>> a = evaluate(ab, patients);
        List<Map<String, Object>> checks = new ArrayList<>();
        List<String> failures = compare(c, a, com.mediassist.core.knowledge.Knowledge.read(
                cb.file(cb.manifest().knowledge().get("knowledge"))).pathologies(), tolerance, checks);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("passed", failures.isEmpty());
        r.put("tolerance", tolerance);
        r.put("patients", patients.size());
        r.put("candidate", describe(cb, candidate, c));
        r.put("active", describe(ab, active, a));
        r.put("checks", checks);
        r.put("failures", failures);
        return new Verdict(failures.isEmpty(), r);
    }

    /**
     * Compares evaluation reports ({@link Evaluator#report()} by mode: {@code allEvidence}, {@code halfEvidence}).
     *
     * @param checks receives every check made
     * @return the failures, in words (empty: the candidate passes)
     */
    static List<String> compare(Map<String, Map<String, Object>> c, Map<String, Map<String, Object>> a,
                                List<Pathology> pathologies, double tolerance, List<Map<String, Object>> checks) {
        List<String> failures = new ArrayList<>();
        for (String mode : List.of("allEvidence", "halfEvidence")) {
            for (String metric : List.of("top1", "top5")) {
                double cv = (Double) c.get(mode).get(metric);
                double av = (Double) a.get(mode).get(metric);
                boolean ok = cv >= av - tolerance - 1e-9;
                checks.add(check(mode + "." + metric, cv, av, ok));
                if (!ok) {
                    failures.add(mode + " " + metric + " " + cv + " is more than " + tolerance + " below the active " + av);
                }
            }
        }
        for (Pathology p : pathologies) {
            if (p.severity() > 2) {
                continue;
            }
            for (String mode : List.of("allEvidence", "halfEvidence")) {
                for (Recall recall : Recall.values()) {
                    Map<?, ?> cr = (Map<?, ?>) c.get(mode).get(recall.key);
                    Map<?, ?> ar = (Map<?, ?>) a.get(mode).get(recall.key);
                    if (!ar.containsKey(p.code().value())) {
                        continue;
                    }
                    double cv = cr.containsKey(p.code().value()) ? (Double) cr.get(p.code().value()) : 0.0;
                    double av = (Double) ar.get(p.code().value());
                    boolean ok = cv >= av - 1e-9;
                    checks.add(check(mode + "." + recall.check + "[" + p.code().value() + ", severity " + p.severity() + "]",
                            cv, av, ok));
                    if (!ok) {
                        failures.add(mode + ": " + p.code().value() + " (severity " + p.severity() + ") " + recall.words + " "
                                + cv + " of its patients, the active bundle " + av);
                    }
                }
            }
        }
        return failures;
    }

    /** The two per-pathology recalls the gate holds for severity-1/2 pathologies. */
    enum Recall {
        /** The share of the pathology's patients for whom it is the top candidate (the recall). */
        TOP1("perPathologyRecall", "recall", "is the top candidate of"),
        /** The share of its patients for whom it is in the differential the doctor sees (top 5). */
        IN_DIFFERENTIAL("perPathologyRecallTop5", "recallInDifferential", "is in the differential of");

        final String key;
        final String check;
        final String words;

        Recall(String key, String check, String words) {
            this.key = key;
            this.check = check;
            this.words = words;
        }
    }

    private static Map<String, Object> check(String name, double candidate, double active, boolean ok) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", name);
        m.put("candidate", candidate);
        m.put("active", active);
        m.put("ok", ok);
        return m;
    }

    private static Map<String, Object> describe(VerifiedBundle vb, Path dir, Map<String, Map<String, Object>> numbers)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", vb.manifest().id());
        m.put("version", vb.manifest().version());
        m.put("path", dir.toString());
        m.put("manifestSha256", sha256(Files.readAllBytes(dir.resolve(BundleManifest.FILE_NAME))));
        for (var e : numbers.entrySet()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("top1", e.getValue().get("top1"));
            n.put("top5", e.getValue().get("top5"));
            m.put(e.getKey(), n);
        }
        return m;
    }

    private static Map<String, Map<String, Object>> evaluate(VerifiedBundle vb, List<PatientRecord> patients) {
        Evaluator all = new Evaluator(new Evaluator.Mode.Partial(1.0, SEED, true));
        Evaluator half = new Evaluator(new Evaluator.Mode.Partial(0.5, SEED, true));
        try (DiagnosisEngine engine = DiagnosisEngine.open(vb,
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)).withNextQuestions(0))) {
            all.evaluate(engine, patients, 0);
            half.evaluate(engine, patients, 0);
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("allEvidence", all.report());
        out.put("halfEvidence", half.report());
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

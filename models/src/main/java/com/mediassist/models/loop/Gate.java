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
 * {@code tolerance} below the active bundle's (half evidence averaged over {@value #HALF_DRAWS} draws),
 * and the recall of every severity-1 or -2 pathology not
 * lower — at the top (the recall) and in the differential the doctor sees (the top
 * {@value #DIFFERENTIAL}). "Not lower" is judged on the pathology's own patients, paired (the same
 * patients and evidence subsets for both bundles), over both modes: the candidate is refused when it
 * no longer finds the pathology for any of its patients in a mode where the active bundle found at
 * least one (a pathology lost, however few its patients), or when the patients it loses outnumber
 * those it gains by more than chance: one-sided exact sign test, p &lt; {@value #SIGNIFICANCE}. A
 * single patient traded between near-identical pathologies is within sampling noise; a systematic
 * loss is not (docs/fleet.md, the gate).
 */
public final class Gate {

    /** Default tolerance on top-1 / top-5 (absolute share, 0.01 = one percentage point). */
    public static final double DEFAULT_TOLERANCE = 0.01;
    /** Candidates of the differential the appliance shows (DiagnosisOptions' default). */
    public static final int DIFFERENTIAL = 5;
    /** Seed of the half-evidence sampling (the same for both bundles). */
    public static final long SEED = 1;
    /**
     * Half-evidence draws (seeds {@code SEED … SEED + 4}, the same for both bundles) that the half-evidence
     * top-1/top-5 average over: on one draw of 208 patients the two bundles' difference moves by more
     * than the tolerance from draw to draw. The severe pathologies' paired outcomes read the first draw
     * only (five draws of the same patients are not five times the evidence).
     */
    public static final int HALF_DRAWS = 5;
    /**
     * Significance of a severe pathology's recall drop: refused when the one-sided exact sign test on
     * its lost and gained patients gives p below this.
     */
    public static final double SIGNIFICANCE = 0.05;
    /** The evaluation modes, in report order. */
    static final List<String> MODES = List.of("allEvidence", "halfEvidence");
    /** Key of a mode's per-patient outcomes in the evaluation maps {@link #compare} reads (not in the JSON report). */
    static final String OUTCOMES = "outcomes";

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
        r.put("halfEvidenceDraws", HALF_DRAWS);
        r.put("candidate", describe(cb, candidate, c));
        r.put("active", describe(ab, active, a));
        r.put("checks", checks);
        r.put("failures", failures);
        return new Verdict(failures.isEmpty(), r);
    }

    /**
     * Compares evaluation reports ({@link Evaluator#report()} by mode: {@code allEvidence}, {@code halfEvidence},
     * each with its patients' {@link Evaluator.Outcome}s under {@value #OUTCOMES}, the same patients in the
     * same order for both bundles).
     *
     * @param checks receives every check made
     * @return the failures, in words (empty: the candidate passes)
     */
    static List<String> compare(Map<String, Map<String, Object>> c, Map<String, Map<String, Object>> a,
                                List<Pathology> pathologies, double tolerance, List<Map<String, Object>> checks) {
        List<String> failures = new ArrayList<>();
        for (String mode : MODES) {
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
            for (Recall recall : Recall.values()) {
                Paired d = Paired.of(c, a, p.code().value(), recall.within);
                if (d.patients() == 0) {
                    continue;
                }
                boolean lostAll = !d.lostIn().isEmpty();
                boolean significant = d.lost() > d.gained() && d.pValue() < SIGNIFICANCE;
                boolean ok = !lostAll && !significant;
                Map<String, Object> m = check(String.join("+", MODES) + "." + recall.check + "[" + p.code().value()
                        + ", severity " + p.severity() + "]", d.candidateShare(), d.activeShare(), ok);
                m.put("patients", d.patients());
                m.put("lost", d.lost());
                m.put("gained", d.gained());
                m.put("pValue", d.pValue());
                checks.add(m);
                if (lostAll) {
                    failures.add(String.join(", ", d.lostIn()) + ": " + p.code().value() + " (severity " + p.severity() + ") "
                            + recall.words + " none of its patients, the active bundle " + d.activeShare() + " ("
                            + d.lost() + " lost, " + d.gained() + " gained)");
                } else if (significant) {
                    failures.add(String.join("+", MODES) + ": " + p.code().value() + " (severity " + p.severity() + ") " + recall.words
                            + " " + d.candidateShare() + " of its patients, the active bundle " + d.activeShare() + ": "
                            + d.lost() + " lost, " + d.gained() + " gained, one-sided sign test p = "
                            + String.format(java.util.Locale.ROOT, "%.4f", d.pValue())
                            + " < " + SIGNIFICANCE);
                }
            }
        }
        return failures;
    }

    /**
     * A severe pathology's paired outcomes over both modes: its evaluation patients (counted once per
     * mode), how many of them the active bundle found (at the top, or in the differential) and the
     * candidate did not ({@code lost}), the reverse ({@code gained}), both bundles' shares, the modes in
     * which the active bundle found at least one and the candidate none, and the exact one-sided sign
     * test's p-value of the losses: P(X ≥ lost), X ~ Binomial(lost + gained, ½) (1 when nothing was lost).
     */
    record Paired(int patients, int lost, int gained, double activeShare, double candidateShare, List<String> lostIn,
                  double pValue) {

        static Paired of(Map<String, Map<String, Object>> c, Map<String, Map<String, Object>> a, String pathology, int within) {
            int n = 0;
            int lost = 0;
            int gained = 0;
            int aHits = 0;
            int cHits = 0;
            List<String> lostIn = new ArrayList<>();
            for (String mode : MODES) {
                List<Evaluator.Outcome> co = outcomes(c, mode);
                List<Evaluator.Outcome> ao = outcomes(a, mode);
                if (co.size() != ao.size()) {
                    throw new IllegalArgumentException("the bundles were evaluated on different patients (" + co.size()
                            + " and " + ao.size() + ", " + mode + ")");
                }
                int modeA = 0;
                int modeC = 0;
                for (int i = 0; i < ao.size(); i++) {
                    if (!ao.get(i).truth().equals(pathology)) {
                        continue;
                    }
                    if (!co.get(i).truth().equals(pathology)) {
                        throw new IllegalArgumentException("the bundles were evaluated on different patients (row " + (i + 1)
                                + ", " + mode + ")");
                    }
                    n++;
                    boolean ah = ao.get(i).rank() < within;
                    boolean ch = co.get(i).rank() < within;
                    modeA += ah ? 1 : 0;
                    modeC += ch ? 1 : 0;
                    lost += ah && !ch ? 1 : 0;
                    gained += ch && !ah ? 1 : 0;
                }
                if (modeA > 0 && modeC == 0) {
                    lostIn.add(mode);
                }
                aHits += modeA;
                cHits += modeC;
            }
            return new Paired(n, lost, gained, n == 0 ? 0 : round((double) aHits / n), n == 0 ? 0 : round((double) cHits / n),
                    lostIn, signTest(lost, gained));
        }
    }

    /** P(X ≥ lost) for X ~ Binomial(lost + gained, ½); 1 when nothing was lost. */
    static double signTest(int lost, int gained) {
        int n = lost + gained;
        if (lost == 0) {
            return 1;
        }
        double p = 0;
        double term = Math.pow(0.5, n);
        for (int x = 0; x <= n; x++) {
            if (x >= lost) {
                p += term;
            }
            term = term * (n - x) / (x + 1);
        }
        return Math.min(1, p);
    }

    @SuppressWarnings("unchecked")
    private static List<Evaluator.Outcome> outcomes(Map<String, Map<String, Object>> report, String mode) {
        return (List<Evaluator.Outcome>) report.get(mode).get(OUTCOMES);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** The two per-pathology recalls the gate holds for severity-1/2 pathologies. */
    enum Recall {
        /** The share of the pathology's patients for whom it is the top candidate (the recall). */
        TOP1(1, "recall", "is the top candidate of"),
        /** The share of its patients for whom it is in the differential the doctor sees (top 5). */
        IN_DIFFERENTIAL(DIFFERENTIAL, "recallInDifferential", "is in the differential of");

        final int within;
        final String check;
        final String words;

        Recall(int within, String check, String words) {
            this.within = within;
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
        Evaluator halfDraws = new Evaluator(new Evaluator.Mode.Partial(0.5, SEED, true));
        try (DiagnosisEngine engine = DiagnosisEngine.open(vb,
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)).withNextQuestions(0))) {
            all.evaluate(engine, patients, 0);
            half.evaluate(engine, patients, 0);
            for (int draw = 0; draw < HALF_DRAWS; draw++) {
                halfDraws.evaluate(engine, patients, draw);
            }
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("allEvidence", new LinkedHashMap<>(all.report()));
        out.get("allEvidence").put(OUTCOMES, all.outcomes());
        out.put("halfEvidence", new LinkedHashMap<>(halfDraws.report()));
        out.get("halfEvidence").put(OUTCOMES, half.outcomes());
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

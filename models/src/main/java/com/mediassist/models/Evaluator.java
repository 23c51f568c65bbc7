package com.mediassist.models;

import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.models.ModelsException.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates an engine on DDXPlus patients, in one of three modes: all evidence, a random fraction of
 * the evidence (the chief complaint is always kept), or a simulated consultation that starts from
 * the chief complaint and asks the engine's best next question until the top candidate passes a
 * probability threshold or a question budget is spent. Accumulates over several calls (folds).
 */
public final class Evaluator {

    /** How to present each patient. */
    public sealed interface Mode permits Mode.Partial, Mode.Interactive {
        /**
         * The chief complaint plus each other answered question with probability {@code fraction}
         * (1 = all). With {@code completeRecord}, a patient row is read as the complete answer sheet
         * DDXPlus simulates: every evidence of the knowledge not listed in the row was asked and answered
         * "no" (the same rule the interactive mode uses to answer a question), so the answered
         * questions are the listed evidences plus all the others as denied. Without it, only the listed
         * evidences count as answered and nothing is denied (a stricter reading).
         */
        record Partial(double fraction, long seed, boolean completeRecord) implements Mode {
            public Partial(double fraction, long seed) {
                this(fraction, seed, true);
            }
        }

        /** A simulated consultation. */
        record Interactive(int maxQuestions, double stopThreshold) implements Mode {
        }
    }

    private static final int BINS = 10;

    private final Mode mode;
    private int n;
    private int top1;
    private int top3;
    private int top5;
    private int fallbacks;
    private long questions;
    private final double[] binConfidence = new double[BINS];
    private final double[] binCorrect = new double[BINS];
    private final int[] binCount = new int[BINS];
    /** The same bins over the probability the answer shows (after the fit's other mass). */
    private final double[] shownConfidence = new double[BINS];
    private final double[] shownCorrect = new double[BINS];
    private final int[] shownCount = new int[BINS];
    private double otherMass;
    private final Map<String, int[]> recall = new TreeMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    /**
     * One evaluated patient: its true pathology and the rank the engine gave it (0 = top candidate).
     * Paired comparisons of two bundles on the same patients (the gate) read these.
     *
     * @param truth the true pathology's code
     * @param rank  how many candidates the engine ranked above it
     */
    public record Outcome(String truth, int rank) {
    }

    public Evaluator(Mode mode) {
        this.mode = mode;
    }

    /** Evaluates the engine on the rows and adds them to the totals. */
    public void evaluate(DiagnosisEngine engine, List<PatientRecord> rows, long seedOffset) {
        Knowledge kn = engine.knowledge();
        Random rnd = new Random(mode instanceof Mode.Partial p ? p.seed() + seedOffset : seedOffset);
        for (int r = 0; r < rows.size(); r++) {
            PatientRecord row = rows.get(r);
            Pathology truth = kn.pathologyByName(row.pathology())
                    .orElseThrow(() -> new BadInputException("patients row " + (rows.indexOf(row) + 1)
                            + ": unknown pathology '" + row.pathology() + "'"));
            List<Finding> all = new ArrayList<>();
            for (int i = 0; i < row.evidences().size(); i++) {
                try {
                    all.add(kn.parseFinding("row " + (r + 1) + " evidence " + i, row.evidences().get(i)));
                } catch (RuntimeException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
            }
            EvidenceCode initial = new EvidenceCode(row.initial());
            double[] probs;
            boolean fb;
            DiagnosisResult res;
            if (mode instanceof Mode.Partial p) {
                PatientFindings pf = answerSheet(kn, row.age(), row.sex(), all, initial, p.fraction(), p.completeRecord(), rnd);
                res = engine.diagnose(pf, Language.EN);
                fb = res.fallback();
                probs = engine.probabilities(pf);
            } else {
                Mode.Interactive m = (Mode.Interactive) mode;
                List<Finding> start = all.stream().filter(f -> f.evidence().equals(initial)).toList();
                if (start.isEmpty()) {
                    start = List.of(Finding.of(initial));
                }
                PatientFindings pf = new PatientFindings(row.age(), row.sex(), start, Set.of());
                int asked = 0;
                res = engine.diagnose(pf, Language.EN);
                // the stop rule reads the model's probability, before the fit assessment's other mass
                while (asked < m.maxQuestions() && max(engine.probabilities(pf)) < m.stopThreshold()
                        && !res.nextQuestions().isEmpty()) {
                    EvidenceCode q = res.nextQuestions().get(0).evidence();
                    List<Finding> answer = all.stream().filter(f -> f.evidence().equals(q)).toList();
                    pf = answer.isEmpty() ? pf.withAbsent(q) : pf.withPresent(answer);
                    asked++;
                    res = engine.diagnose(pf, Language.EN);
                }
                questions += asked;
                fb = res.fallback();
                probs = engine.probabilities(pf);
            }
            record(kn, truth, probs, fb);
            DiagnosisResult.Candidate shown = res.differential().get(0);
            int sb = Math.min(BINS - 1, (int) (shown.probability() * BINS));
            shownCount[sb]++;
            shownConfidence[sb] += shown.probability();
            shownCorrect[sb] += shown.code().equals(truth.code().value()) ? 1 : 0;
            otherMass += res.otherMass();
            if (misses != null && kn.pathologies().indexOf(truth) != argmax(probs)) {
                Map<String, Object> miss = new LinkedHashMap<>();
                miss.put("row", rowNumbers == null ? r + 1 : rowNumbers.get(r));
                miss.put("truth", truth.code().value());
                miss.put("truthProbability", round(probs[kn.pathologies().indexOf(truth)]));
                miss.put("predicted", kn.pathologies().get(argmax(probs)).code().value());
                miss.put("predictedProbability", round(probs[argmax(probs)]));
                misses.add(miss);
            }
        }
    }

    /**
     * What is known of a patient when the chief complaint plus each other answered question is kept
     * with probability {@code keep}: the questions are the knowledge's evidences in order, one random
     * draw per answered question other than the chief complaint (none when {@code keep >= 1}).
     *
     * @param findings       the patient's findings (its row)
     * @param completeRecord whether the row is a complete answer sheet (every unlisted evidence was
     *                       answered "no") or only its listed evidences were answered
     */
    static PatientFindings answerSheet(Knowledge kn, int age, com.mediassist.core.knowledge.Sex sex, List<Finding> findings,
                                       EvidenceCode initial, double keep, boolean completeRecord, Random rnd) {
        Map<EvidenceCode, List<Finding>> answers = new LinkedHashMap<>();
        for (Finding f : findings) {
            answers.computeIfAbsent(f.evidence(), c -> new ArrayList<>()).add(f);
        }
        List<Finding> kept = new ArrayList<>();
        Set<EvidenceCode> denied = new java.util.LinkedHashSet<>();
        for (Evidence e : kn.evidences()) {
            List<Finding> answer = answers.get(e.code());
            if (answer == null && !completeRecord) {
                continue;
            }
            if (!e.code().equals(initial) && keep < 1 && rnd.nextDouble() >= keep) {
                continue;
            }
            if (answer != null) {
                kept.addAll(answer);
            } else {
                denied.add(e.code());
            }
        }
        return new PatientFindings(age, sex, kept, denied);
    }

    private static double max(double[] p) {
        return p[argmax(p)];
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Also lists every patient whose top candidate is wrong (row number in the CSV, truth, prediction,
     * both probabilities), for error analysis.
     *
     * @param rowNumbers the CSV row number (1-based, header excluded) of each row passed to the next
     *                   {@link #evaluate} call, or null when the rows are the CSV in order
     */
    public Evaluator listMisses(List<Integer> rowNumbers) {
        if (misses == null) {
            misses = new ArrayList<>();
        }
        this.rowNumbers = rowNumbers;
        return this;
    }

    private List<Map<String, Object>> misses;
    private List<Integer> rowNumbers;

    private void record(Knowledge kn, Pathology truth, double[] probs, boolean fallback) {
        int label = kn.pathologies().indexOf(truth);
        int rank = 0;
        for (double p : probs) {
            if (p > probs[label]) {
                rank++;
            }
        }
        int best = 0;
        for (int k = 1; k < probs.length; k++) {
            if (probs[k] > probs[best]) {
                best = k;
            }
        }
        n++;
        top1 += rank < 1 ? 1 : 0;
        top3 += rank < 3 ? 1 : 0;
        top5 += rank < 5 ? 1 : 0;
        fallbacks += fallback ? 1 : 0;
        int bin = Math.min(BINS - 1, (int) (probs[best] * BINS));
        binCount[bin]++;
        binConfidence[bin] += probs[best];
        binCorrect[bin] += best == label ? 1 : 0;
        outcomes.add(new Outcome(truth.code().value(), rank));
        int[] rc = recall.computeIfAbsent(truth.code().value(), c -> new int[3]);
        rc[0]++;
        rc[1] += rank < 1 ? 1 : 0;
        rc[2] += rank < 5 ? 1 : 0;
    }

    private double ece(double[] confidence, double[] correct, int[] count) {
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] / count[b] - confidence[b] / count[b]) * count[b] / n;
            }
        }
        return ece;
    }

    /** Every patient evaluated so far, in evaluation order. */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The totals as an ordered map, ready to print as JSON. */
    public Map<String, Object> report() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("patients", n);
        out.put("top1", round((double) top1 / n));
        out.put("top3", round((double) top3 / n));
        out.put("top5", round((double) top5 / n));
        out.put("ece", round(ece(binConfidence, binCorrect, binCount)));
        out.put("eceBins", BINS);
        out.put("eceShown", round(ece(shownConfidence, shownCorrect, shownCount)));
        out.put("meanOtherMass", round(otherMass / n));
        if (mode instanceof Mode.Interactive m) {
            out.put("meanQuestions", round((double) questions / n));
            out.put("maxQuestions", m.maxQuestions());
            out.put("stopThreshold", m.stopThreshold());
        }
        out.put("fallbackAnswers", fallbacks);
        Map<String, Object> per = new LinkedHashMap<>();
        recall.forEach((k, v) -> per.put(k, round((double) v[1] / v[0])));
        out.put("perPathologyRecall", per);
        Map<String, Object> per5 = new LinkedHashMap<>();
        recall.forEach((k, v) -> per5.put(k, round((double) v[2] / v[0])));
        out.put("perPathologyRecallTop5", per5);
        if (misses != null) {
            out.put("misses", misses);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

}

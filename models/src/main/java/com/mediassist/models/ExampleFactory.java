package com.mediassist.models;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceValue;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.Sex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes training examples: synthetic patients sampled from the training fold's smoothed
 * frequencies, and partial-evidence variants of every patient (the chief complaint plus a random
 * fraction of the rest, with some evidences asked and denied) so that the model learns to tell
 * "denied" from "not asked" and keeps its accuracy on partial evidence.
 */
final class ExampleFactory {

    /** A sparse encoded example. */
    record Example(int[] index, float[] value, int label) {
    }

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final EvidenceStats stats;
    private final List<Evidence> evidences;
    private final Map<EvidenceCode, Integer> evIndex = new HashMap<>();
    private final List<List<Integer>> possibleBinary = new ArrayList<>();
    private final int[] binaryEvidences;
    /** For each symptom, the pathologies that can present it: the rivals a consultation starting there must rule out. */
    private final Map<EvidenceCode, List<Integer>> competitors = new HashMap<>();

    ExampleFactory(Knowledge knowledge, FeatureSpace space, EvidenceStats stats) {
        this.knowledge = knowledge;
        this.space = space;
        this.stats = stats;
        this.evidences = knowledge.evidences();
        for (int i = 0; i < evidences.size(); i++) {
            evIndex.put(evidences.get(i).code(), i);
        }
        for (int k = 0; k < knowledge.pathologies().size(); k++) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < evidences.size(); i++) {
                if (evidences.get(i).isBinary() && stats.possible(k, i)) {
                    l.add(i);
                }
            }
            possibleBinary.add(l);
        }
        for (int k = 0; k < knowledge.pathologies().size(); k++) {
            com.mediassist.core.knowledge.Pathology p = knowledge.pathologies().get(k);
            for (EvidenceCode e : p.symptoms()) {
                competitors.computeIfAbsent(e, x -> new ArrayList<>()).add(k);
            }
        }
        binaryEvidences = java.util.stream.IntStream.range(0, evidences.size())
                .filter(i -> evidences.get(i).isBinary()).toArray();
    }

    /**
     * Samples a synthetic patient of pathology k. Age and sex come from a real patient of k when
     * there is one (the template), else are drawn uniformly. Follow-up evidences are sampled only
     * when their parent is present. Returns null when no chief complaint could be drawn.
     */
    TrainingCase sample(int k, TrainingCase template, Random rnd) {
        int age = template != null ? template.age() : 1 + rnd.nextInt(90);
        Sex sex = template != null ? template.sex() : (rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE);
        Set<Integer> present = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < evidences.size(); i++) {
                Evidence e = evidences.get(i);
                Integer parent = e.parent() == null ? null : evIndex.get(e.parent());
                if ((parent == null) != (pass == 0)) {
                    continue;
                }
                double p = stats.evidence(k, i);
                if (parent != null) {
                    if (!present.contains(parent)) {
                        continue;
                    }
                    p = Math.min(1, p / stats.evidence(k, parent));
                }
                if (rnd.nextDouble() >= p) {
                    continue;
                }
                present.add(i);
                if (e.isBinary()) {
                    findings.add(Finding.of(e.code()));
                } else {
                    findings.addAll(sampleValues(k, i, e, rnd));
                }
            }
        }
        List<EvidenceCode> complaints = new ArrayList<>();
        for (Finding f : findings) {
            Evidence e = knowledge.evidence(f.evidence()).orElseThrow();
            if (e.isBinary() && !e.antecedent()) {
                complaints.add(f.evidence());
            }
        }
        if (complaints.isEmpty()) {
            return null;
        }
        return new TrainingCase(k, age, sex, findings, complaints.get(rnd.nextInt(complaints.size())), true);
    }

    private List<Finding> sampleValues(int k, int i, Evidence e, Random rnd) {
        double[] w = new double[e.values().size()];
        double sum = 0;
        for (int v = 0; v < w.length; v++) {
            w[v] = stats.valueGivenEvidence(k, i, space.indexOf(FeatureSpace.valueFeature(e.code(), e.values().get(v).code())));
            sum += w[v];
        }
        List<Finding> out = new ArrayList<>();
        if (e.type() == com.mediassist.core.knowledge.EvidenceType.MULTI) {
            for (int v = 0; v < w.length; v++) {
                if (rnd.nextDouble() < w[v]) {
                    out.add(new Finding(e.code(), e.values().get(v).code()));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        double r = rnd.nextDouble() * sum;
        for (int v = 0; v < w.length; v++) {
            r -= w[v];
            if (r <= 0 || v == w.length - 1) {
                EvidenceValue val = e.values().get(v);
                out.add(new Finding(e.code(), val.code()));
                break;
            }
        }
        return out;
    }

    /**
     * One training variant of a case: the chief complaint plus each other finding kept with
     * probability {@code keep}; when {@code deny}, some yes/no evidences the patient does not have
     * (typical of its own pathology or of 1–4 rivals, mostly pathologies that share the chief
     * complaint, as a consultation would ask) are marked as asked and denied.
     */
    Example variant(TrainingCase c, double keep, boolean deny, Random rnd) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : c.findings()) {
            if (f.evidence().equals(c.initial()) || rnd.nextDouble() < keep) {
                kept.add(f);
            }
        }
        Set<EvidenceCode> truth = new HashSet<>();
        c.findings().forEach(f -> truth.add(f.evidence()));
        Set<EvidenceCode> denied = new LinkedHashSet<>();
        if (deny) {
            double g = rnd.nextDouble();
            for (int i : possibleBinary.get(c.label())) {
                if (!truth.contains(evidences.get(i).code()) && rnd.nextDouble() < g) {
                    denied.add(evidences.get(i).code());
                }
            }
            List<Integer> rivals = competitors.get(c.initial());
            int others = 1 + rnd.nextInt(4);
            for (int o = 0; o < others; o++) {
                int j = rivals != null && !rivals.isEmpty() && rnd.nextDouble() < 0.8
                        ? rivals.get(rnd.nextInt(rivals.size())) : rnd.nextInt(possibleBinary.size());
                double g2 = rnd.nextDouble() * 0.8;
                for (int i : possibleBinary.get(j)) {
                    if (!truth.contains(evidences.get(i).code()) && rnd.nextDouble() < g2) {
                        denied.add(evidences.get(i).code());
                    }
                }
            }
            int extra = rnd.nextInt(6);
            for (int x = 0; x < extra; x++) {
                EvidenceCode code = evidences.get(binaryEvidences[rnd.nextInt(binaryEvidences.length)]).code();
                if (!truth.contains(code)) {
                    denied.add(code);
                }
            }
        }
        return encode(new PatientFindings(c.age(), c.sex(), kept, denied), c.label());
    }

    /**
     * A variant read as a complete answer sheet (as the evaluator reads a patient row): every question
     * is answered, the case's findings present and every other evidence denied; the chief complaint
     * plus each other answered question is kept with probability {@code keep}.
     */
    Example completeRecord(TrainingCase c, double keep, Random rnd) {
        return encode(Evaluator.answerSheet(knowledge, c.age(), c.sex(), c.findings(), c.initial(), keep, true, rnd),
                c.label());
    }

    /**
     * Simulated consultation snapshots: from the chief complaint, ask the planner's best question
     * (now and then its second or third, for variety) under the naive Bayes posterior, answer it from
     * the case's true findings (a lacking evidence is denied), and keep each state with probability
     * {@code keep}. These teach the model the states it meets in a real consultation.
     */
    List<Example> consultation(TrainingCase c, com.mediassist.core.diagnosis.NaiveBayes nb,
                               com.mediassist.core.diagnosis.QuestionPlanner planner, int steps, double keep, Random rnd) {
        List<Finding> start = new ArrayList<>();
        for (Finding f : c.findings()) {
            if (f.evidence().equals(c.initial())) {
                start.add(f);
            }
        }
        if (start.isEmpty()) {
            start.add(Finding.of(c.initial()));
        }
        PatientFindings p = new PatientFindings(c.age(), c.sex(), start, Set.of());
        List<Example> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            List<com.mediassist.core.diagnosis.QuestionPlanner.Scored> qs = planner.rank(p, nb.posterior(p), 3);
            if (qs.isEmpty()) {
                break;
            }
            int pick = rnd.nextDouble() < 0.7 ? 0 : rnd.nextInt(qs.size());
            EvidenceCode q = qs.get(pick).evidence().code();
            List<Finding> answer = new ArrayList<>();
            for (Finding f : c.findings()) {
                if (f.evidence().equals(q)) {
                    answer.add(f);
                }
            }
            p = answer.isEmpty() ? p.withAbsent(q) : p.withPresent(answer);
            if (rnd.nextDouble() < keep) {
                out.add(encode(p, c.label()));
            }
        }
        return out;
    }

    Example encode(PatientFindings p, int label) {
        float[] x = space.encode(knowledge, p);
        int nnz = 0;
        for (float v : x) {
            if (v != 0f) {
                nnz++;
            }
        }
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0f) {
                idx[j] = i;
                val[j++] = x[i];
            }
        }
        return new Example(idx, val, label);
    }
}

package com.mediassist.models;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.EvidenceValue;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.Sex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts of evidences and values per pathology in a set of training patients, with the smoothing
 * that turns them into probabilities. The frequencies a bundle carries (and the shipped naive Bayes
 * model) use {@link #feature}; the synthetic-patient sampler of the MLP trainer uses:
 * <ul>
 *   <li>P(e | k) = (c + a) / (n + 1), a = {@value #POSSIBLE_PSEUDO} when DDXPlus lists e for k,
 *       {@value #IMPOSSIBLE_PSEUDO} otherwise (Laplace-style, with the knowledge as prior);</li>
 *   <li>P(value | e, k) = (c_v + g_v) / (c_e + 1), g_v the value's share over all pathologies;</li>
 *   <li>P(k) = (n_k + 1) / (N + K); age buckets and sex add-one smoothed.</li>
 * </ul>
 */
final class EvidenceStats {

    static final double POSSIBLE_PSEUDO = 0.5;
    static final double IMPOSSIBLE_PSEUDO = 0.002;
    static final double MIN_P = 1e-4;
    /** Pseudo-count of {@link #feature}: small, as most evidences are either typical or rare for a pathology. */
    static final double FEATURE_PSEUDO = 0.05;
    /** Probability of an evidence DDXPlus does not list for the pathology. */
    static final double UNLISTED = 1e-6;

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final List<Evidence> evidences;
    private final int[] n;
    private final int[][] evidenceCount;
    private final int[][] featureCount;
    private final double[] globalValueShare;
    private final int[][] ageCount;
    private final int[] maleCount;
    private final boolean[][] possible;

    EvidenceStats(Knowledge knowledge, FeatureSpace space, List<TrainingCase> cases) {
        this.knowledge = knowledge;
        this.space = space;
        this.evidences = knowledge.evidences();
        int k = knowledge.pathologies().size();
        int e = evidences.size();
        int f = space.evidenceFeatureCount();
        n = new int[k];
        evidenceCount = new int[k][e];
        featureCount = new int[k][f];
        ageCount = new int[k][space.ageBucketCount()];
        maleCount = new int[k];
        possible = new boolean[k][e];
        for (int c = 0; c < k; c++) {
            Pathology p = knowledge.pathologies().get(c);
            for (int i = 0; i < e; i++) {
                possible[c][i] = p.canPresent(evidences.get(i).code());
            }
        }
        java.util.Map<com.mediassist.core.knowledge.EvidenceCode, Integer> evIndex = new java.util.HashMap<>();
        for (int i = 0; i < e; i++) {
            evIndex.put(evidences.get(i).code(), i);
        }
        double[] valueTotals = new double[f];
        for (TrainingCase t : cases) {
            n[t.label()]++;
            ageCount[t.label()][space.ageBucket(t.age())]++;
            if (t.sex() == Sex.M) {
                maleCount[t.label()]++;
            }
            Set<Integer> seen = new HashSet<>();
            for (Finding fi : t.findings()) {
                int ei = evIndex.get(fi.evidence());
                if (seen.add(ei)) {
                    evidenceCount[t.label()][ei]++;
                }
                int fx = space.indexOf(fi);
                featureCount[t.label()][fx]++;
                valueTotals[fx]++;
            }
        }
        globalValueShare = new double[f];
        for (Evidence ev : evidences) {
            if (ev.isBinary()) {
                continue;
            }
            double total = 0;
            for (EvidenceValue v : ev.values()) {
                total += valueTotals[space.indexOf(FeatureSpace.valueFeature(ev.code(), v.code()))];
            }
            for (EvidenceValue v : ev.values()) {
                int fx = space.indexOf(FeatureSpace.valueFeature(ev.code(), v.code()));
                globalValueShare[fx] = total > 0 ? valueTotals[fx] / total : 1.0 / ev.values().size();
            }
        }
    }

    int patients(int k) {
        return n[k];
    }

    /** P(evidence present | pathology), smoothed. */
    double evidence(int k, int e) {
        double a = possible[k][e] ? POSSIBLE_PSEUDO : IMPOSSIBLE_PSEUDO;
        return clamp((evidenceCount[k][e] + a) / (n[k] + 1.0));
    }

    /** P(value feature | its evidence present, pathology), smoothed towards the value's overall share. */
    double valueGivenEvidence(int k, int e, int feature) {
        return clamp((featureCount[k][feature] + globalValueShare[feature]) / (evidenceCount[k][e] + 1.0));
    }

    /**
     * P(feature f of evidence e | pathology k), the estimate the shipped model and the fallback use:
     * (count + {@value #FEATURE_PSEUDO}) / (n_k + 2 × {@value #FEATURE_PSEUDO}) when DDXPlus lists e
     * for k, {@value #UNLISTED} otherwise (a pathology never presents evidences outside its list).
     */
    double feature(int k, int e, int f) {
        if (!possible[k][e]) {
            return UNLISTED;
        }
        return Math.max(UNLISTED, Math.min(1 - UNLISTED,
                (featureCount[k][f] + FEATURE_PSEUDO) / (n[k] + 2 * FEATURE_PSEUDO)));
    }

    boolean possible(int k, int e) {
        return possible[k][e];
    }

    private static double clamp(double p) {
        return Math.max(MIN_P, Math.min(1 - MIN_P, p));
    }

    /** The frequencies a bundle carries. */
    EvidenceFrequencies frequencies() {
        int k = n.length;
        int total = 0;
        for (int c : n) {
            total += c;
        }
        double[] prior = new double[k];
        double[][] present = new double[k][space.evidenceFeatureCount()];
        double[][] ages = new double[k][space.ageBucketCount()];
        double[] male = new double[k];
        for (int c = 0; c < k; c++) {
            prior[c] = (n[c] + 1.0) / (total + k);
            for (int i = 0; i < evidences.size(); i++) {
                Evidence ev = evidences.get(i);
                if (ev.isBinary()) {
                    int fx = space.indexOf(ev.code().value());
                    present[c][fx] = feature(c, i, fx);
                } else {
                    for (EvidenceValue v : ev.values()) {
                        int fx = space.indexOf(FeatureSpace.valueFeature(ev.code(), v.code()));
                        present[c][fx] = feature(c, i, fx);
                    }
                }
            }
            for (int b = 0; b < ages[c].length; b++) {
                ages[c][b] = (ageCount[c][b] + 1.0) / (n[c] + ages[c].length);
            }
            male[c] = (maleCount[c] + 1.0) / (n[c] + 2.0);
        }
        List<PathologyCode> codes = knowledge.pathologies().stream().map(Pathology::code).toList();
        return new EvidenceFrequencies(codes, space.names().subList(0, space.evidenceFeatureCount()), prior, present,
                ages, male, "P(f|k)=(count+" + FEATURE_PSEUDO + ")/(n_k+" + 2 * FEATURE_PSEUDO
                + ") if DDXPlus lists the evidence for k else " + UNLISTED + "; add-one for prior, age, sex");
    }
}

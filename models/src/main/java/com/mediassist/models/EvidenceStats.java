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
 *   <li>P(k) = (n_k + 1) / (N + K); age buckets and sex add-one smoothed over the patients of k
 *       whose age (sex) is known: a fleet case the clinic suppressed them in still counts in
 *       n_k and the evidence counts, and in neither distribution (nothing is imputed).</li>
 * </ul>
 */
final class EvidenceStats {

    static final double POSSIBLE_PSEUDO = 0.5;
    static final double IMPOSSIBLE_PSEUDO = 0.002;
    static final double MIN_P = 1e-4;
    /** Pseudo-count of a related pathology's share in {@link #feature}. */
    static final double FEATURE_PSEUDO = 0.05;
    /** Weight, in patients, of the related pathologies' shares in {@link #feature}. */
    static final double PRIOR_STRENGTH = 2.0;
    /** Weight of the relatives' share, in patients, per patient the relatives have (at least {@link #PRIOR_STRENGTH}). */
    static final double RELATIVES_SHARE = 1.0 / 3;
    /** Sharpening of the evidence-list similarity in {@link #feature}: only close relatives count. */
    static final int SIMILARITY_POWER = 8;
    /** Probability of an evidence DDXPlus does not list for the pathology. */
    static final double UNLISTED = 1e-6;

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final List<Evidence> evidences;
    private final int[] n;
    /** Patients of each pathology that count in the prior ({@link TrainingCase#inPrior()}). */
    private final int[] priorN;
    private final int[][] evidenceCount;
    private final int[][] featureCount;
    /**
     * The counts {@link #feature} reads: {@link #featureCount}, except on the numeric scales (pain
     * intensity 0–10 …), where each patient's value is spread over its neighbours ({@link #SCALE_KERNEL}).
     */
    private final double[][] smoothCount;
    private final double[] globalValueShare;
    private final int[][] ageCount;
    /** Patients of each pathology whose age is known (the denominator of its age distribution). */
    private final int[] ageKnown;
    private final int[] maleCount;
    /** Patients of each pathology whose sex is known (the denominator of its sex distribution). */
    private final int[] sexKnown;
    private final boolean[][] possible;
    /** Jaccard similarity of the pathologies' evidence lists, raised to {@link #SIMILARITY_POWER}. */
    private final double[][] similarity;

    EvidenceStats(Knowledge knowledge, FeatureSpace space, List<TrainingCase> cases) {
        this.knowledge = knowledge;
        this.space = space;
        this.evidences = knowledge.evidences();
        int k = knowledge.pathologies().size();
        int e = evidences.size();
        int f = space.evidenceFeatureCount();
        n = new int[k];
        priorN = new int[k];
        evidenceCount = new int[k][e];
        featureCount = new int[k][f];
        ageCount = new int[k][space.ageBucketCount()];
        ageKnown = new int[k];
        maleCount = new int[k];
        sexKnown = new int[k];
        possible = new boolean[k][e];
        for (int c = 0; c < k; c++) {
            Pathology p = knowledge.pathologies().get(c);
            for (int i = 0; i < e; i++) {
                possible[c][i] = p.canPresent(evidences.get(i).code());
            }
        }
        similarity = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                int both = 0;
                int either = 0;
                for (int i = 0; i < e; i++) {
                    both += possible[a][i] && possible[b][i] ? 1 : 0;
                    either += possible[a][i] || possible[b][i] ? 1 : 0;
                }
                similarity[a][b] = either == 0 ? 0 : Math.pow((double) both / either, SIMILARITY_POWER);
            }
        }
        java.util.Map<com.mediassist.core.knowledge.EvidenceCode, Integer> evIndex = new java.util.HashMap<>();
        for (int i = 0; i < e; i++) {
            evIndex.put(evidences.get(i).code(), i);
        }
        double[] valueTotals = new double[f];
        for (TrainingCase t : cases) {
            n[t.label()]++;
            if (t.inPrior()) {
                priorN[t.label()]++;
            }
            if (t.ageKnown()) {
                ageKnown[t.label()]++;
                ageCount[t.label()][space.ageBucket(t.age())]++;
            }
            if (t.sexKnown()) {
                sexKnown[t.label()]++;
                if (t.sex() == Sex.MALE) {
                    maleCount[t.label()]++;
                }
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
        smoothCount = new double[k][f];
        for (int c = 0; c < k; c++) {
            for (int x = 0; x < f; x++) {
                smoothCount[c][x] = featureCount[c][x];
            }
        }
        for (Evidence ev : evidences) {
            List<Integer> scale = scaleFeatures(ev);
            if (scale.isEmpty()) {
                continue;
            }
            for (int c = 0; c < k; c++) {
                double[] spread = new double[scale.size()];
                for (int u = 0; u < scale.size(); u++) {
                    int count = featureCount[c][scale.get(u)];
                    if (count == 0) {
                        continue;
                    }
                    double norm = 0;
                    for (int v = 0; v < scale.size(); v++) {
                        norm += kernel(u - v);
                    }
                    for (int v = 0; v < scale.size(); v++) {
                        spread[v] += count * kernel(u - v) / norm;
                    }
                }
                for (int v = 0; v < scale.size(); v++) {
                    smoothCount[c][scale.get(v)] = spread[v];
                }
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

    /** Weight of a value {@code d} steps away on a numeric scale, relative to the value itself. */
    static final double[] SCALE_KERNEL = {1.0, 0.5, 0.25};

    private static double kernel(int d) {
        int a = Math.abs(d);
        return a < SCALE_KERNEL.length ? SCALE_KERNEL[a] : 0;
    }

    /**
     * The value features of a numeric scale in value order (an evidence whose values are all integers,
     * as DDXPlus' 0–10 scales), or none.
     */
    private List<Integer> scaleFeatures(Evidence ev) {
        if (ev.isBinary() || ev.values().size() < 3) {
            return List.of();
        }
        java.util.TreeMap<Integer, Integer> byValue = new java.util.TreeMap<>();
        for (EvidenceValue v : ev.values()) {
            if (!v.code().matches("-?\\d{1,3}")) {
                return List.of();
            }
            byValue.put(Integer.parseInt(v.code()), space.indexOf(FeatureSpace.valueFeature(ev.code(), v.code())));
        }
        return List.copyOf(byValue.values());
    }

    /** The count of feature {@code f} in pathology {@code k}'s patients that {@link #feature} reads (spread on scales). */
    double count(int k, int f) {
        return smoothCount[k][f];
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
     * a hierarchical (empirical Bayes) estimate that shrinks the pathology's own share towards that of
     * the pathologies DDXPlus describes alike,
     * <pre>
     *   P(f | k) = (count_kf + m_k · g_kf) / (n_k + m_k),
     *   m_k      = max({@value #PRIOR_STRENGTH}, Σ_j w_kj · b_j / Σ_j w_kj / 3) · n_k / b_k
     *              (b = base patients, {@link TrainingCase#inPrior()}; the factor is 1 when b_k = 0)
     *   g_kf     = Σ_j w_kj · share_jf / Σ_j w_kj over the other pathologies j that list e,
     *   w_kj     = Jaccard(evidence list of k, evidence list of j) ^ {@value #SIMILARITY_POWER},
     *   share_jf = (count_jf + {@value #FEATURE_PSEUDO}) / (n_j + 2 × {@value #FEATURE_PSEUDO}),
     * </pre>
     * (g clipped to [0.01, 0.99], 0.5 when no other pathology lists e) when DDXPlus lists e for k,
     * {@value #UNLISTED} otherwise (a DDXPlus pathology never presents an evidence outside its list).
     * With ~20 patients a pathology, a value never seen in its patients (a pain intensity of 9) is then
     * as likely as in its closest relatives, not almost impossible; this separates the pairs DDXPlus
     * defines as near subsets (stable / unstable angina) better (docs/bench/dx.md). On a numeric scale
     * (pain intensity 0–10 …) count_kf is spread: each patient's value counts 1 / 0.5 / 0.25 (normalised)
     * for the value and its neighbours one and two steps away, so an intensity of 9 is plausible where
     * the pathology's patients said 8. The relatives' weight m_k grows with the patients they have: with
     * four patients a pathology their shares are as noisy as its own, with twenty they are the better
     * estimate of what a near-identical pathology shares (the learning loop measured this: with a fixed
     * m = 2, adding the fleet's cases made the pathologies DDXPlus defines as near subsets worse). It is
     * read from the base patients, a sample of every pathology, and scaled by the pathology's own growth
     * n_k / b_k: the fleet's cases are a k-anonymous selection of the common pathologies, and letting
     * them raise the weight of a rare pathology's relatives pulled it into its common neighbour (stable
     * into unstable angina) while its own data stayed put. Without fleet cases, or when every pathology
     * gains data alike, this is the same weight as before (docs/fleet.md).
     */
    double feature(int k, int e, int f) {
        if (!possible[k][e]) {
            return UNLISTED;
        }
        double num = 0;
        double den = 0;
        for (int j = 0; j < n.length; j++) {
            if (j != k && possible[j][e]) {
                num += similarity[k][j] * share(j, f);
                den += similarity[k][j];
            }
        }
        double g = den > 0 ? Math.max(0.01, Math.min(0.99, num / den)) : 0.5;
        double m = relativesWeight(k, e);
        return Math.max(UNLISTED, Math.min(1 - UNLISTED, (smoothCount[k][f] + m * g) / (n[k] + m)));
    }

    /**
     * m_k of {@link #feature}: the weight, in patients, of the relatives' shares in pathology k's estimate
     * of evidence e's features — set by the base patients, scaled by k's own growth.
     */
    double relativesWeight(int k, int e) {
        double den = 0;
        double relatives = 0;
        for (int j = 0; j < n.length; j++) {
            if (j != k && possible[j][e]) {
                den += similarity[k][j];
                relatives += similarity[k][j] * priorN[j];
            }
        }
        double m = den > 0 ? Math.max(PRIOR_STRENGTH, RELATIVES_SHARE * relatives / den) : PRIOR_STRENGTH;
        return priorN[k] > 0 ? m * n[k] / priorN[k] : m;
    }

    private double share(int j, int f) {
        return (smoothCount[j][f] + FEATURE_PSEUDO) / (n[j] + 2 * FEATURE_PSEUDO);
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
        for (int c : priorN) {
            total += c;
        }
        double[] prior = new double[k];
        double[][] present = new double[k][space.evidenceFeatureCount()];
        double[][] ages = new double[k][space.ageBucketCount()];
        double[] male = new double[k];
        for (int c = 0; c < k; c++) {
            prior[c] = (priorN[c] + 1.0) / (total + k);
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
                ages[c][b] = (ageCount[c][b] + 1.0) / (ageKnown[c] + ages[c].length);
            }
            male[c] = (maleCount[c] + 1.0) / (sexKnown[c] + 2.0);
        }
        List<PathologyCode> codes = knowledge.pathologies().stream().map(Pathology::code).toList();
        return new EvidenceFrequencies(codes, space.names().subList(0, space.evidenceFeatureCount()), prior, present,
                ages, male, "P(f|k)=(count+m*g)/(n_k+m), m=max(" + PRIOR_STRENGTH + ", relatives' weighted base patients/3)*n_k/base_k,"
                + " counts on 0-10 scales spread 1/0.5/0.25 over neighbours, g = the share of f"
                + " among the other pathologies listing the evidence weighted by Jaccard(evidence lists)^" + SIMILARITY_POWER
                + ", if DDXPlus lists the evidence for k, else " + UNLISTED + "; add-one for prior (base patients only), age, sex");
    }
}

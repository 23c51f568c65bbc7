package com.mediassist.core.diagnosis;

import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;

/**
 * How far one finding read from a note can count against a pathology. DDXPlus draws a patient's evidences only
 * from the pathology's own list, so the shipped naive Bayes gives an evidence the pathology does not list
 * P = 1e-6 (one such finding costs about 14 nats, divided by the model's temperature): on an answer sheet that
 * is right, but a doctor's note also records what the generator never draws for that pathology ("achy" with a
 * viral pharyngitis, a hoarse voice with a cold), and one such finding then rules the right pathology out. On the
 * note path each finding's probability under a pathology is bounded to [ε, 1 − ε] (a present finding the profile
 * does not list costs at most ln ε; a denied one the profile nearly always has, at most ln ε too), by correcting
 * the model's posterior with the difference of the log-likelihoods, which is exact for the shipped naive Bayes.
 * Answer sheets are scored unbounded ({@link DiagnosisEngine#diagnose}).
 *
 * <p>One complaint the reader codes twice ({@link NoteImplications}: coughing fits and a cough) is one statement: under
 * a pathology whose list lacks a present finding, that finding costs nothing when another present finding the list
 * has implies it (whooping cough lists the fits, which imply the cough). Immutable and thread-safe.
 */
final class NoteLikelihood {

    private final double[][] presentGain;
    private final double[][] absentGain;
    private final int evidenceFeatures;
    private final double[][] present;
    private final double floor;
    /** {@code implies[g][f]}: the finding at g implies the one at f (rows null where g implies nothing). */
    private final boolean[][] implies;

    /** ε of the shipped engine, chosen on the tuning vignettes (BENCHMARKS.md, fit eighth pass). */
    static final double FLOOR = 0.01;

    /** @param floor ε, the least probability a note's finding keeps under any pathology (0 disables the bound) */
    NoteLikelihood(EvidenceFrequencies freq, FeatureSpace space, double floor) {
        this(freq, space, floor, NoteImplications.none());
    }

    /**
     * @param floor        ε, the least probability a note's finding keeps under any pathology (0 disables the bound
     *                     and the implications)
     * @param implications yes/no findings that imply others, so that one complaint coded twice counts once
     */
    NoteLikelihood(EvidenceFrequencies freq, FeatureSpace space, double floor, NoteImplications implications) {
        int k = freq.prior().length;
        this.present = freq.present();
        this.floor = floor;
        this.implies = implications.matrix(space);
        evidenceFeatures = space.evidenceFeatureCount();
        presentGain = new double[k][evidenceFeatures];
        absentGain = new double[k][evidenceFeatures];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < evidenceFeatures; f++) {
                double p = freq.present()[c][f];
                if (floor > 0 && p < floor) {
                    presentGain[c][f] = Math.log(floor) - Math.log(p);
                }
                if (floor > 0 && p > 1 - floor) {
                    absentGain[c][f] = Math.log(floor) - Math.log1p(-p);
                }
            }
        }
    }

    /**
     * The posterior of the input {@code x} with every finding's likelihood bounded; a new, normalised array.
     *
     * @param temperature the temperature folded into the scorer's weights (its logits are log-likelihoods / T)
     */
    double[] bound(double[] posterior, float[] x, double temperature) {
        double t = temperature > 0 ? temperature : 1;
        int[] stated = presentFeatures(x);
        double[] log = new double[posterior.length];
        for (int c = 0; c < posterior.length; c++) {
            double s = Math.log(Math.max(posterior[c], Double.MIN_NORMAL));
            for (int f = 0; f < evidenceFeatures; f++) {
                if (x[f] > 0) {
                    s += presentGain[c][f] / t;
                } else if (x[f] < 0) {
                    s += absentGain[c][f] / t;
                }
            }
            int restated = sameStatements(c, stated);
            log[c] = restated == 0 ? s : s - restated * Math.log(floor) / t;
        }
        return NaiveBayes.softmax(log);
    }

    private int[] presentFeatures(float[] x) {
        int n = 0;
        int[] out = new int[evidenceFeatures];
        for (int f = 0; f < evidenceFeatures; f++) {
            if (x[f] > 0) {
                out[n++] = f;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * How many of the present findings pathology c does not list (each already bounded to ε) are implied by another
     * present finding it lists: they restate it and cost nothing.
     */
    private int sameStatements(int c, int[] stated) {
        if (floor <= 0 || stated.length < 2) {
            return 0;
        }
        int n = 0;
        for (int f : stated) {
            if (present[c][f] >= floor) {
                continue;
            }
            for (int g : stated) {
                if (g != f && implies(g, f) && present[c][g] >= floor) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private boolean implies(int g, int f) {
        return implies[g] != null && implies[g][f];
    }
}

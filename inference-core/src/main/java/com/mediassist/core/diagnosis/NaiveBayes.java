package com.mediassist.core.diagnosis;

import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.Sex;

/**
 * The transparent fallback: naive Bayes over the bundle's smoothed per-pathology frequencies, read
 * off the same encoded input the model gets ({@link FeatureSpace}):
 * log P(k | x) = log P(k) + Σ_{x_f = +1} log P(f | k) + Σ_{x_f = −1} log(1 − P(f | k))
 * + log P(age bucket | k) + log P(sex | k), normalised. Features not asked ({@code x_f = 0})
 * contribute nothing. The shipped model is this same estimator exported to ONNX with a fitted
 * temperature (see the models module), so the fallback differs from it only by that temperature.
 */
public final class NaiveBayes {

    private final FeatureSpace space;
    private final EvidenceFrequencies freq;
    private final Knowledge knowledge;
    private final double[][] logPresent;
    private final double[][] logAbsent;

    public NaiveBayes(Knowledge knowledge, FeatureSpace space, EvidenceFrequencies freq) {
        this.knowledge = knowledge;
        this.space = space;
        this.freq = freq;
        int k = freq.prior().length;
        logPresent = new double[k][];
        logAbsent = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] row = freq.present()[c];
            logPresent[c] = new double[row.length];
            logAbsent[c] = new double[row.length];
            for (int f = 0; f < row.length; f++) {
                logPresent[c][f] = Math.log(row[f]);
                logAbsent[c][f] = Math.log(1 - row[f]);
            }
        }
    }

    /** The posterior over pathologies, in label order; sums to 1. */
    public double[] posterior(PatientFindings p) {
        return posterior(space.encode(knowledge, p));
    }

    /** The posterior for an already encoded input (its age bucket and sex are read from it). */
    double[] posterior(float[] x) {
        int k = freq.prior().length;
        double[] log = new double[k];
        int bucket = 0;
        for (int b = 0; b < space.ageBucketCount(); b++) {
            if (x[space.ageFeatureStart() + b] > 0) {
                bucket = b;
            }
        }
        Sex sex = x[space.sexFeatureStart()] > 0 ? Sex.MALE : Sex.FEMALE;
        int evidenceFeatures = space.evidenceFeatureCount();
        int[] present = new int[evidenceFeatures];
        int[] absent = new int[evidenceFeatures];
        int np = 0;
        int na = 0;
        for (int f = 0; f < evidenceFeatures; f++) {
            if (x[f] > 0) {
                present[np++] = f;
            } else if (x[f] < 0) {
                absent[na++] = f;
            }
        }
        for (int c = 0; c < k; c++) {
            double s = Math.log(freq.prior()[c]) + Math.log(freq.ageBuckets()[c][bucket])
                    + Math.log(sex == Sex.MALE ? freq.male()[c] : 1 - freq.male()[c]);
            double[] lp = logPresent[c];
            double[] la = logAbsent[c];
            for (int i = 0; i < np; i++) {
                s += lp[present[i]];
            }
            for (int i = 0; i < na; i++) {
                s += la[absent[i]];
            }
            log[c] = s;
        }
        return softmax(log);
    }

    static double[] softmax(double[] log) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : log) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[log.length];
        for (int i = 0; i < log.length; i++) {
            out[i] = Math.exp(log[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}

package com.mediassist.core.diagnosis;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.Sex;

/**
 * The transparent fallback: naive Bayes over the bundle's smoothed per-pathology frequencies.
 * log P(k | findings) = log P(k) + Σ present log P(f | k) + Σ denied yes/no log(1 − P(e | k))
 * + Σ denied multi-valued log P(none | k) + log P(age bucket | k) + log P(sex | k), normalised.
 * Evidences not asked contribute nothing.
 */
public final class NaiveBayes {

    private final Knowledge knowledge;
    private final FeatureSpace space;
    private final EvidenceFrequencies freq;

    public NaiveBayes(Knowledge knowledge, FeatureSpace space, EvidenceFrequencies freq) {
        this.knowledge = knowledge;
        this.space = space;
        this.freq = freq;
    }

    /** The posterior over pathologies, in label order; sums to 1. */
    public double[] posterior(PatientFindings p) {
        int k = freq.prior().length;
        double[] log = new double[k];
        int bucket = space.ageBucket(p.age());
        for (int c = 0; c < k; c++) {
            double[] row = freq.present()[c];
            double s = Math.log(freq.prior()[c]) + Math.log(freq.ageBuckets()[c][bucket])
                    + Math.log(p.sex() == Sex.M ? freq.male()[c] : 1 - freq.male()[c]);
            for (Finding f : p.present()) {
                int i = space.indexOf(f);
                if (i >= 0 && i < row.length) {
                    s += Math.log(row[i]);
                }
            }
            for (EvidenceCode code : p.absent()) {
                Evidence e = knowledge.evidence(code).orElseThrow();
                if (e.isBinary()) {
                    s += Math.log(1 - row[space.indexOf(code.value())]);
                } else if (e.defaultValue() != null) {
                    int i = space.indexOf(FeatureSpace.valueFeature(code, e.defaultValue()));
                    if (i >= 0) {
                        s += Math.log(row[i]);
                    }
                }
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

package com.mediassist.models;

import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;

/**
 * Naive Bayes over the ternary encoded input ({@link FeatureSpace}), as a log-linear classifier:
 * {@code logit_k = log P(k) + Σ_{x_f=+1} log P(f|k) + Σ_{x_f=−1} log(1 − P(f|k))}, age bucket and sex
 * one-hot. With x in {−1, 0, +1}, {@code [x=+1] = (x² + x)/2} and {@code [x=−1] = (x² − x)/2}, so the
 * logits are {@code x·A + (x∘x)·B + b} with {@code A = (P − N)/2}, {@code B = (P + N)/2}: two Gemms,
 * exported as such to ONNX. It is DDXPlus' own generative assumption (each evidence drawn
 * independently given the pathology, never one the pathology does not list), estimated from the
 * training patients' counts. Weights are feature-major ({@code a[f * labels + k]}).
 */
final class NaiveBayesModel implements Classifier {

    final int features;
    final int labels;
    /** Linear weights. */
    final float[] a;
    /** Weights of the squared input. */
    final float[] q;
    final float[] b;

    private NaiveBayesModel(int features, int labels) {
        this.features = features;
        this.labels = labels;
        a = new float[features * labels];
        q = new float[features * labels];
        b = new float[labels];
    }

    /** The model of the frequencies (the same estimate the engine's fallback reads). */
    static NaiveBayesModel of(FeatureSpace space, EvidenceFrequencies freq) {
        int k = freq.prior().length;
        NaiveBayesModel m = new NaiveBayesModel(space.size(), k);
        int ev = space.evidenceFeatureCount();
        for (int c = 0; c < k; c++) {
            m.b[c] = (float) Math.log(freq.prior()[c]);
            for (int f = 0; f < ev; f++) {
                double p = freq.present()[c][f];
                m.set(f, c, Math.log(p), Math.log(1 - p));
            }
            for (int g = 0; g < space.ageBucketCount(); g++) {
                m.set(space.ageFeatureStart() + g, c, Math.log(freq.ageBuckets()[c][g]), 0);
            }
            m.set(space.sexFeatureStart(), c, Math.log(freq.male()[c]), 0);
            m.set(space.sexFeatureStart() + 1, c, Math.log(1 - freq.male()[c]), 0);
        }
        return m;
    }

    private void set(int f, int k, double logPresent, double logAbsent) {
        a[f * labels + k] = (float) ((logPresent - logAbsent) / 2);
        q[f * labels + k] = (float) ((logPresent + logAbsent) / 2);
    }

    @Override
    public int labels() {
        return labels;
    }

    @Override
    public void logits(int[] idx, float[] val, double[] z) {
        for (int k = 0; k < labels; k++) {
            z[k] = b[k];
        }
        for (int n = 0; n < idx.length; n++) {
            int base = idx[n] * labels;
            float v = val[n];
            float v2 = v * v;
            for (int k = 0; k < labels; k++) {
                z[k] += a[base + k] * v + q[base + k] * v2;
            }
        }
    }

    @Override
    public Classifier withTemperature(double t) {
        NaiveBayesModel m = new NaiveBayesModel(features, labels);
        for (int i = 0; i < a.length; i++) {
            m.a[i] = (float) (a[i] / t);
            m.q[i] = (float) (q[i] / t);
        }
        for (int k = 0; k < labels; k++) {
            m.b[k] = (float) (b[k] / t);
        }
        return m;
    }
}

package com.mediassist.models;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression trained by AdaGrad SGD with L2, single-threaded and seeded so the
 * same examples and settings give bit-identical weights. Weights are stored feature-major
 * ({@code w[f * labels + k]}) to match an ONNX Gemm with B of shape [features, labels].
 */
final class SoftmaxModel implements Classifier {

    final int features;
    final int labels;
    final float[] w;
    final float[] b;

    SoftmaxModel(int features, int labels) {
        this.features = features;
        this.labels = labels;
        this.w = new float[features * labels];
        this.b = new float[labels];
    }

    /**
     * Trains on the examples.
     *
     * @param epochs passes over the data
     * @param rate   AdaGrad learning rate
     * @param l2     L2 penalty applied to the weights an example touches
     * @param seed   shuffling seed
     */
    static SoftmaxModel train(List<ExampleFactory.Example> data, int features, int labels, int epochs, double rate,
                              double l2, long seed) {
        SoftmaxModel m = new SoftmaxModel(features, labels);
        float[] gw = new float[features * labels];
        float[] gb = new float[labels];
        int[] order = ExampleOrder.identity(data.size());
        Random rnd = new Random(seed);
        double[] z = new double[labels];
        float eps = 1e-6f;
        float lr = (float) rate;
        float lambda = (float) l2;
        for (int epoch = 0; epoch < epochs; epoch++) {
            ExampleOrder.shuffle(order, rnd);
            for (int o : order) {
                ExampleFactory.Example ex = data.get(o);
                m.logits(ex.index(), ex.value(), z);
                softmaxInPlace(z);
                z[ex.label()] -= 1.0;
                for (int k = 0; k < labels; k++) {
                    float g = (float) z[k];
                    gb[k] += g * g;
                    m.b[k] -= lr * g / (float) Math.sqrt(gb[k] + eps);
                }
                for (int n = 0; n < ex.index().length; n++) {
                    int base = ex.index()[n] * labels;
                    float v = ex.value()[n];
                    for (int k = 0; k < labels; k++) {
                        float g = (float) z[k] * v + lambda * m.w[base + k];
                        gw[base + k] += g * g;
                        m.w[base + k] -= lr * g / (float) Math.sqrt(gw[base + k] + eps);
                    }
                }
            }
        }
        return m;
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
            for (int k = 0; k < labels; k++) {
                z[k] += v * w[base + k];
            }
        }
    }

    static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            s += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= s;
        }
    }

    /** A copy with weights and biases divided by the temperature (calibration folded in). */
    @Override
    public SoftmaxModel withTemperature(double t) {
        SoftmaxModel m = new SoftmaxModel(features, labels);
        for (int i = 0; i < w.length; i++) {
            m.w[i] = (float) (w[i] / t);
        }
        for (int k = 0; k < labels; k++) {
            m.b[k] = (float) (b[k] / t);
        }
        return m;
    }
}

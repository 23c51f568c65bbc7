package com.mediassist.models;

import java.util.List;
import java.util.Random;

/**
 * A one-hidden-layer perceptron (ReLU) with a softmax output, trained by AdaGrad SGD, single-threaded
 * and seeded: the same examples and settings give bit-identical weights. The hidden layer lets the
 * model combine findings (e.g. "many findings reported and this one not among them"), which a linear
 * model cannot. Weights are feature-major to match ONNX Gemm: {@code w1[f * hidden + h]},
 * {@code w2[h * labels + k]}.
 */
final class MlpModel implements Classifier {

    final int features;
    final int hidden;
    final int labels;
    final float[] w1;
    final float[] b1;
    final float[] w2;
    final float[] b2;

    MlpModel(int features, int hidden, int labels) {
        this.features = features;
        this.hidden = hidden;
        this.labels = labels;
        w1 = new float[features * hidden];
        b1 = new float[hidden];
        w2 = new float[hidden * labels];
        b2 = new float[labels];
    }

    static MlpModel train(List<ExampleFactory.Example> data, int features, int hidden, int labels, int epochs,
                          double rate, double l2, long seed) {
        MlpModel m = new MlpModel(features, hidden, labels);
        Random rnd = new Random(seed);
        for (int i = 0; i < m.w1.length; i++) {
            m.w1[i] = (float) (rnd.nextGaussian() * 0.15);
        }
        for (int i = 0; i < m.w2.length; i++) {
            m.w2[i] = (float) (rnd.nextGaussian() / Math.sqrt(hidden));
        }
        float[] g1 = new float[m.w1.length];
        float[] gb1 = new float[hidden];
        float[] g2 = new float[m.w2.length];
        float[] gb2 = new float[labels];
        int[] order = ExampleOrder.identity(data.size());
        double[] h = new double[hidden];
        double[] z = new double[labels];
        double[] dh = new double[hidden];
        float lr = (float) rate;
        float lambda = (float) l2;
        float eps = 1e-6f;
        for (int epoch = 0; epoch < epochs; epoch++) {
            ExampleOrder.shuffle(order, rnd);
            for (int o : order) {
                ExampleFactory.Example ex = data.get(o);
                m.forward(ex.index(), ex.value(), h, z);
                SoftmaxModel.softmaxInPlace(z);
                z[ex.label()] -= 1.0;
                java.util.Arrays.fill(dh, 0);
                for (int a = 0; a < hidden; a++) {
                    if (h[a] <= 0) {
                        continue;
                    }
                    int base = a * labels;
                    double s = 0;
                    for (int k = 0; k < labels; k++) {
                        s += m.w2[base + k] * z[k];
                        float g = (float) (z[k] * h[a]) + lambda * m.w2[base + k];
                        g2[base + k] += g * g;
                        m.w2[base + k] -= lr * g / (float) Math.sqrt(g2[base + k] + eps);
                    }
                    dh[a] = s;
                }
                for (int k = 0; k < labels; k++) {
                    float g = (float) z[k];
                    gb2[k] += g * g;
                    m.b2[k] -= lr * g / (float) Math.sqrt(gb2[k] + eps);
                }
                for (int a = 0; a < hidden; a++) {
                    if (dh[a] == 0) {
                        continue;
                    }
                    float g = (float) dh[a];
                    gb1[a] += g * g;
                    m.b1[a] -= lr * g / (float) Math.sqrt(gb1[a] + eps);
                }
                for (int n = 0; n < ex.index().length; n++) {
                    int base = ex.index()[n] * hidden;
                    float v = ex.value()[n];
                    for (int a = 0; a < hidden; a++) {
                        if (dh[a] == 0) {
                            continue;
                        }
                        float g = (float) dh[a] * v + lambda * m.w1[base + a];
                        g1[base + a] += g * g;
                        m.w1[base + a] -= lr * g / (float) Math.sqrt(g1[base + a] + eps);
                    }
                }
            }
        }
        return m;
    }

    void forward(int[] idx, float[] val, double[] h, double[] z) {
        for (int a = 0; a < hidden; a++) {
            h[a] = b1[a];
        }
        for (int n = 0; n < idx.length; n++) {
            int base = idx[n] * hidden;
            float v = val[n];
            for (int a = 0; a < hidden; a++) {
                h[a] += v * w1[base + a];
            }
        }
        for (int a = 0; a < hidden; a++) {
            if (h[a] < 0) {
                h[a] = 0;
            }
        }
        for (int k = 0; k < labels; k++) {
            z[k] = b2[k];
        }
        for (int a = 0; a < hidden; a++) {
            if (h[a] == 0) {
                continue;
            }
            int base = a * labels;
            for (int k = 0; k < labels; k++) {
                z[k] += h[a] * w2[base + k];
            }
        }
    }

    @Override
    public int labels() {
        return labels;
    }

    @Override
    public void logits(int[] idx, float[] val, double[] z) {
        forward(idx, val, new double[hidden], z);
    }

    /** A copy whose output layer is divided by the temperature (calibration folded in). */
    @Override
    public MlpModel withTemperature(double t) {
        MlpModel m = new MlpModel(features, hidden, labels);
        System.arraycopy(w1, 0, m.w1, 0, w1.length);
        System.arraycopy(b1, 0, m.b1, 0, b1.length);
        for (int i = 0; i < w2.length; i++) {
            m.w2[i] = (float) (w2[i] / t);
        }
        for (int k = 0; k < labels; k++) {
            m.b2[k] = (float) (b2[k] / t);
        }
        return m;
    }
}

package com.mediassist.models;

import java.util.List;

/** A trained classifier over sparse encoded examples: naive Bayes, linear softmax or a one-hidden-layer MLP. */
sealed interface Classifier permits NaiveBayesModel, SoftmaxModel, MlpModel {

    int labels();

    /** Writes the logits of one sparse example into {@code z}. */
    void logits(int[] idx, float[] val, double[] z);

    /** A copy with the temperature folded into the output layer. */
    Classifier withTemperature(double t);

    /**
     * The temperature minimising the negative log-likelihood of held-out examples (grid search
     * over 0.25–4 in steps of 0.01).
     */
    default double fitTemperature(List<ExampleFactory.Example> heldOut) {
        double[][] logits = new double[heldOut.size()][labels()];
        for (int i = 0; i < heldOut.size(); i++) {
            logits(heldOut.get(i).index(), heldOut.get(i).value(), logits[i]);
        }
        double best = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int step = 25; step <= 400; step++) {
            double t = step / 100.0;
            double nll = 0;
            for (int i = 0; i < logits.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : logits[i]) {
                    max = Math.max(max, v / t);
                }
                double s = 0;
                for (double v : logits[i]) {
                    s += Math.exp(v / t - max);
                }
                nll -= logits[i][heldOut.get(i).label()] / t - max - Math.log(s);
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }
}

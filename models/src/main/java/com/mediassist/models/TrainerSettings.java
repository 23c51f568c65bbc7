package com.mediassist.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the diagnosis trainer; recorded in the bundle's provenance.
 *
 * @param algorithm         which model: naive Bayes (shipped), MLP, or linear softmax; the sampling,
 *                          variant and SGD settings below only apply to the MLP and linear models
 * @param hidden            hidden units of the MLP; 0 trains a linear softmax model
 * @param seed              seed of every random draw (sampling, dropout, shuffling)
 * @param epochs            SGD passes
 * @param learningRate      AdaGrad learning rate
 * @param l2                L2 penalty
 * @param syntheticPatients synthetic patients in total, spread over pathologies by their prior
 *                          (at least {@code minSyntheticPerPathology} each)
 * @param minSyntheticPerPathology floor of synthetic patients per pathology
 * @param realVariants      training variants per real patient (one with all evidence, the rest partial)
 * @param syntheticVariants training variants per synthetic patient
 * @param consultations     simulated consultations per real patient (half the synthetic patients get one)
 * @param calibrationShare  share of real patients held out to fit the temperature
 */
public record TrainerSettings(Algorithm algorithm, int hidden, long seed, int epochs, double learningRate, double l2, int syntheticPatients,
                              int minSyntheticPerPathology, int realVariants, int syntheticVariants,
                              int consultations, double calibrationShare) {

    /** The model families the trainer can fit. */
    public enum Algorithm {
        /** Naive Bayes from smoothed counts, exported as a log-linear ONNX graph (shipped). */
        NAIVE_BAYES("naive-bayes"),
        /** One-hidden-layer ReLU MLP trained by AdaGrad on real, partial and synthetic patients. */
        MLP("mlp"),
        /** Multinomial logistic regression trained like the MLP. */
        LINEAR("linear");

        private final String id;

        Algorithm(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The algorithm named {@code id}. */
        public static Algorithm parse(String id) {
            for (Algorithm a : values()) {
                if (a.id.equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown algorithm '" + id + "'; expected naive-bayes, mlp or linear");
        }
    }

    /** The settings of the shipped bundle. */
    public static TrainerSettings defaults() {
        return new TrainerSettings(Algorithm.NAIVE_BAYES, 64, 20260101L, 9, 0.05, 1e-5, 12000, 80, 16, 3, 0, 0.2);
    }

    public TrainerSettings withAlgorithm(Algorithm a) {
        return new TrainerSettings(a, hidden, seed, epochs, learningRate, l2, syntheticPatients, minSyntheticPerPathology,
                realVariants, syntheticVariants, consultations, calibrationShare);
    }

    public TrainerSettings withSeed(long s) {
        return new TrainerSettings(algorithm, hidden, s, epochs, learningRate, l2, syntheticPatients, minSyntheticPerPathology,
                realVariants, syntheticVariants, consultations, calibrationShare);
    }

    /** The settings as text, for the manifest. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", switch (algorithm) {
            case NAIVE_BAYES -> "naive Bayes over the ternary features, P(f|k)=(count+0.05)/(n_k+0.1) for evidences"
                    + " DDXPlus lists for k, 1e-6 otherwise; log-linear ONNX graph; temperature scaling";
            case MLP -> "one-hidden-layer ReLU MLP, softmax output, AdaGrad SGD, temperature scaling";
            case LINEAR -> "multinomial logistic regression, AdaGrad SGD, temperature scaling";
        });
        m.put("seed", Long.toString(seed));
        m.put("calibrationShare", Double.toString(calibrationShare));
        if (algorithm != Algorithm.NAIVE_BAYES) {
            m.put("hidden", Integer.toString(hidden));
            m.put("epochs", Integer.toString(epochs));
            m.put("learningRate", Double.toString(learningRate));
            m.put("l2", Double.toString(l2));
            m.put("syntheticPatients", Integer.toString(syntheticPatients));
            m.put("minSyntheticPerPathology", Integer.toString(minSyntheticPerPathology));
            m.put("realVariants", Integer.toString(realVariants));
            m.put("syntheticVariants", Integer.toString(syntheticVariants));
            m.put("consultations", Integer.toString(consultations));
        }
        m.put("threads", "1");
        return m;
    }
}

package com.mediassist.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the diagnosis trainer; recorded in the bundle's provenance.
 *
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
public record TrainerSettings(int hidden, long seed, int epochs, double learningRate, double l2, int syntheticPatients,
                              int minSyntheticPerPathology, int realVariants, int syntheticVariants,
                              int consultations, double calibrationShare) {

    /** The settings of the shipped bundle. */
    public static TrainerSettings defaults() {
        return new TrainerSettings(64, 20260101L, 9, 0.05, 1e-5, 12000, 80, 16, 3, 0, 0.2);
    }

    public TrainerSettings withSeed(long s) {
        return new TrainerSettings(hidden, s, epochs, learningRate, l2, syntheticPatients, minSyntheticPerPathology,
                realVariants, syntheticVariants, consultations, calibrationShare);
    }

    /** The settings as text, for the manifest. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", hidden > 0 ? "one-hidden-layer ReLU MLP, softmax output, AdaGrad SGD, temperature scaling"
                : "multinomial logistic regression, AdaGrad SGD, temperature scaling");
        m.put("hidden", Integer.toString(hidden));
        m.put("seed", Long.toString(seed));
        m.put("epochs", Integer.toString(epochs));
        m.put("learningRate", Double.toString(learningRate));
        m.put("l2", Double.toString(l2));
        m.put("syntheticPatients", Integer.toString(syntheticPatients));
        m.put("minSyntheticPerPathology", Integer.toString(minSyntheticPerPathology));
        m.put("realVariants", Integer.toString(realVariants));
        m.put("syntheticVariants", Integer.toString(syntheticVariants));
        m.put("consultations", Integer.toString(consultations));
        m.put("calibrationShare", Double.toString(calibrationShare));
        m.put("threads", "1");
        return m;
    }
}

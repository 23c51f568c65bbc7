package com.mediassist.core.diagnosis;

/**
 * Turns an encoded input vector into one probability per label. The engine's real scorer is
 * {@link OnnxScorer}; the interface lets the engine run any scorer behind its time budget.
 */
@FunctionalInterface
public interface Scorer {

    /**
     * @param features the encoded input, owned by the caller and not kept
     * @return a new array with one probability per label, in label order
     * @throws DiagnosisException.ModelRunException when the model cannot run
     */
    float[] score(float[] features);
}

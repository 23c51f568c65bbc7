/**
 * The diagnosis engine: from a patient's age, sex, present and denied evidences to a ranked,
 * calibrated differential (ONNX Runtime over a verified bundle), the evidences that support and
 * are missing for each candidate, red flags for severe conditions, and the next best questions by
 * expected information gain. When the ONNX session fails or exceeds its time budget the engine
 * answers from a naive Bayes fallback over the bundle's evidence frequencies and says so.
 */
package com.mediassist.core.diagnosis;

package com.mediassist.appliance.diagnosis.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the diagnosis engine ({@code mediassist.diagnosis.*}). */
@ConfigMapping(prefix = "mediassist.diagnosis")
public interface DiagnosisConfig {

    /** Time budget of one ONNX run; past it the naive Bayes fallback answers. Default 200 ms. */
    @WithDefault("200ms")
    Duration onnxTimeout();

    /** Threads running ONNX sessions (also the runs in flight). Default 2. */
    @WithDefault("2")
    int onnxThreads();

    /** ONNX runs that may wait for a thread; beyond that the fallback answers. Default 16. */
    @WithDefault("16")
    int queueCapacity();

    /** Candidates in the differential. Default 5. */
    @WithDefault("5")
    int topCandidates();

    /** Probability from which a severity 1–2 pathology is flagged. Default 0.05. */
    @WithDefault("0.05")
    double redFlagThreshold();

    /** Next questions suggested. Default 5. */
    @WithDefault("5")
    int nextQuestions();

    /** Supporting and missing evidences listed per candidate. Default 4. */
    @WithDefault("4")
    int explanationSize();
}

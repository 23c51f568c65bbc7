package com.mediassist.core.diagnosis;

import com.mediassist.core.fit.FitOptions;
import java.time.Duration;

/**
 * Engine settings.
 *
 * @param topCandidates     candidates in the differential (default 5)
 * @param redFlagThreshold  probability from which a severity 1–2 pathology is flagged (default 0.05)
 * @param nextQuestions     how many next questions to suggest (default 5)
 * @param explanationSize   supporting and missing evidences listed per candidate (default 4)
 * @param onnxTimeout       time budget of one ONNX run; past it the fallback answers (default 200 ms)
 * @param onnxThreads       threads running ONNX sessions; also the number of runs in flight (default 2)
 * @param queueCapacity     runs that may wait for a thread; more are answered by the fallback (default 16)
 * @param fit               settings of the fit verdict and the other mass (default {@link FitOptions#defaults()})
 */
public record DiagnosisOptions(int topCandidates, double redFlagThreshold, int nextQuestions,
                               int explanationSize, Duration onnxTimeout, int onnxThreads, int queueCapacity,
                               FitOptions fit) {

    /** Options with the default fit settings. */
    public DiagnosisOptions(int topCandidates, double redFlagThreshold, int nextQuestions,
                            int explanationSize, Duration onnxTimeout, int onnxThreads, int queueCapacity) {
        this(topCandidates, redFlagThreshold, nextQuestions, explanationSize, onnxTimeout, onnxThreads, queueCapacity,
                FitOptions.defaults());
    }

    public DiagnosisOptions {
        if (fit == null) {
            throw new IllegalArgumentException("fit options are required");
        }
        if (topCandidates < 1 || nextQuestions < 0 || explanationSize < 0 || onnxThreads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("diagnosis options out of range");
        }
        if (redFlagThreshold <= 0 || redFlagThreshold >= 1) {
            throw new IllegalArgumentException("redFlagThreshold must be in (0,1), found " + redFlagThreshold);
        }
        if (onnxTimeout == null || onnxTimeout.isNegative()) {
            throw new IllegalArgumentException("onnxTimeout must be zero or positive");
        }
    }

    /** The defaults listed above. */
    public static DiagnosisOptions defaults() {
        return new DiagnosisOptions(5, 0.05, 5, 4, Duration.ofMillis(200), 2, 16);
    }

    public DiagnosisOptions withOnnxTimeout(Duration timeout) {
        return new DiagnosisOptions(topCandidates, redFlagThreshold, nextQuestions, explanationSize, timeout,
                onnxThreads, queueCapacity, fit);
    }

    public DiagnosisOptions withNextQuestions(int n) {
        return new DiagnosisOptions(topCandidates, redFlagThreshold, n, explanationSize, onnxTimeout,
                onnxThreads, queueCapacity, fit);
    }

    /** These options with other fit settings. */
    public DiagnosisOptions withFit(FitOptions f) {
        return new DiagnosisOptions(topCandidates, redFlagThreshold, nextQuestions, explanationSize, onnxTimeout,
                onnxThreads, queueCapacity, f);
    }
}

package com.mediassist.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.diagnosis.GoldenCases.GoldenCaseMismatchException;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.TinyKnowledge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden cases recorded from one engine pass on it and fail on an engine that answers otherwise. */
class GoldenCasesTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final EvidenceFrequencies freq = TinyKnowledge.frequencies(k);

    private DiagnosisEngine engine(Scorer s) {
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, "tiny", "1.0.0", "2026-01-01T00:00:00Z", "0.1.0",
                null, List.of(), new BundleManifest.ModelSpec("model.onnx", "features", "probabilities",
                new FeatureSpace(k).names(), k.pathologies().stream().map(p -> p.code().value()).toList(), 1.0,
                FeatureSpace.ENCODING), Map.of());
        return new DiagnosisEngine(k, freq, m, s, DiagnosisOptions.defaults().withOnnxTimeout(java.time.Duration.ofSeconds(5)));
    }

    @Test
    void casesRecordedFromAnEngineHoldOnTheSameModel() {
        GoldenCases golden;
        try (DiagnosisEngine e = engine(x -> new float[]{0.8f, 0.2f})) {
            golden = GoldenCases.record(e, 10, 1e-4);
        }
        assertThat(golden.cases()).isNotEmpty();
        assertThat(golden.cases()).allSatisfy(c -> assertThat(c.method()).isEqualTo(DiagnosisEngine.METHOD_MODEL));
        try (DiagnosisEngine same = engine(x -> new float[]{0.8f, 0.2f})) {
            golden.check(same);
        }
    }

    @Test
    void refusesAModelWhoseProbabilitiesMovedBeyondTheTolerance() {
        GoldenCases golden;
        try (DiagnosisEngine e = engine(x -> new float[]{0.8f, 0.2f})) {
            golden = GoldenCases.record(e, 10, 1e-4);
        }
        try (DiagnosisEngine other = engine(x -> new float[]{0.7f, 0.3f})) {
            assertThatThrownBy(() -> golden.check(other))
                    .isInstanceOfSatisfying(GoldenCaseMismatchException.class, ex -> {
                        // The shown probability is the model's times the answer's fit, so only the
                        // candidate and that the numbers differ are stable facts here.
                        assertThat(ex.expected()).contains("viral-pharyngitis");
                        assertThat(ex.found()).contains("viral-pharyngitis").isNotEqualTo(ex.expected());
                    });
        }
    }

    @Test
    void refusesAModelThatCannotRunSoTheFallbackAnswers() {
        GoldenCases golden;
        try (DiagnosisEngine e = engine(x -> new float[]{0.8f, 0.2f})) {
            golden = GoldenCases.record(e, 10, 1e-4);
        }
        try (DiagnosisEngine broken = engine(x -> {
            throw new DiagnosisException.ModelRunException("the ONNX model could not be opened: bad protobuf", null);
        })) {
            assertThatThrownBy(() -> golden.check(broken))
                    .isInstanceOfSatisfying(GoldenCaseMismatchException.class, ex -> {
                        assertThat(ex.expected()).isEqualTo("answered by onnx");
                        assertThat(ex.found()).contains(DiagnosisEngine.METHOD_FALLBACK).contains("bad protobuf");
                    });
        }
    }
}

package com.mediassist.appliance.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.appliance.status.ModuleHealth.State;
import com.mediassist.core.diagnosis.DiagnosisResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackObserverTest {

    private static DiagnosisResult answer(boolean fallback) {
        return new DiagnosisResult(List.of(), List.of(), List.of(),
                new DiagnosisResult.ModelInfo("b", "1.0.0", fallback ? "naive-bayes-fallback" : "onnx", "k"),
                fallback, fallback ? "ONNX session exceeded its 50 ms budget" : null);
    }

    @Test
    void showsTheFallbackInUseWithItsReasonUntilTheModelAnswersAgain() {
        FallbackObserver o = new FallbackObserver();
        assertThat(o.probe().state()).isEqualTo(State.UNKNOWN);
        o.seen(answer(false));
        assertThat(o.probe().state()).isEqualTo(State.UP);
        o.seen(answer(true));
        assertThat(o.probe().state()).isEqualTo(State.DEGRADED);
        assertThat(o.probe().detail()).contains("exceeded its 50 ms budget").contains("1 of the last 2");
        o.seen(answer(false));
        assertThat(o.probe().state()).isEqualTo(State.UP);
    }
}

package com.mediassist.appliance.bundles.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.sync.ota.DiagnosisFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genuinely slow model against the engine itself: past its time budget the fallback answers, and the
 * engine can be closed while the ONNX run it gave up on is still running (the run is terminated and waited
 * for; freeing the session under it crashed the JVM before).
 */
class SlowModelEngineTest {

    @TempDir
    Path tmp;

    @Test
    void answersByTheFallbackPastTheBudgetAndClosesWhileTheSlowRunIsInFlight() throws Exception {
        Path shipped = Path.of("../models/target/bundle");
        Path dir = DiagnosisFixtures.variant(shipped, tmp.resolve("slow"), "2.9.9",
                d -> SlowOnnx.slowDown(d.resolve("model.onnx"), "features", 30));
        VerifiedBundle vb = new BundleLoader("0.1.0").load(dir);
        DiagnosisEngine engine = DiagnosisEngine.open(vb, DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofMillis(200)));
        Knowledge k = engine.knowledge();
        DiagnosisResult r = engine.diagnose(k.findings(45, "M", List.of("E_53", "E_66"), List.of()), Language.ES);
        assertThat(r.fallback()).isTrue();
        assertThat(r.fallbackReason()).contains("time budget of 200 ms");
        engine.close();   // the slow run is still in flight here
        assertThat(engine.diagnose(k.findings(45, "M", List.of("E_53"), List.of()), Language.ES).fallback()).isTrue();
    }
}

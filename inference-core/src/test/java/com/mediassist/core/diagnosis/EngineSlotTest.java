package com.mediassist.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.TinyKnowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Switching engines while diagnoses run: none is answered by a closed engine, none fails. */
class EngineSlotTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final EvidenceFrequencies freq = TinyKnowledge.frequencies(k);

    /** A scorer that knows whether its engine closed it, and refuses to score then. */
    static final class TrackedScorer implements Scorer, AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicInteger usedAfterClose = new AtomicInteger();

        @Override
        public float[] score(float[] x) {
            if (closed.get()) {
                usedAfterClose.incrementAndGet();
                throw new IllegalStateException("scored on a closed engine");
            }
            return new float[]{0.8f, 0.2f};
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private DiagnosisEngine engine(TrackedScorer s) {
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, "tiny", "1.0.0", "2026-01-01T00:00:00Z", "0.1.0",
                null, List.of(), new BundleManifest.ModelSpec("model.onnx", "features", "probabilities",
                new FeatureSpace(k).names(), k.pathologies().stream().map(p -> p.code().value()).toList(), 1.0,
                FeatureSpace.ENCODING), Map.of());
        return new DiagnosisEngine(k, freq, m, s, DiagnosisOptions.defaults().withOnnxTimeout(java.time.Duration.ofSeconds(5)));
    }

    @Test
    void switchesUnderConcurrentDiagnosesWithoutUsingAClosedEngine() throws Exception {
        List<TrackedScorer> scorers = new ArrayList<>();
        TrackedScorer first = new TrackedScorer();
        scorers.add(first);
        AtomicInteger fallbacks = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (EngineSlot slot = new EngineSlot()) {
            slot.swap(engine(first));
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        DiagnosisResult r = slot.withEngine(
                                e -> e.diagnose(k.findings(30, "F", List.of("E_91"), List.of()), Language.EN), "none");
                        answered.incrementAndGet();
                        if (r.fallback()) {
                            fallbacks.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 40; i++) {
                TrackedScorer s = new TrackedScorer();
                scorers.add(s);
                slot.swap(engine(s));
                Thread.sleep(5);
            }
            stop.set(true);
            for (Future<?> w : workers) {
                w.get();   // rethrows any failed request
            }
            assertThat(answered.get()).isPositive();
            assertThat(fallbacks.get()).isZero();
            assertThat(scorers).allSatisfy(s -> assertThat(s.usedAfterClose.get()).isZero());
            // Every replaced engine was closed once drained; the installed one is still open.
            assertThat(scorers.subList(0, scorers.size() - 1)).allSatisfy(s -> assertThat(s.closed.get()).isTrue());
            assertThat(scorers.get(scorers.size() - 1).closed.get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
        assertThat(scorers.get(scorers.size() - 1).closed.get()).isTrue();
    }

    @Test
    void anEmptySlotAnswersUnavailableWithTheReason() {
        try (EngineSlot slot = new EngineSlot()) {
            assertThatThrownBy(() -> slot.withEngine(DiagnosisEngine::knowledge, "the bundle failed its hashes"))
                    .isInstanceOf(DiagnosisException.DiagnosisUnavailableException.class)
                    .hasMessage("the bundle failed its hashes");
        }
    }
}

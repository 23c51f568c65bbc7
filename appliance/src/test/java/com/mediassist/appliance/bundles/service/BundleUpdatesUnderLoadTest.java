package com.mediassist.appliance.bundles.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.diagnosis.service.BundleConfig;
import com.mediassist.appliance.diagnosis.service.DiagnosisConfig;
import com.mediassist.appliance.diagnosis.service.DiagnosisService;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.sync.ota.DiagnosisFixtures;
import com.mediassist.sync.ota.HistoryEntry;
import com.mediassist.sync.ota.KnowledgeFixtures;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.ota.OtaException.RepositoryRefusedException;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.tuf.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over-the-air bundles against the real shipped bundle, the real ONNX engine and a TUF repository the
 * test signs itself, while four threads keep diagnosing: a good bundle is switched to; a bundle whose
 * golden case fails, whose model crashes on load, whose model is genuinely slow, or that the repository
 * serves under attack is refused; a bundle that fails the health gate is rolled back. No diagnosis request
 * fails throughout.
 */
class BundleUpdatesUnderLoadTest {

    static final String ID = "ddxplus-diagnosis";
    /** Matrix squarings per diagnosis in the slow model (each ~2 GFLOP). */
    static final int SLOW_ROUNDS = 20;

    @TempDir
    Path tmp;
    Path dataDir;
    Path shipped;
    TestRepository repo;
    DiagnosisService diagnosis;
    BundleUpdateService service;
    Duration maxP95 = Duration.ofSeconds(30);
    Duration goldenBudget = Duration.ofSeconds(30);

    ExecutorService load;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger answered = new AtomicInteger();
    final Map<String, AtomicInteger> versionsSeen = new ConcurrentHashMap<>();
    final List<Future<?>> clients = new ArrayList<>();

    @BeforeEach
    void startApplianceAndLoad() throws Exception {
        dataDir = Files.createDirectories(tmp.resolve("data"));
        repo = new TestRepository(tmp.resolve("repo"), Instant.now(), 13L);
        repo.publish();
    }

    void start() throws Exception {
        diagnosis = new DiagnosisService(Optional::empty, diagnosisConfig(), "0.1.0", dataDir);
        diagnosis.load();
        shipped = dataDir.resolve("bundles/shipped");
        service = new BundleUpdateService(diagnosis, Optional::empty, otaConfig(), Clock.systemUTC(), dataDir, "0.1.0");
        service.onStart(null);
        service.updates().trust(repo.metadata.resolve("1.root.json"));
        Knowledge k = diagnosis.knowledge();
        PatientFindings p = k.findings(45, "M", List.of("E_53", "E_66"), List.of());
        load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.add(load.submit(() -> {
                while (!stop.get()) {
                    DiagnosisResult r = diagnosis.diagnose(p, Language.ES);   // any exception fails the test
                    answered.incrementAndGet();
                    versionsSeen.computeIfAbsent(r.model().version(), v -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        waitFor(() -> answered.get() > 20);
    }

    @AfterEach
    void stopLoadAndCountFailures() throws Exception {
        stop.set(true);
        for (Future<?> c : clients) {
            c.get();   // zero failed requests: any failure of a client rethrows here
        }
        if (load != null) {
            load.shutdownNow();
        }
        if (service != null) {
            service.onStop(null);
        }
    }

    // ---- the repository's bundles ----

    /** A copy of the shipped bundle as version {@code version}, {@code change} applied, manifest re-hashed. */
    Path variant(String version, KnowledgeFixtures.Change change) throws IOException {
        return DiagnosisFixtures.variant(shipped, tmp.resolve("v" + version), version, change);
    }

    void publish(String version, Path bundleDir) throws IOException {
        DiagnosisFixtures.publish(repo, version, bundleDir);
    }

    String activeVersion() {
        return diagnosis.activeBundle().orElseThrow().version();
    }

    String shippedVersion() throws IOException {
        return new ObjectMapper().readTree(shipped.resolve("manifest.json").toFile()).get("version").asText();
    }

    // ---- the tests ----

    @Test
    void switchesToAGoodBundleWithoutFailingARequest() throws Exception {
        start();
        publish("2.9.1", variant("2.9.1", d -> { }));
        assertThat(service.updates().importSnapshot(repo.dir)).hasValueSatisfying(b -> assertThat(b.version()).isEqualTo("2.9.1"));
        service.follow(true);
        assertThat(activeVersion()).isEqualTo("2.9.1");
        waitFor(() -> versionsSeen.containsKey("2.9.1") && versionsSeen.get("2.9.1").get() > 20);
        waitFor(() -> service.watched().isEmpty());   // the health gate passed
        OtaState s = service.updates().state();
        assertThat(s.active().version()).isEqualTo("2.9.1");
        assertThat(s.history()).extracting(HistoryEntry::event).contains("staged", "activated").doesNotContain("rolled-back");
    }

    @Test
    void refusesABundleWhoseGoldenCaseFails() throws Exception {
        start();
        String before = activeVersion();
        publish("2.9.2", variant("2.9.2", d -> {
            Path g = d.resolve("golden-cases.json");
            ObjectNode golden = (ObjectNode) TestRepository.JSON.readTree(g.toFile());
            ObjectNode first = (ObjectNode) golden.withArray("cases").get(0).withArray("expected").get(0);
            first.put("probability", first.get("probability").asDouble() - 0.05);
            TestRepository.JSON.writeValue(g.toFile(), golden);
        }));
        assertThatThrownBy(() -> service.updates().importSnapshot(repo.dir))
                .isInstanceOfSatisfying(BundleRefusedException.class, e -> assertThat(e.reason()).contains("golden case"));
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(service.updates().state().history()).last().satisfies(h -> {
            assertThat(h.event()).isEqualTo("refused");
            assertThat(h.bundle()).isEqualTo(ID + "-2.9.2");
        });
    }

    @Test
    void refusesABundleWhoseModelCrashesOnLoad() throws Exception {
        start();
        String before = activeVersion();
        publish("2.9.3", variant("2.9.3", d -> Files.write(d.resolve("model.onnx"), new byte[]{8, 7, 0, 1, 2, 3})));
        assertThatThrownBy(() -> service.updates().importSnapshot(repo.dir))
                .isInstanceOfSatisfying(BundleRefusedException.class,
                        e -> assertThat(e.reason()).contains("naive-bayes-fallback").contains("could not be opened"));
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void refusesAGenuinelySlowModelBeforeItServes() throws Exception {
        // The shipped model answers a golden case in about a millisecond; a budget of 50 ms leaves it a wide
        // margin and keeps the slow model (about a second per case on an idle 2-core box) far above it,
        // whatever the machine's speed.
        goldenBudget = Duration.ofMillis(50);
        start();
        String before = activeVersion();
        // Same answers (the golden cases' probabilities still match), but every diagnosis multiplies
        // 982 x 982 matrices: far beyond the budget of one case.
        publish("2.9.7", variant("2.9.7", d -> SlowOnnx.slowDown(d.resolve("model.onnx"), "features", SLOW_ROUNDS)));
        assertThatThrownBy(() -> service.updates().importSnapshot(repo.dir))
                .isInstanceOfSatisfying(BundleRefusedException.class,
                        e -> assertThat(e.reason()).contains("over the latency budget of 50 ms"));
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(service.updates().state().activeBundle()).isEmpty();
        assertThat(service.updates().state().history()).last().satisfies(h -> {
            assertThat(h.event()).isEqualTo("refused");
            assertThat(h.bundle()).isEqualTo(ID + "-2.9.7");
        });
        assertThat(versionsSeen).containsOnlyKeys(before);
    }

    @Test
    void refusesABundleSwappedOnTheServerAndKeepsServingTheOldOne() throws Exception {
        start();
        String before = activeVersion();
        publish("2.9.4", variant("2.9.4", d -> { }));
        // The served zip is replaced by another bundle's bytes under the signed name (same length).
        Path served;
        try (Stream<Path> s = Files.walk(repo.targetsDir)) {
            served = s.filter(f -> f.getFileName().toString().endsWith(ID + "-2.9.4.zip")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 1;
        Files.write(served, bytes);
        assertThatThrownBy(() -> service.updates().importSnapshot(repo.dir))
                .isInstanceOfSatisfying(BundleRefusedException.class, e -> assertThat(e.reason()).contains("sha256"));
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void refusesAnExpiredRepositoryAndKeepsServingTheOldOne() throws Exception {
        start();
        String before = activeVersion();
        repo.expiries.put("timestamp", Instant.now().minusSeconds(60));
        publish("2.9.5", variant("2.9.5", d -> { }));
        assertThatThrownBy(() -> service.updates().importSnapshot(repo.dir)).isInstanceOf(RepositoryRefusedException.class)
                .hasMessageContaining("expired");
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void rollsBackABundleThatFailsTheHealthGate() throws Exception {
        maxP95 = Duration.ofNanos(1);   // no real model is that fast: the gate must fail on latency
        start();
        String before = activeVersion();
        publish("2.9.6", variant("2.9.6", d -> { }));
        service.updates().importSnapshot(repo.dir);
        service.follow(true);
        assertThat(activeVersion()).isEqualTo("2.9.6");
        waitFor(() -> history().stream().anyMatch(h -> h.event().equals("rolled-back")));
        waitFor(() -> activeVersion().equals(before));
        assertThat(service.updates().state().activeBundle()).isEmpty();
        assertThat(service.updates().state().history()).last().satisfies(h -> {
            assertThat(h.event()).isEqualTo("rolled-back");
            assertThat(h.bundle()).isEqualTo(ID + "-2.9.6");
            assertThat(h.detail()).contains("p95 latency");
        });
        assertThat(versionsSeen).containsKeys("2.9.6", shippedVersion());
    }

    // ---- plumbing ----

    List<HistoryEntry> history() {
        try {
            return service.updates().state().history();
        } catch (com.mediassist.sync.ota.OtaException e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 120 s");
            }
            Thread.sleep(20);
        }
    }

    DiagnosisConfig diagnosisConfig() {
        return new DiagnosisConfig() {
            public Duration onnxTimeout() {
                return Duration.ofSeconds(10);   // generous on a shared CI machine: the fallback must not answer by chance
            }

            public int onnxThreads() {
                return 2;
            }

            public int queueCapacity() {
                return 16;
            }

            public int topCandidates() {
                return 5;
            }

            public double redFlagThreshold() {
                return 0.05;
            }

            public int nextQuestions() {
                return 5;
            }

            public int explanationSize() {
                return 4;
            }
        };
    }

    OtaConfig otaConfig() {
        return TestOtaConfig.with(maxP95, goldenBudget);
    }
}

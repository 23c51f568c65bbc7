package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.DiagnosisFixtures;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.ota.OtaState;
import com.mediassist.sync.tuf.TestRepository;
import com.mediassist.sync.tuf.UrlFetcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Power loss during an update, for real: the packaged installer runs {@code bundles import} in a child JVM
 * and is killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) at each step of staging and
 * activation (stopped there by the crash-test pause property), or at a random moment. Afterwards the data
 * directory names either the old (shipped) or the new bundle as active — never none, never a damaged one —
 * an engine opened the way the appliance starts serves from it, and the next run of the installer completes
 * the update.
 */
class BundlesKillIT {

    static final String NEW = "2.9.8";

    @TempDir
    Path tmp;
    Path shipped;
    TestRepository repo;

    @BeforeEach
    void repositoryWithANewerBundle() throws Exception {
        shipped = Path.of(System.getProperty("diagnosis.bundle"));
        repo = new TestRepository(tmp.resolve("repo"), Instant.now(), 9L);
        repo.publish();
        DiagnosisFixtures.publish(repo, NEW, DiagnosisFixtures.variant(shipped, tmp.resolve("new"), NEW, d -> { }));
    }

    BundleUpdates box(Path data) {
        return new BundleUpdates(new OtaOptions(Optional.empty(), DiagnosisFixtures.ID, "0", "0.1.0", 3,
                DiagnosisOptions.defaults()), new BundleStore(data), UrlFetcher.defaults(), Clock.systemUTC());
    }

    Path trustedDataDir(String name) throws Exception {
        Path data = Files.createDirectories(tmp.resolve(name));
        box(data).trust(repo.metadata.resolve("1.root.json"));
        return data;
    }

    Process importInChild(Path data, String pauseAt) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (pauseAt != null) {
            command.add("-D" + BundlesCommand.PAUSE_AT_PROPERTY + "=" + pauseAt);
        }
        command.addAll(List.of("-jar", System.getProperty("installer.jar"), "bundles", "import", "--data-dir", data.toString(),
                repo.dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr(data).toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        return pb.start();
    }

    Path stderr(Path data) {
        return tmp.resolve(data.getFileName() + ".stderr.txt");
    }

    /** Reads the child's output until it says it paused at {@code step}. */
    void awaitPause(Process p, Path data, String step) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("PAUSED " + step)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(paused.get(180, TimeUnit.SECONDS)).as(() -> {
            try {
                return "the installer paused at " + step + "; its stderr: " + Files.readString(stderr(data));
            } catch (IOException e) {
                return "the installer paused at " + step;
            }
        }).isTrue();
    }

    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);   // 128 + SIGKILL
    }

    /** Whatever the kill left: the old or the new bundle, verified, serving with its model. */
    String servingAfterTheKill(Path data) throws Exception {
        BundleUpdates box = box(data);
        OtaState state = box.state();   // state.json parses
        assertThat(state.activeBundle().map(b -> b.version()).orElse("shipped")).isIn("shipped", NEW);
        if (state.active() != null) {   // an active update kept the signed metadata it was verified with (check)
            assertThat(box.recheck(state.active()).signature().target().path()).endsWith(NEW + ".zip");
        }
        Optional<VerifiedBundle> runnable = box.runnable();   // what the appliance runs at its next start
        VerifiedBundle vb = runnable.isPresent() ? runnable.get() : new BundleLoader("0.1.0").load(shipped);
        try (DiagnosisEngine engine = DiagnosisEngine.open(vb, DiagnosisOptions.defaults()
                .withOnnxTimeout(java.time.Duration.ofSeconds(10)))) {
            Knowledge k = engine.knowledge();
            DiagnosisResult r = engine.diagnose(k.findings(45, "M", List.of("E_53", "E_66"), List.of()), Language.ES);
            assertThat(r.fallback()).as(r.fallbackReason()).isFalse();
            assertThat(r.differential()).isNotEmpty();
        }
        return runnable.map(v -> v.manifest().version()).orElse("shipped");
    }

    /** The next run of the installer finishes the update (staging left-overs are wiped). */
    void nextRunCompletes(Path data) throws Exception {
        Process again = importInChild(data, null);
        assertThat(again.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(() -> {
            try {
                return Files.readString(stderr(data));
            } catch (IOException e) {
                return "";
            }
        }).isZero();
        assertThat(box(data).state().active().version()).isEqualTo(NEW);
        assertThat(servingAfterTheKill(data)).isEqualTo(NEW);
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"downloaded", "unpacked", "verified", "kept", "staged", "activating", "activated"})
    void aKillAtAnyStepLeavesTheOldOrTheNewBundleActiveAndServing(String step) throws Exception {
        Path data = trustedDataDir("data-" + step);
        Process p = importInChild(data, step);
        awaitPause(p, data, step);
        kill(p);
        String serving = servingAfterTheKill(data);
        assertThat(serving).isEqualTo(step.equals("activated") ? NEW : "shipped");
        nextRunCompletes(data);
    }

    @Test
    void killsAtRandomMomentsLeaveTheOldOrTheNewBundleActiveAndServing() throws Exception {
        Random random = new Random(13);
        for (int i = 0; i < 3; i++) {
            Path data = trustedDataDir("data-random-" + i);
            Process p = importInChild(data, null);
            Thread.sleep(500 + random.nextInt(4000));
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            servingAfterTheKill(data);
            nextRunCompletes(data);
        }
    }
}

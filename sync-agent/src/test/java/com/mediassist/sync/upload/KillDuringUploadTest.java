package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.sync.upload.FleetReceiver.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillDuringUploadTest {

    @TempDir
    Path dir;

    @Test
    void deliversEveryEventExactlyOnceDownstreamAfterAKillMinusNineMidUpload() throws Exception {
        Instant runAt;
        String clinicKey;
        try (SyncFixture fx = new SyncFixture(dir)) {
            for (int i = 0; i < 12; i++) {
                fx.latency(i);
            }
            fx.clock.advance(Duration.ofHours(73));
            runAt = fx.clock.instant();
            clinicKey = fx.key.publicKeyBase64();
        }
        try (FleetReceiver vendor = new FleetReceiver()) {
            vendor.register(clinicKey);
            vendor.mode(Mode.STORE_THEN_HANG);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dslf4j.internal.verbosity=ERROR", RunOnceMain.class.getName(), dir.toString(), vendor.url().toString(),
                    runAt.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (vendor.stored().isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(vendor.stored()).as("the vendor stored the first batch; the box never heard back").hasSize(1);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            vendor.mode(Mode.OK);
            try (SyncFixture fx = new SyncFixture(dir)) {
                fx.clock.advance(Duration.between(fx.clock.instant(), runAt).plusMinutes(5));
                SyncAgent agent = fx.agent(fx.options(vendor.url()).withMaxEventsPerBatch(5));
                assertThat(agent.status().inFlight()).as("the batch survived the kill").isEqualTo(5);
                RunResult r = agent.runOnce(false);
                assertThat(r.complete()).isTrue();
                assertThat(agent.status().sent()).isEqualTo(12);
                assertThat(agent.status().inFlight()).isZero();
            }
            List<Long> markers = new ArrayList<>();
            for (Map<String, Object> e : vendor.events()) {
                markers.add((Long) e.get("p50Ms"));
            }
            assertThat(markers).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
            assertThat(vendor.stored()).hasSize(3);
            assertThat(vendor.received()).as("the first batch was sent twice, the same bytes").hasSize(4);
        }
    }
}

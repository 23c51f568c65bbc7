package com.mediassist.sync.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.sync.upload.FleetReceiver.Mode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncAgentTest {

    @TempDir
    Path dir;

    private SyncFixture fx;
    private FleetReceiver vendor;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SyncFixture(dir);
        vendor = new FleetReceiver();
        vendor.register(fx.key.publicKeyBase64());
    }

    @AfterEach
    void tearDown() {
        vendor.close();
        fx.close();
    }

    private void fiveSimilarConsultations() {
        for (int i = 0; i < 5; i++) {
            fx.signOff(LocalDate.of(1980, 3, 1), Sex.FEMALE, "pneumonia");
        }
    }

    @Test
    void keepsTheClinicKeyOwnerOnlyAndNeverReplacesIt() throws Exception {
        assertThat(Files.getPosixFilePermissions(com.mediassist.sync.upload.crypto.ClinicKey.privateFile(dir)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(java.util.Base64.getDecoder().decode(fx.key.publicKeyBase64())).hasSize(32);
        assertThatThrownBy(() -> com.mediassist.sync.upload.crypto.ClinicKey.create(dir, SyncFixture.seeded(1)))
                .isInstanceOf(ClinicKeyException.class).hasMessageContaining("never replaced");
    }

    @Test
    void sendsNothingBeforeTheDelayThenEverythingOnceWithAValidSignature() {
        fiveSimilarConsultations();
        SyncAgent agent = fx.agent(fx.options(vendor.url()));
        assertThat(agent.runOnce(false).eventsSent()).isZero();
        assertThat(agent.status().waitingForDelay()).isEqualTo(5);
        assertThat(vendor.received()).isEmpty();

        fx.clock.advance(Duration.ofHours(72));
        RunResult r = agent.runOnce(false);
        assertThat(r.complete()).isTrue();
        assertThat(r.eventsSent()).isEqualTo(5);
        assertThat(vendor.answers()).containsExactly(200);
        assertThat(vendor.events()).hasSize(5).allSatisfy(e -> {
            assertThat(e.get("finalDiagnosis")).isEqualTo("pneumonia");
            assertThat(e.get("ageBand")).isEqualTo("45-49");
            assertThat(e.get("week")).isEqualTo("2026-W48");
        });
        Map<String, Object> payload = vendor.stored().values().iterator().next();
        assertThat(payload.get("auditHead")).isEqualTo(fx.db.audit().verify().headHash());

        assertThat(agent.runOnce(false).eventsSent()).as("nothing twice").isZero();
        SyncStatus s = agent.status();
        assertThat(s.sent()).isEqualTo(5);
        assertThat(s.eligible()).isZero();
        assertThat(s.lastBatch()).hasValueSatisfying(b -> assertThat(b).contains("\"pneumonia\"").doesNotContain("signature"));
    }

    @Test
    void keepsEventsAndShowsTheErrorWhenTheVendorAnswers5xxThenResendsTheSameBatch() {
        fiveSimilarConsultations();
        fx.clock.advance(Duration.ofHours(73));
        vendor.mode(Mode.FAIL_5XX);
        SyncAgent agent = fx.agent(fx.options(vendor.url()));
        RunResult r = agent.runOnce(false);
        assertThat(r.complete()).isFalse();
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).contains("503").contains("unavailable"));
        SyncStatus s = agent.status();
        assertThat(s.inFlight()).isEqualTo(5);
        assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 503"));
        assertThat(s.nextAttemptAt()).hasValueSatisfying(t -> assertThat(t).isAfter(fx.clock.instant()));
        java.util.List<String> rows = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT attempts || ' ' || last_error FROM outbox")
                .mapTo(String.class).list());
        assertThat(rows).hasSize(5).allSatisfy(a -> assertThat(a).startsWith("1 HTTP 503"));
        assertThat(agent.runOnce(true).failure()).as("back-off respected by the scheduler")
                .hasValueSatisfying(f -> assertThat(f).startsWith("waiting to retry"));

        vendor.mode(Mode.OK);
        assertThat(agent.runOnce(false).complete()).isTrue();
        assertThat(vendor.received()).hasSize(2);
        assertThat(new String(vendor.received().get(0), java.nio.charset.StandardCharsets.UTF_8))
                .as("the very same bytes").isEqualTo(new String(vendor.received().get(1), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(vendor.events()).hasSize(5);
        assertThat(agent.status().lastError()).isEmpty();
    }

    @Test
    void keepsEventsWhenTheVendorTimesOut() {
        fiveSimilarConsultations();
        fx.clock.advance(Duration.ofHours(73));
        vendor.mode(Mode.SLOW);
        SyncAgent agent = fx.agent(fx.options(vendor.url()).withRequestTimeout(Duration.ofSeconds(1)));
        RunResult r = agent.runOnce(false);
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("timeout"));
        assertThat(agent.status().inFlight()).isEqualTo(5);
        assertThat(agent.status().lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("timeout"));
    }

    @Test
    void keepsEventsWhenTlsFails() throws Exception {
        fiveSimilarConsultations();
        fx.clock.advance(Duration.ofHours(73));
        // A real TLS server on loopback whose certificate the box does not trust (self-signed, made by
        // keytool): the handshake fails deterministically, as it would behind an intercepting proxy.
        Path store = dir.resolve("untrusted.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "vendor", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "store-secret").redirectErrorStream(true).start();
        String keytoolOutput = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(keytoolOutput).isZero();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "store-secret".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "store-secret".toCharArray());
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        RunResult r;
        try {
            URI https = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
            SyncAgent agent = fx.agent(fx.options(https).withRequestTimeout(Duration.ofSeconds(10)));
            r = agent.runOnce(false);
        } finally {
            server.stop(0);
        }
        SyncAgent agent = fx.agent(fx.options(vendor.url()));
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).containsIgnoringCase("TLS"));
        assertThat(agent.status().inFlight()).isEqualTo(5);
        assertThat(agent.status().lastError()).hasValueSatisfying(e -> assertThat(e).containsIgnoringCase("TLS"));
    }

    @Test
    void keepsEventsAndNamesTheBadSignatureWhenTheVendorRefusesIt() {
        fiveSimilarConsultations();
        fx.clock.advance(Duration.ofHours(73));
        vendor.mode(Mode.REFUSE_SIGNATURE);
        SyncAgent agent = fx.agent(fx.options(vendor.url()));
        RunResult r = agent.runOnce(false);
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).contains("HTTP 401 bad-signature"));
        assertThat(agent.status().inFlight()).isEqualTo(5);
        assertThat(agent.status().lastError()).hasValueSatisfying(e -> assertThat(e).contains("bad-signature"));
        vendor.mode(Mode.OK);
        assertThat(agent.runOnce(false).complete()).isTrue();
        assertThat(vendor.events()).hasSize(5);
    }

    @Test
    void keepsEventsWhenTheClinicIsNotRegistered() throws Exception {
        fiveSimilarConsultations();
        fx.clock.advance(Duration.ofHours(73));
        try (FleetReceiver stranger = new FleetReceiver()) {
            SyncAgent agent = fx.agent(fx.options(stranger.url()));
            assertThat(agent.runOnce(false).failure()).hasValueSatisfying(f -> assertThat(f).contains("403 unknown-clinic"));
            assertThat(agent.status().inFlight()).isEqualTo(5);
        }
    }

    @Test
    void dropsNonClinicalEventsFirstWhenOverTheDiskBudgetAndNeverClinicalOnes() {
        fiveSimilarConsultations();
        for (int i = 0; i < 50; i++) {
            fx.latency(i);
        }
        SyncAgent agent = fx.agent(fx.options(vendor.url()).withQueueBudgetBytes(1));
        agent.runOnce(false);
        SyncStatus s = agent.status();
        assertThat(s.dropped()).isEqualTo(50);
        assertThat(s.waitingForDelay()).as("clinical events are kept even over budget").isEqualTo(5);
    }

    @Test
    void refusesPlainHttpToAnythingButLoopback() {
        assertThatThrownBy(() -> VendorUrls.parse("http://fleet.example.com")).isInstanceOf(VendorUrlException.class)
                .hasMessageContaining("https://");
        assertThat(VendorUrls.parse("https://fleet.example.com")).hasHost("fleet.example.com");
    }
}

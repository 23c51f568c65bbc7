package com.mediassist.sync.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.sync.tuf.Signed.TargetFile;
import com.mediassist.sync.tuf.TufException.DownloadTooLargeException;
import com.mediassist.sync.tuf.TufException.ExpiredMetadataException;
import com.mediassist.sync.tuf.TufException.LengthOrHashMismatchException;
import com.mediassist.sync.tuf.TufException.RollbackVersionException;
import com.mediassist.sync.tuf.TufException.SignatureThresholdException;
import com.mediassist.sync.tuf.TufException.TargetNotFoundException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per attack class of the TUF specification against a repository the test signs itself: each
 * attack is refused with its specific exception and the client's trusted metadata stays as it was.
 */
class UpdaterAttackTest {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final String TARGET = "bundles/ddxplus-diagnosis-2.1.0.zip";

    @TempDir
    Path tmp;
    TestRepository repo;
    Path client;

    @BeforeEach
    void publishVersionOneAndTrustIt() throws Exception {
        repo = new TestRepository(tmp.resolve("repo"), NOW, 20261128L);
        ObjectNode custom = TestRepository.JSON.createObjectNode().put("bundleId", "ddxplus-diagnosis").put("version", "2.1.0");
        repo.addTarget(TARGET, TestRepository.utf8("the real bundle"), custom);
        repo.publish();
        client = Files.createDirectories(tmp.resolve("client"));
        Files.copy(repo.metadata.resolve("1.root.json"), client.resolve("root.json"));
        updater(NOW).refresh();
    }

    Updater updater(Instant at) throws TufException {
        return new Updater(client, repo.metadataUrl(), UrlFetcher.defaults(), UpdaterOptions.defaults(),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    byte[] trusted(String role) throws IOException {
        return Files.readAllBytes(client.resolve(role + ".json"));
    }

    @Test
    void downloadsAndVerifiesATargetListedBySignedMetadata() throws Exception {
        Updater u = updater(NOW);
        TargetFile t = u.targetInfo(TARGET);
        Path file = u.download(t, tmp.resolve("out.zip"), repo.targetsUrl());
        assertThat(Files.readString(file)).isEqualTo("the real bundle");
        assertThat(t.custom().orElseThrow().get("version").asText()).isEqualTo("2.1.0");
        assertThat(trusted("timestamp")).isEqualTo(Files.readAllBytes(repo.metadata.resolve("timestamp.json")));
    }

    @Test
    void refusesTimestampSignedByAnUnknownKey() throws Exception {
        byte[] before = trusted("timestamp");
        repo.signers.put("timestamp", List.of(repo.newKey()));
        repo.bumpAndPublish();
        assertThatThrownBy(() -> updater(NOW).refresh())
                .isInstanceOfSatisfying(SignatureThresholdException.class, e -> {
                    assertThat(e.role()).isEqualTo("timestamp");
                    assertThat(e.required()).isEqualTo(1);
                    assertThat(e.verified()).isZero();
                });
        assertThat(trusted("timestamp")).isEqualTo(before);
    }

    @Test
    void refusesSnapshotSignedByFewerKeysThanTheThreshold() throws Exception {
        TestRepository.Key second = repo.newKey();
        repo.roleKeys.get("snapshot").add(second);
        repo.thresholds.put("snapshot", 2);
        repo.versions.put("root", 2L);
        repo.publish();
        repo.bumpAndPublish();
        byte[] before = trusted("snapshot");
        assertThatThrownBy(() -> updater(NOW).refresh())
                .isInstanceOfSatisfying(SignatureThresholdException.class, e -> {
                    assertThat(e.role()).isEqualTo("snapshot");
                    assertThat(e.required()).isEqualTo(2);
                    assertThat(e.verified()).isEqualTo(1);
                });
        assertThat(trusted("snapshot")).isEqualTo(before);
        assertThat(updater(NOW).root().version()).isEqualTo(2);
    }

    @Test
    void refusesAnExpiredTimestampAndAFrozenRepository() throws Exception {
        repo.expiries.put("timestamp", NOW.plus(1, ChronoUnit.HOURS));
        repo.bumpAndPublish();
        updater(NOW).refresh();
        // The repository keeps serving the same timestamp after it expired: a freeze.
        Instant later = NOW.plus(2, ChronoUnit.HOURS);
        assertThatThrownBy(() -> updater(later).refresh())
                .isInstanceOfSatisfying(ExpiredMetadataException.class, e -> {
                    assertThat(e.role()).isEqualTo("timestamp");
                    assertThat(e.now()).isEqualTo(later);
                });
        assertThatThrownBy(() -> updater(later).targetInfo(TARGET)).isInstanceOf(ExpiredMetadataException.class);
    }

    @Test
    void refusesAnOlderSnapshotVersion() throws Exception {
        repo.bumpAndPublish();
        updater(NOW).refresh();
        byte[] before = trusted("timestamp");
        // The attacker replays a newer timestamp that names an older snapshot.
        repo.versions.put("timestamp", 3L);
        repo.versions.put("snapshot", 1L);
        repo.versions.put("targets", 1L);
        repo.publishTopLevel();
        assertThatThrownBy(() -> updater(NOW).refresh())
                .isInstanceOfSatisfying(RollbackVersionException.class, e -> {
                    assertThat(e.trusted()).isEqualTo(2);
                    assertThat(e.found()).isEqualTo(1);
                });
        assertThat(trusted("timestamp")).isEqualTo(before);
    }

    @Test
    void refusesAnOlderTimestampVersion() throws Exception {
        byte[] v1 = Files.readAllBytes(repo.metadata.resolve("timestamp.json"));
        repo.bumpAndPublish();
        updater(NOW).refresh();
        Files.write(repo.metadata.resolve("timestamp.json"), v1);
        assertThatThrownBy(() -> updater(NOW).refresh())
                .isInstanceOfSatisfying(RollbackVersionException.class, e -> assertThat(e.role()).isEqualTo("timestamp"));
    }

    @Test
    void refusesMixedMetadataVersions() throws Exception {
        byte[] oldTargets = Files.readAllBytes(repo.metadata.resolve("1.targets.json"));
        ObjectNode custom = TestRepository.JSON.createObjectNode().put("bundleId", "ddxplus-diagnosis")
                .put("version", "2.1.0").put("note", "rebuilt with more cases");
        repo.addTarget(TARGET, TestRepository.utf8("a newer bundle"), custom);
        repo.bumpAndPublish();
        // Mix and match: the snapshot names targets v2, the server gives targets v1 under that name.
        Files.write(repo.metadata.resolve("2.targets.json"), oldTargets);
        assertThatThrownBy(() -> updater(NOW).refresh())
                .isInstanceOfSatisfying(LengthOrHashMismatchException.class,
                        e -> assertThat(e.what()).isEqualTo("targets.json"));
        assertThat(trusted("targets")).isEqualTo(oldTargets);
    }

    @Test
    void refusesATargetSwappedUnderItsValidName() throws Exception {
        Updater u = updater(NOW);
        TargetFile t = u.targetInfo(TARGET);
        Path served = repo.targetsDir.resolve(TestRepository.consistentName(TARGET, t.hashes().get("sha256")));
        Files.writeString(served, "a forged bundle");   // same length, other bytes
        Path out = tmp.resolve("out.zip");
        assertThatThrownBy(() -> u.download(t, out, repo.targetsUrl()))
                .isInstanceOfSatisfying(LengthOrHashMismatchException.class, e -> {
                    assertThat(e.expected()).contains(t.hashes().get("sha256"));
                    assertThat(e.found()).contains(TestRepository.sha256(TestRepository.utf8("a forged bundle")));
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesATargetNoTrustedRoleLists() throws Exception {
        assertThatThrownBy(() -> updater(NOW).targetInfo("bundles/evil-9.9.9.zip"))
                .isInstanceOfSatisfying(TargetNotFoundException.class,
                        e -> assertThat(e.target()).isEqualTo("bundles/evil-9.9.9.zip"));
    }

    @Test
    void refusesAnOversizedTargetServedEndlesslyOverHttp() throws Exception {
        TargetFile t = updater(NOW).targetInfo(TARGET);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/targets/", exchange -> {
            exchange.sendResponseHeaders(200, 0);   // chunked, no length: endless data
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the client stops reading at the limit
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/targets/";
            assertThatThrownBy(() -> updater(NOW).download(t, tmp.resolve("out.zip"), base))
                    .isInstanceOfSatisfying(DownloadTooLargeException.class,
                            e -> assertThat(e.limit()).isEqualTo(t.length()));
        } finally {
            server.stop(0);
        }
        assertThat(tmp.resolve("out.zip")).doesNotExist();
    }

    @Test
    void followsARotatedRootAndRefusesOneSignedOnlyByTheRevokedKey() throws Exception {
        TestRepository.Key oldRoot = repo.roleKeys.get("root").get(0);
        TestRepository.Key newRoot = repo.newKey();
        repo.roleKeys.put("root", new java.util.ArrayList<>(List.of(newRoot)));
        repo.signers.put("root", List.of(newRoot));
        repo.extraRootSigners.add(oldRoot);   // v2 is signed by the old and the new root key
        repo.versions.put("root", 2L);
        repo.publish();
        updater(NOW).refresh();
        assertThat(updater(NOW).root().version()).isEqualTo(2);

        // v3 signed only by the revoked key: refused, root stays at v2.
        repo.extraRootSigners.clear();
        repo.signers.put("root", List.of(oldRoot));
        repo.versions.put("root", 3L);
        repo.publish();
        assertThatThrownBy(() -> updater(NOW).refresh())
                .isInstanceOfSatisfying(SignatureThresholdException.class, e -> assertThat(e.role()).isEqualTo("root"));
        assertThat(updater(NOW).root().version()).isEqualTo(2);
    }

    @Test
    void recoversFromAFastForwardAttackOnceTheTimestampKeyIsRotated() throws Exception {
        // The attacker holds the timestamp key and pushes version 1000.
        repo.versions.put("timestamp", 1000L);
        repo.publishTopLevel();
        updater(NOW).refresh();
        // The vendor rotates the timestamp key in root v2 and starts over at timestamp version 1.
        TestRepository.Key fresh = repo.newKey();
        repo.roleKeys.put("timestamp", new java.util.ArrayList<>(List.of(fresh)));
        repo.signers.put("timestamp", List.of(fresh));
        repo.versions.put("root", 2L);
        repo.versions.put("timestamp", 1L);
        repo.publish();
        repo.bumpAndPublish();   // timestamp 2, snapshot 2, targets 2
        updater(NOW).refresh();
        assertThat(new String(trusted("timestamp"), java.nio.charset.StandardCharsets.UTF_8)).contains("\"version\" : 2");
        assertThat(updater(NOW).targetInfo(TARGET).length()).isEqualTo("the real bundle".length());
    }
}

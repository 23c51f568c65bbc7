package com.mediassist.models.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.models.ModelsCli;
import com.mediassist.models.crypto.Ed25519;
import com.mediassist.models.json.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update repository as a TUF 1.0 client checks it: every role signed by the key root names (hex
 * Ed25519 over the canonical JSON of {@code signed}), key ids, versions, expiry from the injected
 * clock, snapshot and timestamp hashes and lengths, consistent-snapshot target paths and {@code custom}.
 */
class TufRepositoryTest {

    static final Path DATA = Path.of("src/main/data/ddxplus");
    static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path bundle;
    static Path bundle2;

    @TempDir
    Path vendor;

    @BeforeAll
    static void bundles() throws Exception {
        bundle = shared.resolve("b");
        bundle2 = shared.resolve("b2");
        Path few = shared.resolve("few.csv");
        Files.write(few, Files.readAllLines(DATA.resolve("patients-dev.csv")).subList(0, 200));
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", few.toString(), "--out", bundle.toString(),
                "--bundle-version", "2.1.0")).isZero();
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", few.toString(), "--out", bundle2.toString(),
                "--bundle-version", "2.2.0")).isZero();
    }

    TufRepository repo() {
        return new TufRepository(vendor, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    JsonNode meta(String name) throws Exception {
        return JSON.readTree(vendor.resolve("repository/metadata").resolve(name).toFile());
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Checks the signature of a role's metadata with the key root.json names for it. */
    static void verify(JsonNode root, JsonNode md, String role) throws Exception {
        JsonNode r = root.at("/signed/roles/" + role);
        String keyId = r.get("keyids").get(0).asText();
        JsonNode key = root.at("/signed/keys/" + keyId);
        assertThat(key.get("keytype").asText()).isEqualTo("ed25519");
        assertThat(key.get("scheme").asText()).isEqualTo("ed25519");
        assertThat(sha256(CanonicalJson.bytes(key, "k"))).isEqualTo(keyId);
        JsonNode sig = md.get("signatures").get(0);
        assertThat(sig.get("keyid").asText()).isEqualTo(keyId);
        assertThat(Ed25519.verifies(Ed25519.publicKey(HexFormat.of().parseHex(key.at("/keyval/public").asText())),
                CanonicalJson.bytes(md.get("signed"), "signed"), HexFormat.of().parseHex(sig.get("sig").asText())))
                .as(role + " signature").isTrue();
        assertThat(md.at("/signed/_type").asText()).isEqualTo(role);
        assertThat(md.at("/signed/spec_version").asText()).startsWith("1.0.");
    }

    @Test
    void keysInitPutsTheRootKeyApartAndSignsTheFirstMetadata() throws Exception {
        Path rootDir = vendor.resolve("usb-stick");
        JsonNode root = repo().initKeys(rootDir);
        assertThat(rootDir.resolve("root.key.json")).exists();
        assertThat(vendor.resolve("keys/online/root.key.json")).doesNotExist();
        assertThat(Files.readAllBytes(vendor.resolve("repository/metadata/root.json")))
                .isEqualTo(Files.readAllBytes(vendor.resolve("repository/metadata/1.root.json")));
        assertThat(root.at("/signed/consistent_snapshot").asBoolean()).isTrue();
        assertThat(root.at("/signed/expires").asText()).isEqualTo("2027-11-28T07:00:00Z");
        for (String role : TufRepository.ROLES) {
            assertThat(root.at("/signed/roles/" + role + "/threshold").asInt()).isEqualTo(1);
        }
        verify(root, root, "root");
        verify(root, meta("timestamp.json"), "timestamp");
        assertThatThrownBy(() -> repo().initKeys(rootDir)).isInstanceOf(TufException.KeysException.class);
    }

    @Test
    void publishSignsTargetsSnapshotAndTimestampThatChainByHash() throws Exception {
        JsonNode root = repo().initKeys(TufRepository.defaultRootKeyDir(vendor));
        TufRepository.Published p = repo().publish(bundle, ModelsCli.MIN_APPLIANCE_VERSION, "test fixture, no gate run");
        assertThat(p.target()).isEqualTo("bundles/ddxplus-diagnosis-2.1.0.zip");
        assertThat(p.targetsVersion()).isEqualTo(2);

        JsonNode ts = meta("timestamp.json");
        verify(root, ts, "timestamp");
        assertThat(ts.at("/signed/version").asInt()).isEqualTo(2);
        assertThat(ts.at("/signed/expires").asText()).isEqualTo("2026-11-29T07:00:00Z");
        JsonNode snapRef = ts.at("/signed/meta/snapshot.json");
        byte[] snapBytes = Files.readAllBytes(vendor.resolve("repository/metadata/" + snapRef.get("version").asInt() + ".snapshot.json"));
        assertThat(snapRef.get("length").asLong()).isEqualTo(snapBytes.length);
        assertThat(snapRef.at("/hashes/sha256").asText()).isEqualTo(sha256(snapBytes));

        JsonNode snap = JSON.readTree(snapBytes);
        verify(root, snap, "snapshot");
        assertThat(snap.at("/signed/expires").asText()).isEqualTo("2026-12-05T07:00:00Z");
        JsonNode tRef = snap.at("/signed/meta/targets.json");
        byte[] tBytes = Files.readAllBytes(vendor.resolve("repository/metadata/" + tRef.get("version").asInt() + ".targets.json"));
        assertThat(tRef.at("/hashes/sha256").asText()).isEqualTo(sha256(tBytes));
        assertThat(tRef.get("length").asLong()).isEqualTo(tBytes.length);

        JsonNode targets = JSON.readTree(tBytes);
        verify(root, targets, "targets");
        assertThat(targets.at("/signed/expires").asText()).isEqualTo("2027-02-26T07:00:00Z");
        JsonNode t = targets.at("/signed/targets").get("bundles/ddxplus-diagnosis-2.1.0.zip");
        ObjectNode custom = (ObjectNode) t.get("custom");
        assertThat(custom.get("bundleId").asText()).isEqualTo("ddxplus-diagnosis");
        assertThat(custom.get("version").asText()).isEqualTo("2.1.0");
        assertThat(custom.get("kind").asText()).isEqualTo("diagnosis");
        assertThat(custom.get("minApplianceVersion").asText()).isEqualTo("0.1.0");
        assertThat(custom.get("encoding").asText()).isEqualTo("ternary-v2");
        String hash = t.at("/hashes/sha256").asText();
        byte[] zip = Files.readAllBytes(vendor.resolve("repository/targets/bundles/" + hash + ".ddxplus-diagnosis-2.1.0.zip"));
        assertThat(sha256(zip)).isEqualTo(hash);
        assertThat((long) zip.length).isEqualTo(t.get("length").asLong());
        assertThat(vendor.resolve("repository/targets/" + hash + ".bundles")).doesNotExist();
        try (var z = new java.util.zip.ZipFile(vendor.resolve("repository/targets/bundles/" + hash + ".ddxplus-diagnosis-2.1.0.zip").toFile())) {
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName).toList())
                    .containsExactly("frequencies.json", "golden-cases.json", "knowledge.json", "manifest.json", "model.onnx");
        }
    }

    @Test
    void aSecondPublishKeepsEarlierTargetsAndRaisesEveryVersion() throws Exception {
        repo().initKeys(TufRepository.defaultRootKeyDir(vendor));
        repo().publish(bundle, ModelsCli.MIN_APPLIANCE_VERSION, "fixture");
        repo().publish(bundle2, ModelsCli.MIN_APPLIANCE_VERSION, "fixture");
        JsonNode targets = meta("3.targets.json");
        assertThat(targets.at("/signed/targets").size()).isEqualTo(2);
        assertThat(meta("3.snapshot.json").at("/signed/meta/targets.json/version").asInt()).isEqualTo(3);
        assertThat(meta("timestamp.json").at("/signed/version").asInt()).isEqualTo(3);
        assertThat(meta("2.targets.json").at("/signed/version").asInt()).isEqualTo(2);
        assertThat(repo().latestVersion("ddxplus-diagnosis")).hasValue("2.2.0");
    }

    @Test
    void refreshRenewsSnapshotAndTimestampWithoutTouchingTargets() throws Exception {
        JsonNode root = repo().initKeys(TufRepository.defaultRootKeyDir(vendor));
        repo().publish(bundle, ModelsCli.MIN_APPLIANCE_VERSION, "fixture");
        byte[] targets = Files.readAllBytes(vendor.resolve("repository/metadata/2.targets.json"));
        Instant later = NOW.plus(java.time.Duration.ofHours(20));
        assertThat(new TufRepository(vendor, Clock.fixed(later, ZoneOffset.UTC)).refresh()).isEqualTo(3);
        JsonNode ts = meta("timestamp.json");
        verify(root, ts, "timestamp");
        assertThat(ts.at("/signed/expires").asText()).isEqualTo("2026-11-30T03:00:00Z");
        assertThat(ts.at("/signed/meta/snapshot.json/version").asInt()).isEqualTo(3);
        JsonNode snap = meta("3.snapshot.json");
        verify(root, snap, "snapshot");
        assertThat(snap.at("/signed/meta/targets.json/version").asInt()).isEqualTo(2);
        assertThat(snap.at("/signed/meta/targets.json/hashes/sha256").asText()).isEqualTo(sha256(targets));
        assertThat(Files.readAllBytes(vendor.resolve("repository/metadata/2.targets.json"))).isEqualTo(targets);
    }

    @Test
    void refusesToRepublishAVersionWithOtherBytes() throws Exception {
        repo().initKeys(TufRepository.defaultRootKeyDir(vendor));
        repo().publish(bundle, ModelsCli.MIN_APPLIANCE_VERSION, "fixture");
        Path changed = vendor.resolve("changed");
        Files.createDirectories(changed);
        try (var s = Files.list(bundle)) {
            for (Path f : s.toList()) {
                Files.copy(f, changed.resolve(f.getFileName()));
            }
        }
        ObjectNode m = (ObjectNode) JSON.readTree(changed.resolve("manifest.json").toFile());
        m.put("createdAt", "2026-11-28T00:00:00Z");
        JSON.writeValue(changed.resolve("manifest.json").toFile(), m);
        assertThatThrownBy(() -> repo().publish(changed, ModelsCli.MIN_APPLIANCE_VERSION, "fixture"))
                .isInstanceOf(TufException.TargetExistsException.class).hasMessageContaining("2.1.0");
    }

    @Test
    void refusesABundleWithoutAGateReport() throws Exception {
        repo().initKeys(TufRepository.defaultRootKeyDir(vendor));
        assertThatThrownBy(() -> repo().publish(bundle, ModelsCli.MIN_APPLIANCE_VERSION, null))
                .isInstanceOf(TufException.GateNotPassedException.class).hasMessageContaining("no gate.json");
    }
}

package com.mediassist.sync.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.ota.OtaException.UnverifiedBundleException;
import com.mediassist.sync.tuf.CanonicalJson;
import com.mediassist.sync.tuf.TestRepository;
import com.mediassist.sync.tuf.UrlFetcher;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept over-the-air bundle is checked again, offline, against the signed TUF metadata it was installed with
 * (kept in its {@code .tuf/}) and the root trusted now: against a repository the test signs itself, a bundle
 * verifies; a changed, added or removed file, forged targets metadata, targets metadata with fewer signatures
 * than the threshold, a forged root and missing metadata each fail, naming the file.
 */
class BundleSignaturesTest {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final String VERSION = "2099.3.1";

    @TempDir
    Path tmp;

    TestRepository repo;
    KnowledgeUpdates updates;

    /** A box trusting the repository's root v1, with one knowledge bundle installed from it. */
    BundleRef install(long seed, int targetsThreshold) throws Exception {
        repo = new TestRepository(tmp.resolve("repo"), NOW, seed);
        if (targetsThreshold > 1) {
            List<TestRepository.Key> keys = new ArrayList<>(repo.roleKeys.get("targets"));
            while (keys.size() < targetsThreshold) {
                keys.add(repo.newKey());
            }
            repo.roleKeys.put("targets", keys);
            repo.signers.put("targets", List.copyOf(keys));
            repo.thresholds.put("targets", targetsThreshold);
        }
        repo.publish();
        Path data = Files.createDirectories(tmp.resolve("data"));
        updates = new KnowledgeUpdates(new OtaOptions(Optional.empty(), KnowledgeUpdates.BUNDLE_ID,
                KnowledgeManifest.shipped().bundleVersion(), "0.1.0", 3, DiagnosisOptions.defaults()),
                BundleStore.knowledge(data), UrlFetcher.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        updates.trust(repo.metadata.resolve("1.root.json"));
        KnowledgeFixtures.publish(repo, VERSION, KnowledgeFixtures.pack(tmp, VERSION, d -> { }), KnowledgeManifest.FORMAT);
        return updates.importSnapshot(repo.dir).orElseThrow();
    }

    Path kept(BundleRef ref) {
        return updates.store().dirOf(ref);
    }

    Path evidence(BundleRef ref, String file) {
        return kept(ref).resolve(BundleSignatures.DIR).resolve(file);
    }

    @Test
    void aKeptBundleVerifiesAgainstTheSignedMetadataItWasInstalledWith() throws Exception {
        BundleRef ref = install(21L, 1);
        BundleSignatures.Checked c = updates.recheck(ref);
        assertThat(c.signature().rootVersion()).isEqualTo(1);
        assertThat(c.signature().trustedRootVersion()).isEqualTo(1);
        assertThat(c.signature().targetsVersion()).isEqualTo(repo.versions.get("targets"));
        assertThat(c.signature().signatures()).isEqualTo(1);
        assertThat(c.signature().threshold()).isEqualTo(1);
        assertThat(c.signature().target().path()).isEqualTo("bundles/mediassist-knowledge-" + VERSION + ".zip");
        assertThat(c.files()).isEqualTo(KnowledgeManifest.fromDirectory(kept(ref)).files().size() + 1);   // + manifest
        assertThat(updates.store().rootHistory().root(1)).isPresent();
    }

    @Test
    void anInstalledFileChangedAfterInstallationFailsNamingTheFile() throws Exception {
        BundleRef ref = install(22L, 1);
        Path rules = kept(ref).resolve("medication/drug-drug-rules.json");
        Files.writeString(rules, Files.readString(rules).replace("\"major\"", "\"minor\""));
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(rules.toString());
            assertThat(e.problem()).contains("differs from the signed bundle");
            assertThat(e.bundle()).isEqualTo("mediassist-knowledge-" + VERSION);
        });
    }

    @Test
    void aFileAddedToOrRemovedFromAnInstalledBundleFails() throws Exception {
        BundleRef ref = install(23L, 1);
        Path extra = Files.writeString(kept(ref).resolve("medication/extra-rules.json"), "[]");
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class,
                e -> assertThat(e.getMessage()).contains(extra.toString()).contains("is not part of the signed bundle"));
        Files.delete(extra);
        Path conditions = kept(ref).resolve("conditions.json");
        Files.delete(conditions);
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class,
                e -> assertThat(e.getMessage()).contains(conditions.toString()).contains("is missing"));
    }

    @Test
    void aBundleReplacedWholesaleWithItsTargetFailsTheSignedHashes() throws Exception {
        BundleRef ref = install(24L, 1);
        // Someone swaps file and kept zip together: the signed targets metadata still names the old hashes.
        Path conditions = kept(ref).resolve("conditions.json");
        Files.writeString(conditions, Files.readString(conditions) + " ");
        Files.write(evidence(ref, BundleSignatures.TARGET), zipOf(kept(ref)));
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(evidence(ref, BundleSignatures.TARGET).toString());
            assertThat(e.problem()).contains("does not match the trusted metadata");
        });
    }

    @Test
    void targetsMetadataChangedAfterSigningFailsItsSignature() throws Exception {
        BundleRef ref = install(25L, 1);
        Path targets = evidence(ref, "targets.json");
        ObjectNode md = (ObjectNode) TestRepository.JSON.readTree(targets.toFile());
        ((ObjectNode) md.with("signed").with("targets").elements().next()).put("length", 1);
        Files.write(targets, TestRepository.JSON.writeValueAsBytes(md));
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(targets.toString());
            assertThat(e.problem()).contains("targets needs 1 valid signature(s) from its keys, found 0");
        });
    }

    @Test
    void targetsMetadataReSignedByAKeyTheRootDoesNotTrustFails() throws Exception {
        BundleRef ref = install(26L, 1);
        // A forger lists a changed bundle and signs with a key of its own under the real key's id.
        Path conditions = kept(ref).resolve("conditions.json");
        Files.writeString(conditions, Files.readString(conditions) + " ");
        byte[] zip = zipOf(kept(ref));
        Files.write(evidence(ref, BundleSignatures.TARGET), zip);
        Path targets = evidence(ref, "targets.json");
        ObjectNode md = (ObjectNode) TestRepository.JSON.readTree(targets.toFile());
        ObjectNode entry = (ObjectNode) md.with("signed").with("targets").elements().next();
        entry.put("length", zip.length);
        entry.with("hashes").put("sha256", TestRepository.sha256(zip));
        TestRepository.Key forger = repo.newKey();
        ArrayNode sigs = (ArrayNode) md.get("signatures");
        ((ObjectNode) sigs.get(0)).put("sig", HexFormat.of().formatHex(forger.sign(CanonicalJson.encode(md.get("signed")))));
        Files.write(targets, TestRepository.JSON.writeValueAsBytes(md));
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(targets.toString());
            assertThat(e.problem()).contains("found 0");
        });
    }

    @Test
    void targetsMetadataWithFewerSignaturesThanTheThresholdFails() throws Exception {
        BundleRef ref = install(27L, 2);
        assertThat(updates.recheck(ref).signature().signatures()).isEqualTo(2);
        Path targets = evidence(ref, "targets.json");
        ObjectNode md = (ObjectNode) TestRepository.JSON.readTree(targets.toFile());
        ((ArrayNode) md.get("signatures")).remove(1);
        Files.write(targets, TestRepository.JSON.writeValueAsBytes(md));
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(targets.toString());
            assertThat(e.problem()).contains("targets needs 2 valid signature(s) from its keys, found 1");
        });
    }

    @Test
    void aKeptRootThatIsNotTheTrustedOneFails() throws Exception {
        BundleRef ref = install(28L, 1);
        // A root with the forger's targets key, "signed" by nobody the box trusts.
        TestRepository other = new TestRepository(tmp.resolve("other"), NOW, 99L);
        other.publish();
        Path root = evidence(ref, "root.json");
        Files.copy(other.metadata.resolve("1.root.json"), root, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(root.toString());
            assertThat(e.problem()).contains("differs from the trusted root of the same version 1");
        });
    }

    @Test
    void aBundleInstalledUnderAnOlderRootStillVerifiesThroughTheKeptRotations() throws Exception {
        BundleRef ref = install(29L, 1);
        // The vendor rotates root twice (and the targets key with it); the box follows both in one refresh.
        TestRepository.Key oldRoot = repo.roleKeys.get("root").get(0);
        for (long v = 2; v <= 3; v++) {
            TestRepository.Key next = repo.newKey();
            TestRepository.Key targetsKey = repo.newKey();
            repo.roleKeys.put("targets", new ArrayList<>(List.of(targetsKey)));
            repo.signers.put("targets", List.of(targetsKey));
            repo.extraRootSigners.clear();
            repo.extraRootSigners.add(oldRoot);
            repo.roleKeys.put("root", new ArrayList<>(List.of(next)));
            repo.signers.put("root", List.of(next));
            repo.versions.put("root", v);
            repo.publish();
            oldRoot = next;
        }
        repo.bumpAndPublish();
        assertThat(updates.importSnapshot(repo.dir)).isEmpty();   // nothing newer, but root now at v3
        BundleSignatures.Checked c = updates.recheck(ref);
        assertThat(c.signature().rootVersion()).isEqualTo(1);
        assertThat(c.signature().trustedRootVersion()).isEqualTo(3);

        Path v2 = updates.store().rootHistory().dir().resolve("2.root.json");
        Files.delete(v2);
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class, e -> {
            assertThat(e.file()).isEqualTo(v2.toString());
            assertThat(e.problem()).contains("is missing: root version 2 is needed");
        });
    }

    @Test
    void aBundleWithoutItsSignedMetadataCannotPassTheCheck() throws Exception {
        BundleRef ref = install(30L, 1);
        BundleStore.deleteTree(kept(ref).resolve(BundleSignatures.DIR));
        assertThatThrownBy(() -> updates.recheck(ref)).isInstanceOfSatisfying(UnverifiedBundleException.class,
                e -> assertThat(e.problem()).contains("its signature cannot be checked again"));
        // Its files still match its manifest: the appliance keeps running it, only the signature is unproven.
        assertThat(updates.verifyKept(ref)).isNotNull();
    }

    @Test
    void aBundleZipMayNotUseTheNameReservedForTheSignedMetadata() throws Exception {
        install(31L, 1);
        Path bundle = KnowledgeFixtures.pack(tmp, "2099.3.2", d -> { });
        Files.createDirectories(bundle.resolve(BundleSignatures.DIR));
        Files.writeString(bundle.resolve(BundleSignatures.DIR).resolve("targets.json"), "{}");
        KnowledgeFixtures.publish(repo, "2099.3.2", bundle, KnowledgeManifest.FORMAT);
        assertThatThrownBy(() -> updates.importSnapshot(repo.dir)).isInstanceOf(OtaException.class)
                .hasMessageContaining(".tuf/");
    }

    private static byte[] zipOf(Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); var s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve(BundleSignatures.DIR)))
                    .sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

package com.mediassist.sync.ota;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.sync.tuf.TestRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Diagnosis bundles for tests of the box: a copy of a real bundle (the one {@code models} trained) as another
 * version, optionally changed, its manifest re-hashed (a change the vendor signed), and published into a
 * {@link TestRepository}. Shared with the appliance's and the installer's tests.
 */
public final class DiagnosisFixtures {

    /** The diagnosis bundle id. */
    public static final String ID = "ddxplus-diagnosis";

    private DiagnosisFixtures() {
    }

    /** A copy of {@code bundle} in {@code dir} as {@code version}, {@code change} applied, manifest re-hashed. */
    public static Path variant(Path bundle, Path dir, String version, KnowledgeFixtures.Change change) throws IOException {
        try (Stream<Path> s = Files.list(bundle)) {
            Files.createDirectories(dir);
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        change.apply(dir);
        BundleManifest m = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(dir.resolve(BundleManifest.FILE_NAME).toFile(), BundleManifest.class);
        List<BundleManifest.FileEntry> files = new ArrayList<>();
        for (BundleManifest.FileEntry f : m.files()) {
            Path p = dir.resolve(f.path());
            files.add(new BundleManifest.FileEntry(f.path(), BundleLoader.sha256(p), Files.size(p)));
        }
        new BundleManifest(m.format(), m.id(), version, m.createdAt(), m.minApplianceVersion(), m.provenance(), files,
                m.model(), m.knowledge()).write(dir);
        return dir;
    }

    /** Publishes a bundle directory as {@code bundles/ddxplus-diagnosis-<version>.zip}. */
    public static void publish(TestRepository repo, String version, Path bundleDir) throws IOException {
        ObjectNode custom = TestRepository.JSON.createObjectNode().put("bundleId", ID).put("version", version)
                .put("kind", "diagnosis").put("minApplianceVersion", "0.1.0").put("encoding", "ternary-v2");
        repo.addTarget("bundles/" + ID + "-" + version + ".zip", zip(bundleDir), custom);
        repo.bumpAndPublish();
    }

    static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

package com.mediassist.sync.ota;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeBundleWriter;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases.MedicationCase;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases.WorkupCase;
import com.mediassist.core.workup.DifferentialEntry;
import com.mediassist.sync.tuf.TestRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Knowledge bundles for tests of the box: the shipped knowledge packed as a newer version (with golden cases
 * recorded from it, as the vendor's {@code models knowledge-bundle} does), optionally changed afterwards, and
 * published into a {@link TestRepository}. Shared with the appliance's and the installer's tests.
 */
public final class KnowledgeFixtures {

    /** Golden inputs: one interrupting pair, one quiet list, one differential. */
    public static final KnowledgeGoldenCases INPUTS = new KnowledgeGoldenCases(KnowledgeGoldenCases.FORMAT, List.of(
            new MedicationCase("warfarin + ibuprofen", List.of("warfarina", "ibuprofeno"), List.of(), List.of(), null, null),
            new MedicationCase("clarithromycin + quetiapine", List.of("claritromicina", "quetiapina"), List.of(), List.of(),
                    null, null),
            new MedicationCase("nothing to flag", List.of("paracetamol"), List.of(), List.of(), null, null)),
            List.of(new WorkupCase("pneumonia", List.of(new DifferentialEntry("Pneumonia", 0.7)), null)));

    private KnowledgeFixtures() {
    }

    /** A change made to a packed bundle (then its manifest is re-hashed unless the change says otherwise). */
    @FunctionalInterface
    public interface Change {
        void apply(Path bundle) throws IOException;
    }

    /** Writes the shipped knowledge (class path) into {@code dir} with its manifest. */
    public static Path shippedCopy(Path dir) throws IOException {
        KnowledgeManifest shipped = KnowledgeManifest.shipped();
        for (String path : shipped.files().keySet()) {
            Path f = dir.resolve(path);
            Files.createDirectories(f.getParent());
            Files.write(f, shipped.bytes(path));
        }
        try (InputStream in = KnowledgeFixtures.class.getClassLoader()
                .getResourceAsStream(KnowledgeManifest.CLASSPATH_ROOT + "manifest.json")) {
            Files.write(dir.resolve("manifest.json"), in.readAllBytes());
        }
        return dir;
    }

    /** The shipped knowledge packed as {@code version} into {@code out}, then {@code change} applied and re-hashed. */
    public static Path pack(Path work, String version, Change change) throws IOException {
        return pack(work, version, d -> { }, change);
    }

    /**
     * The shipped knowledge with {@code edit} made to it (new knowledge: golden cases are recorded from it)
     * packed as {@code version}, then {@code change} applied to the packed bundle and re-hashed.
     */
    public static Path pack(Path work, String version, Change edit, Change change) throws IOException {
        Path source = shippedCopy(work.resolve("source-" + version));
        edit.apply(source);
        rehash(source);
        Path out = work.resolve("knowledge-" + version);
        KnowledgeBundleWriter.write(new KnowledgeBundleWriter.Spec(source, version, "test knowledge " + version, "0.1.0",
                INPUTS), out, Clock.systemUTC());
        change.apply(out);
        rehash(out);
        return out;
    }

    /** Recomputes every file's SHA-256 in the bundle's manifest (a change the vendor signed). */
    public static void rehash(Path bundle) throws IOException {
        ObjectNode m = (ObjectNode) TestRepository.JSON.readTree(bundle.resolve("manifest.json").toFile());
        for (var f : (ArrayNode) m.get("files")) {
            ((ObjectNode) f).put("sha256", KnowledgeManifest.sha256(Files.readAllBytes(bundle.resolve(f.get("path").asText()))));
        }
        TestRepository.JSON.writeValue(bundle.resolve("manifest.json").toFile(), m);
    }

    /** Publishes a bundle as {@code bundles/mediassist-knowledge-<version>.zip} with {@code custom.format}. */
    public static void publish(TestRepository repo, String version, Path bundle, String format) throws IOException {
        ObjectNode custom = TestRepository.JSON.createObjectNode().put("bundleId", KnowledgeUpdates.BUNDLE_ID)
                .put("version", version).put("kind", "knowledge").put("minApplianceVersion", "0.1.0").put("format", format);
        repo.addTarget("bundles/" + KnowledgeUpdates.BUNDLE_ID + "-" + version + ".zip", zip(bundle), custom);
        repo.bumpAndPublish();
    }

    static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

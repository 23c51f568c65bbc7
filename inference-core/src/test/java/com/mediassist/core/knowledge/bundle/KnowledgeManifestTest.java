package com.mediassist.core.knowledge.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.InvalidKnowledgeManifestException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.KnowledgeHashMismatchException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.MissingKnowledgeFileException;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.UnlistedKnowledgeFileException;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationChecker;
import com.mediassist.core.medication.MedicationKnowledge;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeManifestTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Path shippedRoot() throws URISyntaxException {
        return Path.of(KnowledgeManifestTest.class.getClassLoader().getResource("knowledge/manifest.json").toURI())
                .getParent();
    }

    @Test
    void shippedManifestListsAndVerifiesEveryKnowledgeFile() throws Exception {
        KnowledgeManifest m = KnowledgeManifest.shipped();
        assertThat(m.version()).startsWith("mediassist-knowledge ");
        assertThat(m.provenance()).isNotBlank();
        Path root = shippedRoot();
        Set<String> onDisk;
        try (Stream<Path> s = Files.walk(root)) {
            onDisk = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("manifest.json") && !p.equals("README.md")).collect(Collectors.toSet());
        }
        assertThat(m.files().keySet()).as("run python3 tools/knowledge/manifest.py after changing knowledge files")
                .containsExactlyInAnyOrderElementsOf(onDisk);
        for (String path : m.files().keySet()) {
            assertThat(m.bytes(path)).as(path + " (run python3 tools/knowledge/manifest.py)").isNotEmpty();
            assertThat(m.files().get(path).source()).isNotBlank();
        }
    }

    @Test
    void refusesAFileWhoseHashDiffersFromTheManifest(@TempDir Path dir) throws Exception {
        Path bundle = copyShipped(dir);
        Path pk = bundle.resolve("medication/pk-profiles.csv");
        Files.writeString(pk, Files.readString(pk) + "CYP3A4,grapefruit,inhibitor,strong,,tampered\n");
        KnowledgeManifest m = KnowledgeManifest.fromDirectory(bundle);
        assertThatThrownBy(() -> m.bytes("medication/pk-profiles.csv"))
                .isInstanceOfSatisfying(KnowledgeHashMismatchException.class, e -> {
                    assertThat(e.path()).isEqualTo("medication/pk-profiles.csv");
                    assertThat(e.expected()).isEqualTo(KnowledgeManifest.shipped().files()
                            .get("medication/pk-profiles.csv").sha256());
                    assertThat(e.found()).isNotEqualTo(e.expected()).hasSize(64);
                });
        assertThatThrownBy(() -> MedicationKnowledge.load(m)).isInstanceOf(KnowledgeHashMismatchException.class);
    }

    @Test
    void refusesAListedFileThatIsMissing(@TempDir Path dir) throws Exception {
        Path bundle = copyShipped(dir);
        Files.delete(bundle.resolve("medication/pd-rules.json"));
        assertThatThrownBy(() -> KnowledgeManifest.fromDirectory(bundle).bytes("medication/pd-rules.json"))
                .isInstanceOfSatisfying(MissingKnowledgeFileException.class,
                        e -> assertThat(e.path()).isEqualTo("medication/pd-rules.json"));
    }

    @Test
    void neverReadsAFileTheManifestDoesNotList() {
        assertThatThrownBy(() -> KnowledgeManifest.shipped().bytes("medication/unlisted.csv"))
                .isInstanceOfSatisfying(UnlistedKnowledgeFileException.class,
                        e -> assertThat(e.path()).isEqualTo("medication/unlisted.csv"));
    }

    @Test
    void rejectsAManifestWithAMalformedHashOrAPathOutsideTheBundle(@TempDir Path dir) throws Exception {
        Path bundle = copyShipped(dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(bundle.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("files").get(0)).put("sha256", "ABC");
        JSON.writeValue(bundle.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> KnowledgeManifest.fromDirectory(bundle))
                .isInstanceOf(InvalidKnowledgeManifestException.class).hasMessageContaining("64 lower-case hex");
        ((ObjectNode) manifest.get("files").get(0)).put("sha256", "0".repeat(64)).put("path", "../secrets");
        JSON.writeValue(bundle.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> KnowledgeManifest.fromDirectory(bundle))
                .isInstanceOf(InvalidKnowledgeManifestException.class).hasMessageContaining("inside the bundle");
        Files.writeString(bundle.resolve("manifest.json"), "{\"knowledgeVersion\":\"x\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KnowledgeManifest.fromDirectory(bundle))
                .isInstanceOf(InvalidKnowledgeManifestException.class).hasMessageContaining("provenance");
    }

    @Test
    void aNewBundleChangesTheKnowledgeVersionWithoutARelease(@TempDir Path dir) throws Exception {
        Path bundle = copyShipped(dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(bundle.resolve("manifest.json").toFile());
        manifest.put("knowledgeVersion", "mediassist-knowledge 2027.01.15-1");
        JSON.writeValue(bundle.resolve("manifest.json").toFile(), manifest);
        MedicationKnowledge k = MedicationKnowledge.load(KnowledgeManifest.fromDirectory(bundle));
        assertThat(new MedicationChecker(k).check(MedicationCheckRequest.of(List.of("Sintrom", "ibuprofeno")))
                .knowledgeVersion()).isEqualTo("mediassist-knowledge 2027.01.15-1");
    }

    private static Path copyShipped(Path dir) throws IOException, URISyntaxException {
        Path root = shippedRoot();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(root.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return dir;
    }
}

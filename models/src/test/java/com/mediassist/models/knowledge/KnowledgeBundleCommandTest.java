package com.mediassist.models.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.bundle.KnowledgeBundleException.KnowledgeHashMismatchException;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeGoldenCases;
import com.mediassist.models.ModelsCli;
import com.mediassist.models.tuf.TufRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models knowledge-bundle} and {@code models publish --knowledge} on the shipped knowledge. */
class KnowledgeBundleCommandTest {

    static final Path SHIPPED = Path.of("../inference-core/src/main/resources/knowledge");

    @TempDir
    Path dir;

    @Test
    void packsTheKnowledgeWithItsVersionNeedsAndGoldenCasesRecordedFromItself() throws Exception {
        Path out = dir.resolve("k");
        assertThat(ModelsCli.run("knowledge-bundle", "--knowledge", SHIPPED.toString(), "--version", "2026.12.1",
                "--min-appliance", "0.1.0", "--out", out.toString())).isZero();
        KnowledgeManifest m = KnowledgeManifest.fromDirectory(out);
        m.verifyAll();
        assertThat(m.version()).isEqualTo("mediassist-knowledge 2026.12.1");
        assertThat(m.bundleId()).isEqualTo("mediassist-knowledge");
        assertThat(m.bundleVersion()).isEqualTo("2026.12.1");
        assertThat(m.format()).isEqualTo(KnowledgeManifest.FORMAT);
        assertThat(m.minApplianceVersion()).isEqualTo("0.1.0");
        assertThat(m.files()).containsKeys("medication/interactions.csv", "medication/pk-profiles.csv",
                "prevention/rules.json", "workup/recommended-tests.json", KnowledgeGoldenCases.FILE_NAME);
        KnowledgeGoldenCases g = KnowledgeGoldenCases.of(m).orElseThrow();
        assertThat(g.medication()).filteredOn(c -> c.name().startsWith("warfarin")).singleElement()
                .satisfies(c -> assertThat(c.expected()).anySatisfy(a -> {
                    assertThat(a.interrupt()).isTrue();
                    assertThat(a.drugs()).contains("warfarina", "ibuprofeno");
                }));
        assertThat(g.medication()).filteredOn(c -> c.name().equals("nothing to flag")).singleElement()
                .satisfies(c -> assertThat(c.expected()).isEmpty());
        assertThat(g.workup()).allSatisfy(c -> assertThat(c.expectedTests()).isNotEmpty());
    }

    @Test
    void publishesAKnowledgeTargetAndRefusesOneWhoseFileWasAlteredAfterPacking() throws Exception {
        Path out = dir.resolve("k");
        assertThat(ModelsCli.run("knowledge-bundle", "--knowledge", SHIPPED.toString(), "--version", "2026.12.2",
                "--out", out.toString())).isZero();
        Path vendor = dir.resolve("vendor");
        TufRepository repo = new TufRepository(vendor, Clock.fixed(Instant.parse("2026-11-28T07:00:00Z"), ZoneOffset.UTC));
        repo.initKeys(dir.resolve("root-key"));
        TufRepository.Published p = repo.publishKnowledge(out);
        assertThat(p.target()).isEqualTo("bundles/mediassist-knowledge-2026.12.2.zip");
        JsonNode targets = new ObjectMapper().readTree(vendor.resolve("repository/metadata/2.targets.json").toFile());
        JsonNode custom = targets.at("/signed/targets").get(p.target()).get("custom");
        assertThat(custom.get("kind").asText()).isEqualTo("knowledge");
        assertThat(custom.get("bundleId").asText()).isEqualTo("mediassist-knowledge");
        assertThat(custom.get("version").asText()).isEqualTo("2026.12.2");
        assertThat(custom.get("format").asText()).isEqualTo(KnowledgeManifest.FORMAT);

        Path rules = out.resolve("medication/drug-drug-rules.json");
        Files.writeString(rules, Files.readString(rules).replace("\"major\"", "\"minor\""));
        assertThatThrownBy(() -> repo.publishKnowledge(out)).isInstanceOf(KnowledgeHashMismatchException.class)
                .hasMessageContaining("medication/drug-drug-rules.json");
    }
}

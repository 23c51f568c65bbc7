package com.mediassist.sync.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.knowledge.set.KnowledgeSet;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.tuf.TestRepository;
import com.mediassist.sync.tuf.UrlFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knowledge bundles through the same TUF repository as diagnosis bundles: a newer bundle is verified, its
 * golden cases reproduced on a shadow knowledge set, and activated in its own state beside the diagnosis
 * bundles'; one with a failing golden case, an altered file, another knowledge format or a newer appliance is
 * refused (or never a candidate) and the shipped knowledge stays.
 */
class KnowledgeUpdatesTest {

    @TempDir
    Path tmp;
    TestRepository repo;
    KnowledgeUpdates updates;

    @BeforeEach
    void repositoryAndBox() throws Exception {
        repo = new TestRepository(tmp.resolve("repo"), Instant.now(), 15L);
        repo.publish();
        Path data = Files.createDirectories(tmp.resolve("data"));
        updates = new KnowledgeUpdates(new OtaOptions(Optional.empty(), KnowledgeUpdates.BUNDLE_ID,
                KnowledgeManifest.shipped().bundleVersion(), "0.1.0", 3, DiagnosisOptions.defaults()),
                BundleStore.knowledge(data), UrlFetcher.defaults(), Clock.systemUTC());
        new BundleUpdates(new OtaOptions(Optional.empty(), "ddxplus-diagnosis", "2.0.0", "0.1.0", 3,
                DiagnosisOptions.defaults()), new BundleStore(data), UrlFetcher.defaults(), Clock.systemUTC())
                .trust(repo.metadata.resolve("1.root.json"));
    }

    @Test
    void installsANewerKnowledgeBundleWhoseGoldenCasesHold() throws Exception {
        KnowledgeFixtures.publish(repo, "2099.1.1", KnowledgeFixtures.pack(tmp, "2099.1.1", d -> { }), KnowledgeManifest.FORMAT);
        assertThat(updates.importSnapshot(repo.dir)).hasValueSatisfying(b -> assertThat(b.version()).isEqualTo("2099.1.1"));
        KnowledgeSet set = updates.runnableSet().orElseThrow();
        assertThat(set.version()).isEqualTo("mediassist-knowledge 2099.1.1");
        assertThat(set.medication().check(MedicationCheckRequest.of(List.of("warfarina", "ibuprofeno"))).knowledgeVersion())
                .isEqualTo("mediassist-knowledge 2099.1.1");
        assertThat(updates.state().history()).extracting(HistoryEntry::event).containsSubsequence("staged", "activated");
        assertThat(updates.store().root()).endsWith(Path.of("ota", "knowledge"));
        assertThat(updates.rollback("test")).isEmpty();
        assertThat(updates.runnableSet()).isEmpty();   // back to the shipped knowledge
    }

    @Test
    void installsFromARepositorySnapshotZippedOnAUsbStick() throws Exception {
        // Unpacked under staging/ before, the snapshot was wiped by staging its own bundle (HTTP 404, "refused").
        KnowledgeFixtures.publish(repo, "2099.1.7", KnowledgeFixtures.pack(tmp, "2099.1.7", d -> { }), KnowledgeManifest.FORMAT);
        Path zip = tmp.resolve("usb.zip");
        Files.write(zip, KnowledgeFixtures.zip(repo.dir));
        assertThat(updates.importSnapshot(zip)).hasValueSatisfying(b -> assertThat(b.version()).isEqualTo("2099.1.7"));
        assertThat(updates.recheck(updates.state().active()).signature().target().path())
                .isEqualTo("bundles/mediassist-knowledge-2099.1.7.zip");
        assertThat(updates.store().root().resolve("import")).doesNotExist();
    }

    @Test
    void refusesAKnowledgeBundleWhoseGoldenCaseFails() throws Exception {
        Path bundle = KnowledgeFixtures.pack(tmp, "2099.1.2", d -> {
            // The vendor's build recorded an alert this knowledge does not give: the box must notice.
            Path g = d.resolve("golden-cases.json");
            ObjectNode golden = (ObjectNode) TestRepository.JSON.readTree(g.toFile());
            ((ObjectNode) golden.withArray("medication").get(0).withArray("expected").get(0)).put("severity", "minor");
            TestRepository.JSON.writeValue(g.toFile(), golden);
        });
        KnowledgeFixtures.publish(repo, "2099.1.2", bundle, KnowledgeManifest.FORMAT);
        assertThatThrownBy(() -> updates.importSnapshot(repo.dir)).isInstanceOfSatisfying(BundleRefusedException.class,
                e -> assertThat(e.reason()).contains("knowledge golden case warfarin + ibuprofen"));
        assertThat(updates.runnableSet()).isEmpty();
        assertThat(updates.state().history()).last().satisfies(h -> assertThat(h.event()).isEqualTo("refused"));
    }

    @Test
    void refusesAKnowledgeBundleWithAFileAlteredAfterItsManifest() throws Exception {
        Path bundle = KnowledgeFixtures.pack(tmp, "2099.1.3", d -> { });
        Path rules = bundle.resolve("medication/drug-drug-rules.json");
        Files.writeString(rules, Files.readString(rules).replace("\"major\"", "\"minor\""));   // not re-hashed
        KnowledgeFixtures.publish(repo, "2099.1.3", bundle, KnowledgeManifest.FORMAT);
        assertThatThrownBy(() -> updates.importSnapshot(repo.dir)).isInstanceOfSatisfying(BundleRefusedException.class,
                e -> assertThat(e.reason()).contains("medication/drug-drug-rules.json does not match its manifest"));
        assertThat(updates.runnableSet()).isEmpty();
    }

    @Test
    void refusesAKnowledgeBundleWrittenInAFormatThisApplianceDoesNotRead() throws Exception {
        Path bundle = KnowledgeFixtures.pack(tmp, "2099.1.4", d -> {
            ObjectNode m = (ObjectNode) TestRepository.JSON.readTree(d.resolve("manifest.json").toFile());
            m.put("format", "mediassist-knowledge/2");
            TestRepository.JSON.writeValue(d.resolve("manifest.json").toFile(), m);
        });
        // Announced honestly, it is not even a candidate; announced as format 1, its own manifest refuses it.
        KnowledgeFixtures.publish(repo, "2099.1.4", bundle, "mediassist-knowledge/2");
        assertThat(updates.importSnapshot(repo.dir)).isEmpty();
        KnowledgeFixtures.publish(repo, "2099.1.5", KnowledgeFixtures.pack(tmp, "2099.1.5", d -> {
            ObjectNode m = (ObjectNode) TestRepository.JSON.readTree(d.resolve("manifest.json").toFile());
            m.put("format", "mediassist-knowledge/2");
            TestRepository.JSON.writeValue(d.resolve("manifest.json").toFile(), m);
        }), KnowledgeManifest.FORMAT);
        assertThatThrownBy(() -> updates.importSnapshot(repo.dir)).isInstanceOfSatisfying(BundleRefusedException.class,
                e -> assertThat(e.reason()).contains("knowledge format 'mediassist-knowledge/2'"));
        assertThat(updates.runnableSet()).isEmpty();
    }

    @Test
    void refusesAKnowledgeBundleForANewerAppliance() throws Exception {
        KnowledgeFixtures.publish(repo, "2099.1.6", KnowledgeFixtures.pack(tmp, "2099.1.6", d -> {
            ObjectNode m = (ObjectNode) TestRepository.JSON.readTree(d.resolve("manifest.json").toFile());
            m.put("minApplianceVersion", "9.0.0");
            TestRepository.JSON.writeValue(d.resolve("manifest.json").toFile(), m);
        }), KnowledgeManifest.FORMAT);
        assertThatThrownBy(() -> updates.importSnapshot(repo.dir)).isInstanceOfSatisfying(BundleRefusedException.class,
                e -> assertThat(e.reason()).contains("needs appliance 9.0.0"));
        assertThat(updates.runnableSet()).isEmpty();
    }
}

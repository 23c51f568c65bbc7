package com.mediassist.appliance.bundles.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.appliance.knowledge.ActiveKnowledge;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.medication.Alert;
import com.mediassist.core.medication.MedicationCheckRequest;
import com.mediassist.core.medication.MedicationCheckResult;
import com.mediassist.sync.ota.HistoryEntry;
import com.mediassist.sync.ota.KnowledgeFixtures;
import com.mediassist.sync.ota.OtaException.BundleRefusedException;
import com.mediassist.sync.tuf.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Knowledge bundles switched live while four threads keep checking warfarin with ibuprofen: every answer
 * comes whole from one knowledge set (the shipped rule's severity with the shipped version, or the new
 * bundle's severity with its version — never a mix), the new version is what every alert reports after the
 * switch, a bundle whose golden case fails is refused, one that fails the health gate is rolled back, and no
 * check fails throughout.
 */
class KnowledgeUpdatesUnderLoadTest {

    static final List<String> PAIR = List.of("warfarina", "ibuprofeno");
    static final String RULE = "bleeding-anticoagulant-nsaid";

    Path tmp;
    TestRepository repo;
    ActiveKnowledge knowledge;
    KnowledgeUpdateService service;
    Duration maxP95 = Duration.ofSeconds(30);

    ExecutorService load;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger answered = new AtomicInteger();
    /** knowledge version → severity of the rule's alert seen with it. */
    final Map<String, String> seen = new ConcurrentHashMap<>();
    final List<String> mixed = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Future<?>> clients = new ArrayList<>();

    @BeforeEach
    void repository() throws Exception {
        tmp = Files.createTempDirectory("knowledge-load");
        repo = new TestRepository(tmp.resolve("repo"), Instant.now(), 17L);
        repo.publish();
    }

    void start() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        knowledge = new ActiveKnowledge(Clock.systemUTC());
        service = new KnowledgeUpdateService(knowledge, TestOtaConfig.with(maxP95, Duration.ofSeconds(30)), Clock.systemUTC(),
                dataDir, "0.1.0");
        service.onStart(null);
        new com.mediassist.sync.ota.BundleUpdates(new com.mediassist.sync.ota.OtaOptions(java.util.Optional.empty(),
                "ddxplus-diagnosis", "0", "0.1.0", 3, com.mediassist.core.diagnosis.DiagnosisOptions.defaults()),
                new com.mediassist.sync.ota.BundleStore(dataDir), com.mediassist.sync.tuf.UrlFetcher.defaults(),
                Clock.systemUTC()).trust(repo.metadata.resolve("1.root.json"));
        load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.add(load.submit(() -> {
                while (!stop.get()) {
                    MedicationCheckResult r = knowledge.use(k -> k.medication().check(MedicationCheckRequest.of(PAIR)));
                    String severity = r.alerts().stream().filter(a -> a.ruleId().equals(RULE)).map(Alert::severity)
                            .map(Object::toString).findFirst().orElse("none");
                    String before = seen.putIfAbsent(r.knowledgeVersion(), severity);
                    if (before != null && !before.equals(severity)) {
                        mixed.add(r.knowledgeVersion() + " answered " + before + " and " + severity);
                    }
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        waitFor(() -> answered.get() > 20);
    }

    @AfterEach
    void stopLoad() throws Exception {
        stop.set(true);
        for (Future<?> c : clients) {
            c.get();   // zero failed checks: any failure rethrows here
        }
        if (load != null) {
            load.shutdownNow();
        }
        if (service != null) {
            service.onStop(null);
        }
        assertThat(mixed).isEmpty();
    }

    /** The shipped knowledge with the anticoagulant + NSAID rule made contraindicated: new knowledge. */
    Path contraindicating(String version) throws Exception {
        return KnowledgeFixtures.pack(tmp, version, d -> {
            Path rules = d.resolve("medication/drug-drug-rules.json");
            Files.writeString(rules, Files.readString(rules).replace(
                    "{\"id\":\"" + RULE + "\",\"classes\":[\"anticoagulant\",\"nsaid\"],\"severity\":\"major\"",
                    "{\"id\":\"" + RULE + "\",\"classes\":[\"anticoagulant\",\"nsaid\"],\"severity\":\"contraindicated\""));
        }, d -> { });
    }

    @Test
    void switchesToANewKnowledgeBundleWithoutAMixedOrFailedAnswer() throws Exception {
        start();
        String shipped = KnowledgeManifest.shipped().version();
        KnowledgeFixtures.publish(repo, "2099.2.1", contraindicating("2099.2.1"), KnowledgeManifest.FORMAT);
        assertThat(service.updates().importSnapshot(repo.dir)).isPresent();
        service.follow(true);
        assertThat(knowledge.current().version()).isEqualTo("mediassist-knowledge 2099.2.1");
        int at = answered.get();
        waitFor(() -> answered.get() > at + 50 && service.watched().isEmpty());   // the health gate passed
        assertThat(seen).containsEntry(shipped, "MAJOR").containsEntry("mediassist-knowledge 2099.2.1", "CONTRAINDICATED");
        assertThat(knowledge.use(k -> k.medication().check(MedicationCheckRequest.of(PAIR))).knowledgeVersion())
                .isEqualTo("mediassist-knowledge 2099.2.1");
        assertThat(knowledge.use(k -> k.workup().recommend(List.of(new com.mediassist.core.workup.DifferentialEntry(
                "Pneumonia", 0.7)), com.mediassist.core.knowledge.Language.ES)).knowledgeVersion())
                .isEqualTo("mediassist-knowledge 2099.2.1");
        assertThat(service.updates().state().history()).extracting(HistoryEntry::event)
                .containsSubsequence("staged", "activated").doesNotContain("rolled-back");
    }

    @Test
    void refusesAKnowledgeBundleWhoseGoldenCaseFailsAndKeepsAnswering() throws Exception {
        start();
        String shipped = knowledge.current().version();
        Path bundle = KnowledgeFixtures.pack(tmp, "2099.2.2", d -> {
            Path g = d.resolve("golden-cases.json");
            ObjectNode golden = (ObjectNode) TestRepository.JSON.readTree(g.toFile());
            ((ObjectNode) golden.withArray("workup").get(0)).putArray("expectedTests").add("not-a-test");
            TestRepository.JSON.writeValue(g.toFile(), golden);
        });
        KnowledgeFixtures.publish(repo, "2099.2.2", bundle, KnowledgeManifest.FORMAT);
        assertThatThrownBy(() -> service.updates().importSnapshot(repo.dir))
                .isInstanceOfSatisfying(BundleRefusedException.class, e -> assertThat(e.reason()).contains("knowledge golden case pneumonia"));
        service.follow(true);
        assertThat(knowledge.current().version()).isEqualTo(shipped);
        assertThat(seen).containsOnlyKeys(shipped);
    }

    @Test
    void rollsBackAKnowledgeBundleThatFailsTheHealthGate() throws Exception {
        maxP95 = Duration.ofNanos(1);   // no check is that fast: the gate must fail on latency
        start();
        String shipped = knowledge.current().version();
        KnowledgeFixtures.publish(repo, "2099.2.3", contraindicating("2099.2.3"), KnowledgeManifest.FORMAT);
        service.updates().importSnapshot(repo.dir);
        service.follow(true);
        waitFor(() -> service.updates().state().history().stream().anyMatch(h -> h.event().equals("rolled-back")));
        waitFor(() -> knowledge.current().version().equals(shipped));
        assertThat(service.updates().state().activeBundle()).isEmpty();
        assertThat(service.updates().state().history()).last().satisfies(h -> {
            assertThat(h.event()).isEqualTo("rolled-back");
            assertThat(h.bundle()).isEqualTo("mediassist-knowledge-2099.2.3");
            assertThat(h.detail()).contains("p95 latency");
        });
        assertThat(seen).containsKeys(shipped, "mediassist-knowledge 2099.2.3");
    }

    static void waitFor(ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 120 s");
            }
            Thread.sleep(20);
        }
    }

    interface ThrowingCondition {
        boolean met() throws Exception;
    }
}

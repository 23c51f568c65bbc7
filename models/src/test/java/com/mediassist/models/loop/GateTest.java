package com.mediassist.models.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.LearningLoop;
import com.mediassist.models.ModelsCli;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.tuf.TufException;
import com.mediassist.models.tuf.TufRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety gate on held-out patients: a deliberately degraded candidate (the training patients of
 * the severe pathologies carry each other's labels) is refused and cannot
 * be published without a recorded reason; a candidate no worse than the active bundle passes.
 */
class GateTest {

    static final Path DATA = Path.of("src/main/data/ddxplus");

    @TempDir
    static Path dir;
    static LearningLoop.Split split;
    static Path active;
    static Path degraded;

    @BeforeAll
    static void bundles() throws Exception {
        split = LearningLoop.split(DATA.resolve("patients-dev.csv"), dir, 20260101L);
        active = dir.resolve("active");
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", split.baseCsv().toString(),
                "--out", active.toString(), "--bundle-version", "2.0.0")).isZero();
        Knowledge k = DdxplusData.buildKnowledge(DATA);
        // Deliberate damage: every severity-1/2 pathology's training patients carry the next one's label.
        List<Pathology> severe = k.pathologies().stream().filter(p -> p.severity() <= 2).toList();
        List<String> lines = new ArrayList<>(Files.readAllLines(split.baseCsv(), StandardCharsets.UTF_8));
        for (int i = 1; i < lines.size(); i++) {
            for (int s = 0; s < severe.size(); s++) {
                String from = "," + severe.get(s).ddxplusName() + ",";
                if (lines.get(i).contains(from)) {
                    lines.set(i, lines.get(i).replace(from, "," + severe.get((s + 1) % severe.size()).ddxplusName() + ","));
                    break;
                }
            }
        }
        Path poisoned = Files.write(dir.resolve("poisoned.csv"), lines, StandardCharsets.UTF_8);
        degraded = dir.resolve("degraded");
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", poisoned.toString(),
                "--out", degraded.toString(), "--bundle-version", "2.1.0")).isZero();
    }

    @Test
    void refusesADeliberatelyDegradedCandidate() throws Exception {
        int exit = ModelsCli.run("gate", "--candidate", degraded.toString(), "--active", active.toString(),
                "--patients", split.heldOutCsv().toString());
        assertThat(exit).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(degraded.resolve("gate.json").toFile());
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("failures")).isNotEmpty();
        assertThat(report.get("failures").toString()).contains("top1");
        assertThat(report.at("/candidate/halfEvidence/top1").asDouble())
                .isLessThan(report.at("/active/halfEvidence/top1").asDouble() - report.get("tolerance").asDouble());
    }

    @Test
    void passesACandidateNoWorseThanTheActiveBundle() throws Exception {
        Path same = dir.resolve("same");
        Files.createDirectories(same);
        try (var s = Files.list(active)) {
            for (Path f : s.toList()) {
                Files.copy(f, same.resolve(f.getFileName()));
            }
        }
        assertThat(ModelsCli.run("gate", "--candidate", same.toString(), "--active", active.toString(),
                "--patients", split.heldOutCsv().toString())).isZero();
    }

    @Test
    void aRefusedCandidateIsPublishedOnlyWithARecordedReason() throws Exception {
        Path vendor = dir.resolve("vendor-gate");
        new TufRepository(vendor, Clock.systemUTC()).initKeys(vendor.resolve("root-key"));
        ModelsCli.run("gate", "--candidate", degraded.toString(), "--active", active.toString(),
                "--patients", split.heldOutCsv().toString());
        assertThatThrownBy(() -> new TufRepository(vendor, Clock.systemUTC()).publish(degraded, ModelsCli.MIN_APPLIANCE_VERSION, null))
                .isInstanceOf(TufException.GateNotPassedException.class).hasMessageContaining("the gate refused it");
        assertThat(ModelsCli.run("publish", "--data-dir", vendor.toString(), "--bundle", degraded.toString())).isEqualTo(2);
        assertThat(ModelsCli.run("publish", "--data-dir", vendor.toString(), "--bundle", degraded.toString(),
                "--force-without-gate")).isEqualTo(2);
        assertThat(ModelsCli.run("publish", "--data-dir", vendor.toString(), "--bundle", degraded.toString(),
                "--force-without-gate", "--reason", "incident 42: roll out the fix for the rash rule now")).isZero();
        assertThat(Files.readString(vendor.resolve("publish-log.jsonl"), StandardCharsets.UTF_8))
                .contains("forced: incident 42: roll out the fix for the rash rule now");
    }

    @Test
    void refusesACandidateThatDropsASeverePathologyFromTheDifferentialEvenWhenTop1HoldsUp() {
        Knowledge k = DdxplusData.buildKnowledge(DATA);
        Pathology severe = k.pathologies().stream().filter(p -> p.severity() == 1).findFirst().orElseThrow();
        Pathology mild = k.pathologies().stream().filter(p -> p.severity() == 5).findFirst().orElseThrow();
        java.util.Map<String, Double> fullRecall = java.util.Map.of(severe.code().value(), 1.0, mild.code().value(), 1.0);
        java.util.Map<String, java.util.Map<String, Object>> active = report(0.95, 0.99, fullRecall);
        java.util.Map<String, java.util.Map<String, Object>> candidate = report(0.96, 0.99, java.util.Map.of(
                severe.code().value(), 0.75, mild.code().value(), 0.5));
        List<java.util.Map<String, Object>> checks = new ArrayList<>();
        List<String> failures = Gate.compare(candidate, active, k.pathologies(), 0.01, checks);
        assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f).contains(severe.code().value()).contains("severity 1"));
        assertThat(Gate.compare(active, active, k.pathologies(), 0.01, new ArrayList<>())).isEmpty();
        assertThat(Gate.compare(report(0.935, 0.99, fullRecall), active, k.pathologies(), 0.01, new ArrayList<>()))
                .containsExactly("allEvidence top1 0.935 is more than 0.01 below the active 0.95",
                        "halfEvidence top1 0.935 is more than 0.01 below the active 0.95");
    }

    private static java.util.Map<String, java.util.Map<String, Object>> report(double top1, double top5,
                                                                               java.util.Map<String, Double> recall5) {
        java.util.Map<String, Object> r = new java.util.HashMap<>();
        r.put("top1", top1);
        r.put("top5", top5);
        r.put("perPathologyRecallTop5", recall5);
        return java.util.Map.of("allEvidence", r, "halfEvidence", r);
    }

    @Test
    void retrainSampleIsSeededAndKeepsEveryPathology() {
        List<PatientRecord> rows = DdxplusData.readPatients(DATA.resolve("patients-dev.csv"));
        List<PatientRecord> a = Retrainer.sample(rows, 0.2, 5);
        assertThat(Retrainer.sample(rows, 0.2, 5)).isEqualTo(a);
        assertThat(a.size()).isBetween(190, 240);
        assertThat(a.stream().map(PatientRecord::pathology).distinct().count())
                .isEqualTo(rows.stream().map(PatientRecord::pathology).distinct().count());
    }
}

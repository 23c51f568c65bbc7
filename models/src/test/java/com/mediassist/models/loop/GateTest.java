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
 * the severe pathologies carry each other's labels) is refused and cannot be published without a
 * recorded reason; a candidate that loses one severe pathology's recall is refused even though its
 * total accuracy stays within the tolerance; a candidate no worse than the active bundle passes.
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
    void refusesACandidateThatLosesASeverePathologysRecallWhileItsTotalAccuracyStaysWithinTolerance() throws Exception {
        Knowledge k = DdxplusData.buildKnowledge(DATA);
        Pathology favoured = k.pathologyByName("Unstable angina").orElseThrow();
        Pathology relabelled = k.pathologyByName("Possible NSTEMI / STEMI").orElseThrow();
        // Deliberate damage: the NSTEMI/STEMI training patients are labelled unstable angina (a coding
        // error in the confirmed cases), so the candidate's unstable angina grows over its near relatives;
        // everything else is trained on the active bundle's patients.
        List<String> lines = new ArrayList<>(Files.readAllLines(split.baseCsv(), StandardCharsets.UTF_8));
        lines.replaceAll(l -> l.replace("," + relabelled.ddxplusName() + ",", "," + favoured.ddxplusName() + ","));
        Path csv = Files.write(dir.resolve("favoured.csv"), lines, StandardCharsets.UTF_8);
        Path candidate = dir.resolve("favoured");
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", csv.toString(),
                "--out", candidate.toString(), "--bundle-version", "2.1.0")).isZero();

        assertThat(ModelsCli.run("gate", "--candidate", candidate.toString(), "--active", active.toString(),
                "--patients", split.heldOutCsv().toString(), "--tolerance", "0.03")).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(candidate.resolve("gate.json").toFile());
        for (JsonNode check : report.get("checks")) {
            if (check.get("check").asText().matches("(all|half)Evidence\\.top[15]")) {
                assertThat(check.get("ok").asBoolean()).as("within the tolerance: " + check).isTrue();
            }
        }
        assertThat(report.get("failures")).isNotEmpty().allSatisfy(f -> assertThat(f.asText())
                .containsPattern("\\(severity [12]\\) is the top candidate of").doesNotContain(favoured.code().value()));
    }

    @Test
    void holdsTop1AndInDifferentialRecallOfSeverePathologiesWithoutTolerance() {
        Knowledge k = DdxplusData.buildKnowledge(DATA);
        Pathology severe = k.pathologies().stream().filter(p -> p.severity() == 1).findFirst().orElseThrow();
        Pathology mild = k.pathologies().stream().filter(p -> p.severity() == 5).findFirst().orElseThrow();
        java.util.Map<String, Double> full = java.util.Map.of(severe.code().value(), 1.0, mild.code().value(), 1.0);
        java.util.Map<String, Double> worse = java.util.Map.of(severe.code().value(), 0.75, mild.code().value(), 0.5);
        java.util.Map<String, java.util.Map<String, Object>> active = report(0.95, 0.99, full, full);
        // better overall, one severe patient fewer at the top: refused in both modes
        List<String> top1 = Gate.compare(report(0.96, 0.99, worse, full), active, k.pathologies(), 0.01, new ArrayList<>());
        assertThat(top1).hasSize(2).allSatisfy(f -> assertThat(f).contains(severe.code().value()).contains("severity 1")
                .contains("is the top candidate of 0.75"));
        // the same at the top, one severe patient fewer in the differential: refused too
        List<String> top5 = Gate.compare(report(0.96, 0.99, full, worse), active, k.pathologies(), 0.01, new ArrayList<>());
        assertThat(top5).hasSize(2).allSatisfy(f -> assertThat(f).contains(severe.code().value()).contains("is in the differential of 0.75"));
        assertThat(Gate.compare(active, active, k.pathologies(), 0.01, new ArrayList<>())).isEmpty();
        assertThat(Gate.compare(report(0.935, 0.99, full, full), active, k.pathologies(), 0.01, new ArrayList<>()))
                .containsExactly("allEvidence top1 0.935 is more than 0.01 below the active 0.95",
                        "halfEvidence top1 0.935 is more than 0.01 below the active 0.95");
    }

    private static java.util.Map<String, java.util.Map<String, Object>> report(double top1, double top5,
                                                                               java.util.Map<String, Double> recall1,
                                                                               java.util.Map<String, Double> recall5) {
        java.util.Map<String, Object> r = new java.util.HashMap<>();
        r.put("top1", top1);
        r.put("top5", top5);
        r.put("perPathologyRecall", recall1);
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

package com.mediassist.models.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.Evaluator;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety gate on held-out patients: a deliberately degraded candidate (the training patients of
 * the severe pathologies carry each other's labels) is refused and cannot be published without a
 * recorded reason; a candidate that loses a severe pathology is refused even though its total
 * accuracy stays within the tolerance; a candidate no worse than the active bundle passes; a severe
 * pathology's recall counts as lower only beyond sampling noise (paired sign test) or when it is lost.
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
        Pathology relabelled = k.pathologyByName("Stable angina").orElseThrow();
        // Deliberate damage: a clinic coded its stable angina as unstable angina, and its confirmed cases came
        // in five times over; so the candidate's unstable angina grows over its near relatives (a loss of
        // recall well beyond chance). Everything else is trained on the active bundle's patients, so the
        // totals hardly move.
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(split.baseCsv(), StandardCharsets.UTF_8)) {
            String coded = l.replace("," + relabelled.ddxplusName() + ",", "," + favoured.ddxplusName() + ",");
            for (int i = 0; i < (coded.equals(l) ? 1 : 5); i++) {
                lines.add(coded);
            }
        }
        Path csv = Files.write(dir.resolve("favoured.csv"), lines, StandardCharsets.UTF_8);
        Path candidate = dir.resolve("favoured");
        assertThat(ModelsCli.run("bundle", "--data", DATA.toString(), "--patients", csv.toString(),
                "--out", candidate.toString(), "--bundle-version", "2.1.0")).isZero();

        // evaluated on every development patient neither bundle trained on (835; 14 of stable angina): with the 3–4
        // of one held-out fold no loss short of every patient can be told from chance
        List<String> base = Files.readAllLines(split.baseCsv(), StandardCharsets.UTF_8);
        List<String> pool = new ArrayList<>(Files.readAllLines(DATA.resolve("patients-dev.csv"), StandardCharsets.UTF_8));
        pool.removeAll(base.subList(1, base.size()));
        Path unseen = Files.write(dir.resolve("unseen.csv"), pool, StandardCharsets.UTF_8);
        assertThat(ModelsCli.run("gate", "--candidate", candidate.toString(), "--active", active.toString(),
                "--patients", unseen.toString(), "--tolerance", "0.03")).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(candidate.resolve("gate.json").toFile());
        for (JsonNode check : report.get("checks")) {
            if (check.get("check").asText().matches("(all|half)Evidence\\.top[15]")) {
                assertThat(check.get("ok").asBoolean()).as("within the tolerance: " + check).isTrue();
            }
        }
        assertThat(report.get("failures")).isNotEmpty().allSatisfy(f -> assertThat(f.asText())
                .containsPattern("\\(severity [12]\\) is the top candidate of [0-9.]+ of its patients, the active bundle [0-9.]+: "
                        + "\\d+ lost, \\d+ gained, one-sided sign test p = 0\\.0[0-4]\\d* < 0.05")
                .doesNotContain(favoured.code().value()));
    }

    @Test
    void aSeverePathologyThatLosesOnePatientOfFourIsWithinSamplingNoise() {
        var active = report(0.95, severeOutcomes(4, 4, 0, 4));
        var oneFewer = report(0.96, severeOutcomes(4, 3, 1, 4));
        List<Map<String, Object>> made = new ArrayList<>();
        assertThat(Gate.compare(oneFewer, active, K.pathologies(), 0.01, made)).isEmpty();
        Map<String, Object> recall = made.stream().filter(m -> m.get("check").toString().contains(".recall[" + SEVERE.code().value()))
                .findFirst().orElseThrow();
        assertThat(recall).containsEntry("patients", 8).containsEntry("lost", 2).containsEntry("gained", 0)
                .containsEntry("pValue", 0.25).containsEntry("ok", true);
    }

    @Test
    void refusesASeverePathologyNoLongerFoundForAnyOfItsPatientsHoweverFewTheyAre() {
        var active = report(0.95, severeOutcomes(1, 1, 0, 4));
        var gone = report(0.96, severeOutcomes(1, 0, 1, 4));
        assertThat(Gate.compare(gone, active, K.pathologies(), 0.01, new ArrayList<>()))
                .containsExactly("allEvidence, halfEvidence: " + SEVERE.code().value() + " (severity 1) is the top candidate of"
                        + " none of its patients, the active bundle 1.0 (2 lost, 0 gained)");
    }

    @Test
    void refusesASevereRecallDropBeyondChanceAndTheSameInTheDifferential() {
        var active = report(0.95, severeOutcomes(12, 12, 0, 4));
        // half its patients fall from the top into the differential: top-1 recall 0.5, a drop no chance explains
        List<String> top1 = Gate.compare(report(0.95, severeOutcomes(12, 6, 6, 4)), active, K.pathologies(), 0.01, new ArrayList<>());
        assertThat(top1).singleElement().satisfies(f -> assertThat(f).contains(SEVERE.code().value()).contains("severity 1")
                .contains("is the top candidate of 0.5").contains("12 lost, 0 gained").contains("p = 0.0002 < 0.05"));
        // half its patients fall out of the differential too
        List<String> both = Gate.compare(report(0.95, severeOutcomes(12, 6, 0, 4)), active, K.pathologies(), 0.01, new ArrayList<>());
        assertThat(both).hasSize(2).anySatisfy(f -> assertThat(f).contains("is in the differential of 0.5"));
        // a mild pathology's patients count only in the totals
        assertThat(Gate.compare(report(0.95, severeOutcomes(12, 12, 0, 0)), active, K.pathologies(), 0.01, new ArrayList<>())).isEmpty();
        assertThat(Gate.compare(active, active, K.pathologies(), 0.01, new ArrayList<>())).isEmpty();
        assertThat(Gate.compare(report(0.935, severeOutcomes(12, 12, 0, 4)), active, K.pathologies(), 0.01, new ArrayList<>()))
                .containsExactly("allEvidence top1 0.935 is more than 0.01 below the active 0.95",
                        "halfEvidence top1 0.935 is more than 0.01 below the active 0.95");
    }

    @Test
    void theSignTestIsTheExactBinomialTail() {
        assertThat(Gate.signTest(0, 3)).isEqualTo(1.0);
        assertThat(Gate.signTest(1, 0)).isEqualTo(0.5);
        assertThat(Gate.signTest(4, 0)).isEqualTo(0.0625);
        assertThat(Gate.signTest(5, 0)).isEqualTo(0.03125);
        assertThat(Gate.signTest(1, 1)).isEqualTo(0.75);
        assertThat(Gate.signTest(9, 1)).isCloseTo(11.0 / 1024, org.assertj.core.api.Assertions.within(1e-12));
    }

    static final Knowledge K = DdxplusData.buildKnowledge(DATA);
    static final Pathology SEVERE = K.pathologies().stream().filter(p -> p.severity() == 1).findFirst().orElseThrow();
    static final Pathology MILD = K.pathologies().stream().filter(p -> p.severity() == 5).findFirst().orElseThrow();

    /**
     * One mode's patients: {@code severe} of the severe pathology, the first {@code top} at rank 0, the
     * next {@code inDifferential} at rank 2, the rest at rank 7; then four of a mild one, the first
     * {@code mildTop} at rank 0, the rest at rank 9.
     */
    private static List<Evaluator.Outcome> severeOutcomes(int severe, int top, int inDifferential, int mildTop) {
        List<Evaluator.Outcome> out = new ArrayList<>();
        for (int i = 0; i < severe; i++) {
            out.add(new Evaluator.Outcome(SEVERE.code().value(), i < top ? 0 : i < top + inDifferential ? 2 : 7));
        }
        for (int i = 0; i < 4; i++) {
            out.add(new Evaluator.Outcome(MILD.code().value(), i < mildTop ? 0 : 9));
        }
        return out;
    }

    private static Map<String, Map<String, Object>> report(double top1, List<Evaluator.Outcome> outcomes) {
        Map<String, Object> r = new HashMap<>();
        r.put("top1", top1);
        r.put("top5", 0.99);
        r.put(Gate.OUTCOMES, outcomes);
        return Map.of("allEvidence", r, "halfEvidence", r);
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

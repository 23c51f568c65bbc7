package com.mediassist.models;

import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.loop.FleetCases;
import com.mediassist.models.loop.Retrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learning loop under k-anonymity, imitated in process for quick estimator experiments
 * ({@code bin/bench-fleet loop-k [K] [SPLIT_SEED] [FOLDS]}, default 5, 7, 1,2,3,4): the clinics'
 * release is imitated as the sync agent's planner does it for clinics of ~125 consultations in one
 * week — five clinics take the fleet patients in turn, a diagnosis with at least K consultations in a
 * clinic leaves with age band and sex suppressed, the rest leave as week and category only, which
 * the trainer does not learn from, so they are left out here — and the retrained bundle is compared with the base one on
 * the held-out fold. No HTTP, signing or appliance: the real path is {@code loop-appliance}. The split
 * seed lets estimator choices be made on a partition other than the reported one (20260101).
 */
public final class KAnonymousLoopBenchmark {

    private KAnonymousLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        String[] folds = (args.length > 2 ? args[2] : "1,2,3,4").split(",");
        Path data = Path.of("models/src/main/data/ddxplus");
        Knowledge knowledge = DdxplusData.buildKnowledge(data);
        Path dir = Files.createTempDirectory("mediassist-k-loop");
        long t0 = System.nanoTime();
        List<Map<String, double[][]>> runs = new ArrayList<>();
        for (String f : folds) {
            int fold = Integer.parseInt(f);
            LearningLoop.Split s = LearningLoop.split(data.resolve("patients-dev.csv"), dir.resolve("fold-" + fold), seed, fold);
            List<PatientRecord> released = released(s.fleet(), 5, k);
            System.out.printf("split seed %d, held-out fold %d, k = %d: %d of %d fleet cases released, %d pathologies%n", seed, fold, k,
                    released.size(), s.fleet().size(), released.stream().map(PatientRecord::pathology).distinct().count());
            Path before = dir.resolve("fold-" + fold + "-base");
            Path after = dir.resolve("fold-" + fold + "-retrained");
            for (Path out : List.of(before, after)) {
                List<PatientRecord> fleet = out == before ? List.of() : released;
                FleetCases cases = new FleetCases(fleet, fleet.size(), 5, new TreeSet<>(List.of("2026-W48")), Map.of(), fleet.size(), 0,
                        List.of(), "imitated", 0);
                Retrainer.retrain(knowledge, s.base(), cases, TrainerSettings.defaults().seed(), List.of(), out, "2.1.0",
                        ModelsCli.MIN_APPLIANCE_VERSION, Instant.EPOCH);
            }
            Map<String, double[]> b = LearningLoop.heldOut(before, s, 5);
            Map<String, double[]> a = LearningLoop.heldOut(after, s, 5);
            Map<String, double[][]> run = new LinkedHashMap<>();
            b.forEach((mode, x) -> {
                run.put(mode, new double[][]{x, a.get(mode)});
                System.out.printf(java.util.Locale.ROOT, "  %s: top-1 %.2f -> %.2f %%%n", mode, 100 * x[0], 100 * a.get(mode)[0]);
            });
            runs.add(run);
            System.out.printf(java.util.Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        }
        LoopBenchmark.printPooled(runs);
    }

    /** What leaves {@code clinics} clinics (patients taken in turn) when a diagnosis needs {@code k} cases a clinic. */
    static List<PatientRecord> released(List<PatientRecord> fleet, int clinics, int k) {
        List<PatientRecord> out = new ArrayList<>();
        for (int c = 0; c < clinics; c++) {
            Map<String, List<PatientRecord>> byDiagnosis = new TreeMap<>();
            for (int r = c; r < fleet.size(); r += clinics) {
                byDiagnosis.computeIfAbsent(fleet.get(r).pathology(), x -> new ArrayList<>()).add(fleet.get(r));
            }
            for (List<PatientRecord> group : byDiagnosis.values()) {
                if (group.size() >= k) {
                    group.forEach(p -> out.add(PatientRecord.of(Optional.empty(), Optional.empty(), p.pathology(), p.evidences(),
                            p.initial())));
                }
            }
        }
        return out;
    }
}

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learning loop under k-anonymity, imitated in process for quick estimator and release-rule
 * experiments ({@code bin/bench-fleet loop-k [K] [SPLIT_SEED] [FOLDS] [ROWS]}, default 5, 7, 1,2,3,4,
 * all rows). Per held-out fold it trains and evaluates, on the same held-out patients with the same
 * evaluator ({@link LearningLoop#heldOut}), one bundle per row:
 * <ul>
 *   <li>{@code base}: fold 0 only (the active bundle);</li>
 *   <li>{@code week-5x1}: the release of sync protocol v1 as the box's planner does it for five clinics
 *       whose share of the fleet patients (taken in turn, ~125 each) is one week: per clinic-week,
 *       groups of ≥ K equal on age band, sex and diagnosis leave with them, then groups of ≥ K of one
 *       diagnosis leave without age band and sex; the rest leave as week and category (not trained on)
 *       or not at all, so they are left out here;</li>
 *   <li>{@code week-1x4}: the same rule for one clinic whose fleet patients (~157 a week) span four weeks;</li>
 *   <li>{@code period-1x4}: that clinic under the 4-week release period of sync protocol v2: the same
 *       weekly stages, then what they held is regrouped over the 4-week period, diagnosis groups of
 *       ≥ K leave without age band and sex;</li>
 *   <li>{@code all}: every fleet case leaves with age band and sex (no anonymity, as k = 1), through
 *       the retrainer (fleet cases teach evidence frequencies, the prior stays with the base);</li>
 *   <li>{@code upper}: the upper bound of this model family on the fold: the shipped trainer on the
 *       base and every fleet patient as base patients (prior included), nothing anonymised.</li>
 * </ul>
 * No HTTP, signing or appliance: the real path is {@code loop-appliance}. The split seed lets choices be
 * made on a partition other than the reported one (20260101).
 */
public final class KAnonymousLoopBenchmark {

    /** The rows, in order. */
    static final List<String> ROWS = List.of("base", "week-5x1", "week-1x4", "period-1x4", "all", "upper");

    private KAnonymousLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        String[] folds = (args.length > 2 ? args[2] : "1,2,3,4").split(",");
        List<String> rows = args.length > 3 ? List.of(args[3].split(",")) : ROWS;
        if (!rows.contains("base") || !ROWS.containsAll(rows)) {
            throw new IllegalArgumentException("rows must include base and be among " + ROWS + ", found " + rows);
        }
        Path data = Path.of("models/src/main/data/ddxplus");
        Knowledge knowledge = DdxplusData.buildKnowledge(data);
        Path dir = Files.createTempDirectory("mediassist-k-loop");
        long t0 = System.nanoTime();
        Map<String, List<Map<String, double[]>>> results = new LinkedHashMap<>();
        for (String f : folds) {
            int fold = Integer.parseInt(f);
            LearningLoop.Split s = LearningLoop.split(data.resolve("patients-dev.csv"), dir.resolve("fold-" + fold), seed, fold);
            for (String row : rows) {
                Optional<List<PatientRecord>> fleet = switch (row) {
                    case "base" -> Optional.of(List.of());
                    case "week-5x1" -> Optional.of(released(s.fleet(), 5, 1, false, k));
                    case "week-1x4" -> Optional.of(released(s.fleet(), 1, 4, false, k));
                    case "period-1x4" -> Optional.of(released(s.fleet(), 1, 4, true, k));
                    case "all" -> Optional.of(s.fleet().stream().map(KAnonymousLoopBenchmark::banded).toList());
                    default -> Optional.empty();
                };
                List<PatientRecord> base = fleet.isPresent() ? s.base()
                        : java.util.stream.Stream.concat(s.base().stream(), s.fleet().stream()).toList();
                List<PatientRecord> cases = fleet.orElse(List.of());
                Path out = dir.resolve("fold-" + fold + "-" + row);
                FleetCases fc = new FleetCases(cases, cases.size(), 5, new TreeSet<>(List.of("2026-W48")), Map.of(),
                        (int) cases.stream().filter(p -> !p.demographicsKnown()).count(), 0, List.of(), "imitated", 0);
                Retrainer.retrain(knowledge, base, fc, TrainerSettings.defaults().seed(), List.of(), out, "2.1.0",
                        ModelsCli.MIN_APPLIANCE_VERSION, Instant.EPOCH);
                Map<String, double[]> r = LearningLoop.heldOut(out, s, 5);
                results.computeIfAbsent(row, x -> new ArrayList<>()).add(r);
                System.out.printf(Locale.ROOT, "split seed %d, held-out fold %d, k = %d, %s: %d of %d fleet cases trained on, "
                        + "%d pathologies; top-1 %s (%.0f s)%n", seed, fold, k, row, fleet.isPresent() ? cases.size() : s.fleet().size(),
                        s.fleet().size(), (fleet.isPresent() ? cases : s.fleet()).stream().map(PatientRecord::pathology).distinct().count(),
                        top1(r), (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf("pooled over %d held-out folds, top-1 (top-5) %%, k = %d:%n", folds.length, k);
        List<String> modes = List.copyOf(results.get("base").get(0).keySet());
        System.out.println("| row | " + String.join(" | ", modes) + " |");
        System.out.println("|---" + "|---".repeat(modes.size()) + "|");
        results.forEach((row, runs) -> {
            StringBuilder line = new StringBuilder("| " + row + " |");
            for (String mode : modes) {
                double t1 = runs.stream().mapToDouble(r -> r.get(mode)[0]).average().orElseThrow();
                double t5 = runs.stream().mapToDouble(r -> r.get(mode)[1]).average().orElseThrow();
                line.append(String.format(Locale.ROOT, " %.2f (%.2f) |", 100 * t1, 100 * t5));
            }
            System.out.println(line);
        });
    }

    private static String top1(Map<String, double[]> r) {
        StringBuilder b = new StringBuilder();
        r.forEach((mode, x) -> b.append(String.format(Locale.ROOT, "%s%.2f", b.isEmpty() ? "" : " / ", 100 * x[0])));
        return b.toString();
    }

    /** A fleet case as it leaves with its demographics: the age is the middle of its 5-year band. */
    static PatientRecord banded(PatientRecord p) {
        int age = p.age() >= 90 ? 92 : p.age() / 5 * 5 + 2;
        return PatientRecord.of(Optional.of(age), Optional.of(p.sex()), p.pathology(), p.evidences(), p.initial());
    }

    private static PatientRecord suppressed(PatientRecord p) {
        return PatientRecord.of(Optional.empty(), Optional.empty(), p.pathology(), p.evidences(), p.initial());
    }

    /**
     * What leaves {@code clinics} clinics (patients taken in turn) whose patients span {@code weeks} weeks
     * (taken in turn within the clinic), as the planner releases it: per clinic-week groups of at least
     * {@code k} equal on age band, sex and diagnosis, then on diagnosis alone (demographics suppressed);
     * with {@code period}, what those held is regrouped by diagnosis over the clinic's weeks.
     */
    static List<PatientRecord> released(List<PatientRecord> fleet, int clinics, int weeks, boolean period, int k) {
        List<PatientRecord> out = new ArrayList<>();
        for (int c = 0; c < clinics; c++) {
            List<PatientRecord> heldInPeriod = new ArrayList<>();
            for (int w = 0; w < weeks; w++) {
                List<PatientRecord> week = new ArrayList<>();
                int n = 0;
                for (int r = c; r < fleet.size(); r += clinics) {
                    if (n++ % weeks == w) {
                        week.add(fleet.get(r));
                    }
                }
                Map<String, List<PatientRecord>> byDemographics = new TreeMap<>();
                for (PatientRecord p : week) {
                    PatientRecord b = banded(p);
                    byDemographics.computeIfAbsent(b.age() + "|" + b.sex() + "|" + p.pathology(), x -> new ArrayList<>()).add(b);
                }
                Map<String, List<PatientRecord>> byDiagnosis = new TreeMap<>();
                for (List<PatientRecord> group : byDemographics.values()) {
                    if (group.size() >= k) {
                        out.addAll(group);
                    } else {
                        group.forEach(p -> byDiagnosis.computeIfAbsent(p.pathology(), x -> new ArrayList<>()).add(suppressed(p)));
                    }
                }
                for (List<PatientRecord> group : byDiagnosis.values()) {
                    (group.size() >= k ? out : heldInPeriod).addAll(group);
                }
            }
            if (period) {
                Map<String, List<PatientRecord>> byDiagnosis = new TreeMap<>();
                heldInPeriod.forEach(p -> byDiagnosis.computeIfAbsent(p.pathology(), x -> new ArrayList<>()).add(p));
                byDiagnosis.values().stream().filter(g -> g.size() >= k).forEach(out::addAll);
            }
        }
        return out;
    }
}

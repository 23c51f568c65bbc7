package com.mediassist.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The learning loop, measured ({@code bin/bench-fleet loop [DATA]}): runs {@link LearningLoop} with the
 * protocol-built clinics four times, holding out each of the folds 1–4 in turn (the clinics sign off
 * the other three), and prints each run's and the pooled held-out before/after table (all, half, quarter
 * evidence, interactive; partial modes over 5 evidence seeds): every non-base patient is held out once,
 * 836 evaluation patients instead of 208, where one patient moves a single run's top-1 by 0.5 point.
 */
public final class LoopBenchmark {

    private LoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "models/src/main/data/ddxplus");
        Path dir = Files.createTempDirectory("mediassist-loop");
        long t0 = System.nanoTime();
        List<Map<String, double[][]>> runs = new ArrayList<>();
        for (int fold = 1; fold <= 4; fold++) {
            LearningLoop.Run run = LearningLoop.run(data, dir.resolve("fold-" + fold), LearningLoop.PROTOCOL_CLINICS, 5, fold);
            runs.add(print(run, t0));
        }
        printPooled(runs);
    }

    /** Prints the before/after table pooled over runs (each run holds out a different fold of about the same size). */
    public static void printPooled(List<Map<String, double[][]>> runs) {
        System.out.println("pooled over " + runs.size() + " held-out folds:");
        System.out.println("| held-out mode | before top-1 | after top-1 | before top-5 | after top-5 |");
        System.out.println("|---|---|---|---|---|");
        for (String mode : runs.get(0).keySet()) {
            double[] sum = new double[4];
            for (Map<String, double[][]> r : runs) {
                double[][] ba = r.get(mode);
                sum[0] += ba[0][0] / runs.size();
                sum[1] += ba[1][0] / runs.size();
                sum[2] += ba[0][1] / runs.size();
                sum[3] += ba[1][1] / runs.size();
            }
            System.out.printf(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.2f %% | %.2f %% |%n", mode, 100 * sum[0], 100 * sum[1],
                    100 * sum[2], 100 * sum[3]);
        }
    }

    /**
     * Prints the run's sizes, the held-out before/after table (5 evidence seeds) and the gate's verdict.
     *
     * @return by mode: {before {top1, top5}, after {top1, top5}}
     */
    public static Map<String, double[][]> print(LearningLoop.Run run, long t0) {
        System.out.printf(Locale.ROOT, "loop ran in %.1f s: base %d, fleet %d, held-out %d patients; gate exit %d, publish exit %d%n",
                (System.nanoTime() - t0) / 1e9, run.split().base().size(), run.split().fleet().size(),
                run.split().heldOut().size(), run.gateExit(), run.publishExit());
        Map<String, double[]> before = LearningLoop.heldOut(run.active(), run.split(), 5);
        Map<String, double[]> after = LearningLoop.heldOut(run.candidate(), run.split(), 5);
        System.out.println("| held-out mode | before top-1 | after top-1 | before top-5 | after top-5 |");
        System.out.println("|---|---|---|---|---|");
        for (String mode : before.keySet()) {
            double[] b = before.get(mode);
            double[] a = after.get(mode);
            System.out.printf(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.2f %% | %.2f %% |%n", mode, 100 * b[0], 100 * a[0], 100 * b[1], 100 * a[1]);
        }
        System.out.println("gate: " + run.gate().get("passed") + " " + run.gate().get("failures"));
        Map<String, double[][]> out = new LinkedHashMap<>();
        before.forEach((mode, b) -> out.put(mode, new double[][]{b, after.get(mode)}));
        return out;
    }

}

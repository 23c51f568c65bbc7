package com.mediassist.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The learning loop, measured ({@code bin/bench-fleet loop [DATA]}): runs {@link LearningLoop} with the
 * protocol-built clinics and prints the held-out before/after table (all, half, quarter evidence,
 * interactive), each partial mode over 5 evidence seeds.
 */
public final class LoopBenchmark {

    private LoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "models/src/main/data/ddxplus");
        Path dir = Files.createTempDirectory("mediassist-loop");
        long t0 = System.nanoTime();
        LearningLoop.Run run = LearningLoop.run(data, dir, LearningLoop.PROTOCOL_CLINICS, 5);
        print(run, t0);
    }

    /** Prints the run's sizes, the held-out before/after table (5 evidence seeds) and the gate's verdict. */
    public static void print(LearningLoop.Run run, long t0) {
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
    }

}

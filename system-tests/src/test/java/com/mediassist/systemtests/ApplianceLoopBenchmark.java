package com.mediassist.systemtests;

import com.mediassist.models.LearningLoop;
import com.mediassist.models.LoopBenchmark;
import com.mediassist.models.fleet.FleetService;
import com.mediassist.sync.upload.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learning loop measured through the real path ({@code bin/bench-fleet loop-appliance [K] [DATA] [all|4] [CLINICS]};
 * {@code all} repeats it holding out each of the folds 1–4 in turn and pools the table, else fold 4):
 * {@code CLINICS} (default five) packaged appliances sign off the fleet fold over REST, their sync agents
 * (k-anonymity threshold K, default 5 as in production) upload past the release period, then retrain,
 * gate and publish; prints what left the boxes and the held-out before/after table. The appliances sign
 * off in real time, so one clinic's consultations are one week: fewer clinics make a larger release
 * window (one clinic of the ~627 fleet patients is the 4-week period of a clinic of ~157 a week, all
 * in one group window). Needs {@code appliance/target/quarkus-app}.
 */
public final class ApplianceLoopBenchmark {

    private ApplianceLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path data = Path.of(args.length > 1 ? args[1] : "models/src/main/data/ddxplus");
        Path dir = Files.createTempDirectory("mediassist-appliance-loop");
        int[] folds = args.length > 2 && args[2].equals("all") ? new int[]{1, 2, 3, 4} : new int[]{4};
        int clinicCount = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long t0 = System.nanoTime();
        List<Map<String, double[][]>> runs = new ArrayList<>();
        for (int fold : folds) {
            ApplianceClinics clinics = new ApplianceClinics(Files.createDirectories(dir.resolve("clinics-" + fold)), k);
            LearningLoop.Run run = LearningLoop.run(data, dir.resolve("loop-" + fold), clinics, clinicCount, fold);
            FleetService.Stats stats = FleetService.stats(run.vendorDir(), "file");
            System.out.printf("held-out fold %d, k = %d, %d clinics: %d consultations signed off through the appliances; %d events left "
                    + "the boxes (%d batches, refusals %s); the rest expired (k-anonymity)%n", fold, k, clinicCount, clinics.signedOff,
                    clinics.uploads.stream().mapToInt(RunResult::eventsSent).sum(), stats.batches(), stats.refusals());
            runs.add(LoopBenchmark.print(run, t0));
        }
        if (runs.size() > 1) {
            LoopBenchmark.printPooled(runs);
        }
    }
}

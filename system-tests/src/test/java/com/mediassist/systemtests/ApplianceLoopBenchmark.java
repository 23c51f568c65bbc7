package com.mediassist.systemtests;

import com.mediassist.models.LearningLoop;
import com.mediassist.models.LoopBenchmark;
import com.mediassist.models.fleet.FleetService;
import com.mediassist.sync.upload.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The learning loop measured through the real path ({@code bin/bench-fleet loop-appliance [K] [DATA]}):
 * five packaged appliances sign off the fleet fold over REST, their sync agents (k-anonymity
 * threshold K, default 5 as in production) upload, then retrain, gate and publish; prints what left
 * the boxes and the held-out before/after table. Needs {@code appliance/target/quarkus-app}.
 */
public final class ApplianceLoopBenchmark {

    private ApplianceLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path data = Path.of(args.length > 1 ? args[1] : "models/src/main/data/ddxplus");
        Path dir = Files.createTempDirectory("mediassist-appliance-loop");
        long t0 = System.nanoTime();
        ApplianceClinics clinics = new ApplianceClinics(Files.createDirectories(dir.resolve("clinics")), k);
        LearningLoop.Run run = LearningLoop.run(data, dir.resolve("loop"), clinics, 5);
        FleetService.Stats stats = FleetService.stats(run.vendorDir(), "file");
        System.out.printf("k = %d: %d consultations signed off through the appliances; %d events left the boxes "
                + "(%d batches, refusals %s); the rest are held for k-anonymity%n", k, clinics.signedOff,
                clinics.uploads.stream().mapToInt(RunResult::eventsSent).sum(), stats.batches(), stats.refusals());
        LoopBenchmark.print(run, t0);
    }
}

package com.mediassist.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.LearningLoop;
import com.mediassist.models.fleet.FileIngestLog;
import com.mediassist.models.fleet.FleetHttpServer;
import com.mediassist.models.fleet.FleetService;
import com.mediassist.models.tuf.TufRepository;
import com.mediassist.sync.ota.BundleRef;
import com.mediassist.sync.ota.BundleStore;
import com.mediassist.sync.ota.BundleUpdates;
import com.mediassist.sync.ota.OtaOptions;
import com.mediassist.sync.tuf.UrlFetcher;
import com.mediassist.sync.upload.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning loop through the real components: base bundle on 20 % of the development patients;
 * five clinics, each the packaged appliance, sign off consultations of the fleet fold through the
 * REST API with the doctor confirming the true diagnosis; each box's real sync agent uploads to the
 * real fleet service; {@code retrain}, {@code gate}, {@code keys init}, {@code publish}; then a box's
 * OTA client trusts the vendor's root and pulls, verifies, golden-checks and activates the new bundle.
 */
class LearningLoopIT {

    static final Path DATA = Path.of("../models/src/main/data/ddxplus");

    @TempDir
    Path dir;

    @Test
    void consultationsSignedOffOnFiveAppliancesImproveTheBundleThatTheBoxesThenPull() throws Exception {
        ApplianceJar.jar();
        // k = 1: with the production k = 5 a clinic of ~125 consultations a week over 49 pathologies
        // releases only the diagnoses it saw at least five times (about a third of the cases, 8-10
        // common pathologies, without age band and sex); the gain that leaves is small and measured over
        // four held-out folds by `bin/bench-fleet loop-appliance 5 models/src/main/data/ddxplus all`
        // (BENCHMARKS.md), not asserted on one fold here.
        ApplianceClinics clinics = new ApplianceClinics(Files.createDirectories(dir.resolve("clinics")), 1);
        LearningLoop.Run run = LearningLoop.run(DATA, dir.resolve("loop"), clinics, 5);

        assertThat(clinics.signedOff).isEqualTo(run.split().fleet().size());
        assertThat(clinics.uploads).hasSize(5).allMatch(RunResult::complete);
        int sent = clinics.uploads.stream().mapToInt(RunResult::eventsSent).sum();
        FleetService.Stats stats = FleetService.stats(run.vendorDir(), "file");
        assertThat(stats.refusals()).isEmpty();
        assertThat(stats.clinics()).isEqualTo(5);
        assertThat(stats.events()).isEqualTo(sent).isGreaterThanOrEqualTo(clinics.signedOff);

        JsonNode gate = run.gate();
        assertThat(run.gateExit()).as(gate.toString()).isZero();
        assertThat(gate.get("passed").asBoolean()).isTrue();
        assertThat(run.publishExit()).isZero();
        Map<String, double[]> before = LearningLoop.heldOut(run.active(), run.split(), 5);
        Map<String, double[]> after = LearningLoop.heldOut(run.candidate(), run.split(), 5);
        System.out.printf("loop through the appliance: %d signed off, %d events sent, %d batches; held-out top-1/top-5 before -> after:%n",
                clinics.signedOff, sent, stats.batches());
        before.forEach((mode, b) -> System.out.printf("  %s: %.4f/%.4f -> %.4f/%.4f%n", mode, b[0], b[1], after.get(mode)[0], after.get(mode)[1]));
        // One held-out fold (208 patients: one patient is 0.5 points, and the interactive mode moves with the
        // calibration temperature), so per mode only "not worse", and a gain over the modes together; the
        // strict gain in every mode, pooled over four folds, is LearningLoopTest's and BENCHMARKS.md's.
        double gain = 0;
        for (String mode : before.keySet()) {
            assertThat(after.get(mode)[0]).as(mode + " top-1").isGreaterThanOrEqualTo(before.get(mode)[0]);
            gain += after.get(mode)[0] - before.get(mode)[0];
        }
        assertThat(gain).as("top-1 gained over the modes together").isGreaterThan(0);
        assertThat(after.get("quarter evidence (seeds)")[0]).as("quarter evidence top-1")
                .isGreaterThan(before.get("quarter evidence (seeds)")[0]);

        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        Path box = dir.resolve("clinics/clinic-1");
        try (FleetService service = new FleetService(run.vendorDir(), knowledge, new FileIngestLog(run.vendorDir()));
             FleetHttpServer server = new FleetHttpServer("127.0.0.1", 0, service, TufRepository.repository(run.vendorDir()), 4)) {
            BundleUpdates ota = new BundleUpdates(new OtaOptions(Optional.of("http://127.0.0.1:" + server.port() + "/repository/"),
                    "ddxplus-diagnosis", "2.0.0", "0.1.0", 3, DiagnosisOptions.defaults()), new BundleStore(box),
                    UrlFetcher.defaults(), Clock.systemUTC());
            ota.trust(TufRepository.repository(run.vendorDir()).resolve("metadata/1.root.json"));
            assertThat(ota.update().map(BundleRef::version)).hasValue("2.1.0");
            assertThat(ota.runnable()).hasValueSatisfying(v -> assertThat(v.manifest().version()).isEqualTo("2.1.0"));
        }
    }
}

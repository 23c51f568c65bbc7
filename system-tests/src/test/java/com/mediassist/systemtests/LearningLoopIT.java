package com.mediassist.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.LearningLoop;
import com.mediassist.models.fleet.Batch;
import com.mediassist.models.fleet.FleetEvent;
import com.mediassist.models.loop.FleetCases;
import com.mediassist.models.loop.Gate;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning loop through the real components: base bundle on 20 % of the development patients;
 * five clinics, each the packaged appliance, sign off consultations of the fleet fold through the
 * REST API with the doctor confirming the true diagnosis; each box's real sync agent, at the production
 * k-anonymity k = 5, uploads to the real fleet service; {@code retrain}, {@code gate}, {@code keys init}, {@code publish}; then a box's
 * OTA client trusts the vendor's root and pulls, verifies, golden-checks and activates the new bundle.
 */
class LearningLoopIT {

    static final Path DATA = Path.of("../models/src/main/data/ddxplus");

    @TempDir
    Path dir;

    @Test
    void consultationsSignedOffOnFiveAppliancesAtTheProductionKRetrainABundleNoWorseThatTheBoxesThenPull() throws Exception {
        ApplianceJar.jar();
        // The production k = 5. The appliances sign off in real time, so each clinic's ~125 consultations fall
        // in one week (and one release period): about a third leave with a diagnosis (the diagnoses a clinic
        // saw at least five times), the rest as categories or not at all. The gain that leaves is within a
        // patient or two on one fold of 208 (BENCHMARKS.md pools four folds), so per mode this asserts only
        // what cannot flake: not worse beyond the gate's tolerance, and that the boxes released something
        // diagnosed, in groups of at least k.
        ApplianceClinics clinics = new ApplianceClinics(Files.createDirectories(dir.resolve("clinics")), 5);
        LearningLoop.Run run = LearningLoop.run(DATA, dir.resolve("loop"), clinics, 5);

        assertThat(clinics.signedOff).isEqualTo(run.split().fleet().size());
        assertThat(clinics.uploads).hasSize(5).allMatch(RunResult::complete);
        int sent = clinics.uploads.stream().mapToInt(RunResult::eventsSent).sum();
        FleetService.Stats stats = FleetService.stats(run.vendorDir(), "file");
        assertThat(stats.refusals()).isEmpty();
        assertThat(stats.clinics()).isEqualTo(5);
        assertThat(stats.events()).isEqualTo(sent).isPositive();
        Knowledge knowledge = DdxplusData.buildKnowledge(DATA);
        List<Batch> batches;
        try (FleetService service = new FleetService(run.vendorDir(), knowledge, new FileIngestLog(run.vendorDir()))) {
            batches = service.batches();
        }
        Map<List<String>, Long> groups = new HashMap<>();
        for (Batch b : batches) {
            for (FleetEvent e : b.events()) {
                if (e instanceof FleetEvent.ConsultationSignedOff c) {
                    groups.merge(List.of(b.clinicId(), c.ageBand().orElse(""), c.sex().orElse(""), c.finalDiagnosis().orElse(""),
                            c.week()), 1L, Long::sum);
                }
            }
        }
        assertThat(groups).as("every released combination of a clinic has at least k = 5 sign-offs").isNotEmpty()
                .allSatisfy((qi, n) -> assertThat(n).as(qi.toString()).isGreaterThanOrEqualTo(5L));
        FleetCases cases = FleetCases.of(batches, knowledge);
        assertThat(cases.rows()).as("confirmed diagnoses left the boxes and were trained on").isNotEmpty();

        JsonNode gate = run.gate();
        assertThat(run.gateExit()).as(gate.toString()).isZero();
        assertThat(gate.get("passed").asBoolean()).isTrue();
        assertThat(run.publishExit()).isZero();
        Map<String, double[]> before = LearningLoop.heldOut(run.active(), run.split(), 5);
        Map<String, double[]> after = LearningLoop.heldOut(run.candidate(), run.split(), 5);
        System.out.printf("loop through the appliance: %d signed off, %d events sent, %d batches; held-out top-1/top-5 before -> after:%n",
                clinics.signedOff, sent, stats.batches());
        before.forEach((mode, b) -> System.out.printf("  %s: %.4f/%.4f -> %.4f/%.4f%n", mode, b[0], b[1], after.get(mode)[0], after.get(mode)[1]));
        // One held-out fold (208 patients: one patient is 0.48 points). With all and half the evidence, the modes
        // the gate judges, not worse beyond the gate's tolerance; quarter evidence and interactive move by two
        // patients either way with the calibration split (interactive -0.96 points on this fold), so for them
        // only the four modes together: not worse on average beyond the tolerance. The gain, pooled over four
        // folds, is LearningLoopTest's (all cases) and BENCHMARKS.md's.
        double change = 0;
        for (String mode : before.keySet()) {
            if (mode.startsWith("all") || mode.startsWith("half")) {
                assertThat(after.get(mode)[0]).as(mode + " top-1")
                        .isGreaterThanOrEqualTo(before.get(mode)[0] - Gate.DEFAULT_TOLERANCE - 1e-9);
            }
            change += (after.get(mode)[0] - before.get(mode)[0]) / before.size();
        }
        assertThat(change).as("mean top-1 change over the four modes").isGreaterThanOrEqualTo(-Gate.DEFAULT_TOLERANCE);

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

package com.mediassist.models.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.models.DdxplusData;
import com.mediassist.models.ModelsCli;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.fleet.FleetCommand;
import com.mediassist.models.tuf.SemVer;
import com.mediassist.models.tuf.TufRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The learning-loop commands: {@code models retrain} and {@code models gate}. */
public final class LoopCommands {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The version a retrained bundle gets by default: the next minor after the shipped and the published ones. */
    static final String SHIPPED_VERSION = "2.0.0";

    private LoopCommands() {
    }

    @Command(name = "retrain", description = "Trains a new diagnosis bundle from the knowledge, the base patients and the"
            + " confirmed cases in the fleet's ingest log; prints a JSON summary (with the cases disagreeing with the knowledge).")
    public static final class Retrain implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "vendor data directory (ingest log)")
        Path dataDir;
        @Option(names = "--base-patients", required = true, description = "base patients CSV (columns of patients-dev.csv)")
        Path basePatients;
        @Option(names = "--base-fraction", defaultValue = "1.0", description = "seeded per-pathology share of the base patients; default: ${DEFAULT-VALUE}")
        double baseFraction;
        @Option(names = "--seed", defaultValue = "20260101", description = "seed of the sample and the trainer; default: ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--out", required = true, description = "bundle directory to write")
        Path out;
        @Option(names = "--bundle-version", description = "default: the next minor version after the shipped and published ones")
        String version;
        @Option(names = "--kafka", description = "read the batches from Kafka instead of the embedded log")
        String kafka;
        @CommandLine.Mixin
        ModelsCli.DataOption data = new ModelsCli.DataOption();

        @Override
        public Integer call() throws IOException {
            Knowledge k = DdxplusData.buildKnowledge(data.data);
            List<PatientRecord> base = Retrainer.sample(DdxplusData.readPatients(basePatients), baseFraction, seed);
            FleetCases fleet = FleetCases.of(FleetCommand.readBatches(dataDir, kafka, k), k);
            String v = version;
            if (v == null) {
                String latest = new TufRepository(dataDir, Clock.systemUTC()).latestVersion(com.mediassist.models.BundleWriter.BUNDLE_ID)
                        .filter(p -> SemVer.compare(p, SHIPPED_VERSION) > 0).orElse(SHIPPED_VERSION);
                v = SemVer.nextMinor(latest);
            }
            List<Path> files = new ArrayList<>();
            DdxplusData.KNOWLEDGE_FILES.forEach(f -> files.add(data.data.resolve(f)));
            files.add(basePatients);
            Retrainer.Result r = Retrainer.retrain(k, base, fleet, seed, files, out, v, ModelsCli.MIN_APPLIANCE_VERSION,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
            PrintWriter pw = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            pw.println(JSON.writeValueAsString(r.summary()));
            return 0;
        }
    }

    @Command(name = "gate", description = "Compares a candidate bundle with the active one on fixed evaluation patients;"
            + " prints JSON, writes it as gate.json into the candidate and exits 0 only when the candidate is not worse.")
    public static final class GateCommand implements Callable<Integer> {
        @Option(names = "--candidate", required = true, description = "candidate bundle directory")
        Path candidate;
        @Option(names = "--active", required = true, description = "active bundle directory")
        Path active;
        @Option(names = "--patients", required = true, description = "evaluation patients CSV")
        Path patients;
        @Option(names = "--tolerance", defaultValue = "0.01", description = "allowed drop of top-1/top-5 (share); default: ${DEFAULT-VALUE}")
        double tolerance;

        @Override
        public Integer call() throws IOException {
            Gate.Verdict v = Gate.check(candidate, active, DdxplusData.readPatients(patients), tolerance, ModelsCli.MIN_APPLIANCE_VERSION);
            String json = JSON.writeValueAsString(v.report());
            Files.writeString(candidate.resolve(TufRepository.GATE_FILE), json + "\n", StandardCharsets.UTF_8);
            PrintWriter pw = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            pw.println(json);
            if (!v.passed()) {
                System.err.println("gate: the candidate is worse than the active bundle: " + v.report().get("failures"));
            }
            return v.passed() ? 0 : 1;
        }
    }
}

package com.mediassist.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.diagnosis.DiagnosisResult;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.models.fleet.FileIngestLog;
import com.mediassist.models.fleet.FleetHttpServer;
import com.mediassist.models.fleet.FleetService;
import com.mediassist.models.fleet.ProtocolClinic;
import com.mediassist.models.tuf.TufRepository;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The learning loop on DDXPlus development patients, vendor half, end to end through the real
 * commands: five stratified folds; fold 0 trains the base (active) bundle (20 %), folds 1–3 (60 %)
 * are consultations five simulated clinics sign off with the doctor confirming the true diagnosis
 * and upload to the fleet service over HTTP, fold 4 (20 %) is held out for the gate and the
 * before/after numbers. Then {@code retrain}, {@code gate}, {@code keys init}, {@code publish}.
 *
 * <p>The clinics are {@link Clinics}: here {@link #PROTOCOL_CLINICS} builds the batches from the
 * protocol document; {@code system-tests/.../LearningLoopIT} plugs in clinics that sign the
 * consultations off through the packaged appliance's API and upload with the real sync agent.
 */
public final class LearningLoop {

    /** Signs off the given patients' consultations at {@code clinics} clinics and uploads them to the fleet service. */
    public interface Clinics {
        /**
         * @param vendorUrl   the fleet service ({@code http://127.0.0.1:port})
         * @param registrar   registers a clinic's public key (runs {@code models fleet add-clinic})
         * @param activeBundle the bundle that answers the consultations
         */
        void signOff(List<PatientRecord> patients, int clinics, String vendorUrl, java.util.function.BiConsumer<String, String> registrar,
                     Path activeBundle, Knowledge knowledge) throws Exception;
    }

    /** Clinics made of protocol-built batches (25 consultations a batch), suggestions from the active bundle. */
    public static final Clinics PROTOCOL_CLINICS = (patients, n, url, registrar, active, knowledge) -> {
        List<ProtocolClinic> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProtocolClinic c = new ProtocolClinic(100 + i);
            registrar.accept("Clínica " + (i + 1), c.publicKey());
            cs.add(c);
        }
        HttpClient http = HttpClient.newHttpClient();
        Random weeks = new Random(7);
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader(ModelsCli.MIN_APPLIANCE_VERSION).load(active),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)).withNextQuestions(0))) {
            String version = engine.manifest().version();
            for (int i = 0; i < n; i++) {
                ProtocolClinic c = cs.get(i);
                List<ObjectNode> events = new ArrayList<>();
                for (int r = i; r < patients.size(); r += n) {
                    PatientRecord p = patients.get(r);
                    PatientFindings pf = knowledge.findings(p.age(), p.sex().modelCode().orElseThrow(), p.evidences(), List.of());
                    DiagnosisResult res = engine.diagnose(pf, Language.EN);
                    List<String> top = res.differential().stream().limit(3).map(DiagnosisResult.Candidate::code).toList();
                    String week = String.format(java.util.Locale.ROOT, "2026-W%02d", 44 + weeks.nextInt(4));
                    events.add(c.signedOff(p, knowledge, week, version, top));
                    if (events.size() == 25 || r + n >= patients.size()) {
                        events.add(c.latency(week, 10 + weeks.nextInt(10), 40 + weeks.nextInt(30), events.size()));
                        HttpResponse<String> resp = ProtocolClinic.post(http, url, c.envelope(c.payload("2026-W48", events)));
                        if (resp.statusCode() != 200) {
                            throw new IllegalStateException("upload refused: " + resp.body());
                        }
                        events = new ArrayList<>();
                    }
                }
            }
        }
    };

    /** The folds of the development patients. */
    public record Split(List<PatientRecord> base, List<PatientRecord> fleet, List<PatientRecord> heldOut,
                        Path baseCsv, Path heldOutCsv) {
    }

    /** Splits a patients CSV into 5 stratified folds, fold 4 held out (see {@link #split(Path, Path, long, int)}). */
    public static Split split(Path csv, Path dir, long seed) throws IOException {
        return split(csv, dir, seed, 4);
    }

    /**
     * Splits a patients CSV into 5 stratified folds and writes the base and held-out CSVs (the CSV's own
     * lines): fold 0 is the base, fold {@code heldOutFold} (1–4) is held out, the other three go to the clinics.
     */
    public static Split split(Path csv, Path dir, long seed, int heldOutFold) throws IOException {
        if (heldOutFold < 1 || heldOutFold > 4) {
            throw new IllegalArgumentException("the held-out fold must be 1-4 (fold 0 is the base), found " + heldOutFold);
        }
        List<PatientRecord> rows = DdxplusData.readPatients(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() != rows.size() + 1) {
            throw new IllegalStateException("expected one line per patient in " + csv);
        }
        int[] fold = ModelsCli.Evaluate.stratifiedFolds(rows, 5, seed);
        List<PatientRecord> base = new ArrayList<>();
        List<PatientRecord> fleet = new ArrayList<>();
        List<PatientRecord> held = new ArrayList<>();
        List<String> baseLines = new ArrayList<>(List.of(lines.get(0)));
        List<String> heldLines = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 0; i < rows.size(); i++) {
            if (fold[i] == 0) {
                base.add(rows.get(i));
                baseLines.add(lines.get(i + 1));
            } else if (fold[i] == heldOutFold) {
                held.add(rows.get(i));
                heldLines.add(lines.get(i + 1));
            } else {
                fleet.add(rows.get(i));
            }
        }
        Files.createDirectories(dir);
        Path b = Files.write(dir.resolve("base.csv"), baseLines, StandardCharsets.UTF_8);
        Path h = Files.write(dir.resolve("held-out.csv"), heldLines, StandardCharsets.UTF_8);
        return new Split(base, fleet, held, b, h);
    }

    /**
     * What a run produced.
     *
     * @param active    the base bundle
     * @param candidate the retrained bundle
     * @param gate      the gate report
     * @param gateExit  the gate's exit code
     * @param publishExit the publish command's exit code
     * @param vendorDir the fleet's data directory
     */
    public record Run(Split split, Path active, Path candidate, JsonNode gate, int gateExit, int publishExit, Path vendorDir) {
    }

    /** Runs the loop in {@code dir} with fold 4 held out; the data folder holds the knowledge files. */
    public static Run run(Path data, Path dir, Clinics clinics, int clinicCount) throws Exception {
        return run(data, dir, clinics, clinicCount, 4);
    }

    /** Runs the loop in {@code dir} with fold {@code heldOutFold} (1–4) held out. */
    public static Run run(Path data, Path dir, Clinics clinics, int clinicCount, int heldOutFold) throws Exception {
        Split s = split(data.resolve("patients-dev.csv"), dir, 20260101L, heldOutFold);
        Path active = dir.resolve("active");
        check(ModelsCli.run("bundle", "--data", data.toString(), "--patients", s.baseCsv().toString(), "--out", active.toString(),
                "--bundle-version", "2.0.0"), "bundle");
        Path vendor = dir.resolve("vendor");
        Knowledge k = DdxplusData.buildKnowledge(data);
        try (FleetService service = new FleetService(vendor, k, new FileIngestLog(vendor));
             FleetHttpServer server = new FleetHttpServer("127.0.0.1", 0, service, TufRepository.repository(vendor), 8)) {
            clinics.signOff(s.fleet(), clinicCount, "http://127.0.0.1:" + server.port(),
                    (name, key) -> check(ModelsCli.run("fleet", "add-clinic", "--data-dir", vendor.toString(), "--name", name,
                            "--public-key", key), "add-clinic"), active, k);
        }
        Path candidate = dir.resolve("candidate");
        check(ModelsCli.run("retrain", "--data", data.toString(), "--data-dir", vendor.toString(), "--base-patients",
                s.baseCsv().toString(), "--out", candidate.toString()), "retrain");
        int gate = ModelsCli.run("gate", "--candidate", candidate.toString(), "--active", active.toString(),
                "--patients", s.heldOutCsv().toString());
        check(ModelsCli.run("keys", "init", "--data-dir", vendor.toString()), "keys init");
        int publish = ModelsCli.run("publish", "--data-dir", vendor.toString(), "--bundle", candidate.toString());
        return new Run(s, active, candidate, new com.fasterxml.jackson.databind.ObjectMapper().readTree(candidate.resolve(TufRepository.GATE_FILE).toFile()),
                gate, publish, vendor);
    }

    /**
     * Top-1 and top-5 of a bundle on the held-out patients: all evidence, half and a quarter (each over
     * {@code seeds} evidence seeds), and interactive (at most 10 questions).
     */
    public static java.util.Map<String, double[]> heldOut(Path bundle, Split split, int seeds) {
        java.util.Map<String, Evaluator> modes = new java.util.LinkedHashMap<>();
        modes.put("all evidence", new Evaluator(new Evaluator.Mode.Partial(1.0, 1, true)));
        modes.put("half evidence (seeds)", new Evaluator(new Evaluator.Mode.Partial(0.5, 1, true)));
        modes.put("quarter evidence (seeds)", new Evaluator(new Evaluator.Mode.Partial(0.25, 1, true)));
        modes.put("interactive (≤ 10 questions)", new Evaluator(new Evaluator.Mode.Interactive(10, 0.995)));
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader(ModelsCli.MIN_APPLIANCE_VERSION).load(bundle),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)).withNextQuestions(3))) {
            for (var e : modes.entrySet()) {
                int repeats = e.getKey().contains("seeds") ? seeds : 1;
                for (int s = 0; s < repeats; s++) {
                    e.getValue().evaluate(engine, split.heldOut(), s);
                }
                java.util.Map<String, Object> r = e.getValue().report();
                out.put(e.getKey(), new double[]{(Double) r.get("top1"), (Double) r.get("top5")});
            }
        }
        return out;
    }

    private static void check(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException("models " + what + " exited " + exit);
        }
    }
}

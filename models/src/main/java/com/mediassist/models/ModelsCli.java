package com.mediassist.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.bundle.VerifiedBundle;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.Knowledge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/models}: the vendor command line. Subcommands build the knowledge, train, write
 * bundles and evaluate them. Other tools register their subcommand in the list below.
 */
@Command(name = "models", mixinStandardHelpOptions = true, version = "mediassist-models 0.1.0",
        description = "Builds, trains, bundles and evaluates MediAssist models.",
        subcommands = {
                ModelsCli.BuildKnowledge.class,
                ModelsCli.Train.class,
                ModelsCli.Bundle.class,
                ModelsCli.Evaluate.class,
                com.mediassist.models.summary.EvaluateSummaryCommand.class,
                com.mediassist.models.fit.EvaluateFitCommand.class,
                com.mediassist.models.fit.FitVerdictCommand.class,
                com.mediassist.models.fleet.FleetCommand.class,
                com.mediassist.models.loop.LoopCommands.Retrain.class,
                com.mediassist.models.loop.LoopCommands.GateCommand.class,
                com.mediassist.models.tuf.TufCommands.Publish.class,
                com.mediassist.models.knowledge.KnowledgeBundleCommand.class,
                com.mediassist.models.tuf.TufCommands.Keys.class,
                com.mediassist.models.medication.EvaluateMedicationCommand.class,
                com.mediassist.models.deid.DeidCommands.Train.class,
                com.mediassist.models.deid.DeidCommands.Evaluate.class,
                CommandLine.HelpCommand.class
        })
public final class ModelsCli implements Callable<Integer> {

    /** The appliance version bundles written here require at least. */
    public static final String MIN_APPLIANCE_VERSION = "0.1.0";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests and the Maven build). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new ModelsCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return ex instanceof ModelsException || ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Options naming the DDXPlus data folder. */
    public static class DataOption {
        @Option(names = "--data", description = "DDXPlus data folder (release JSONs, Spanish TSVs, patients-dev.csv);"
                + " default: ${DEFAULT-VALUE}", defaultValue = "${env:MEDIASSIST_MODELS_DATA:-models/src/main/data/ddxplus}")
        public Path data;
    }

    @Command(name = "build-knowledge", description = "Writes the bilingual DDXPlus knowledge file.")
    static final class BuildKnowledge implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--out", required = true, description = "knowledge.json to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            Knowledge k = DdxplusData.buildKnowledge(data.data);
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            k.write(out);
            System.err.printf("wrote %s: %d evidences, %d pathologies%n", out, k.evidences().size(), k.pathologies().size());
            return 0;
        }
    }

    /** Training options shared by train and bundle. */
    static class TrainOptions {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--patients", description = "training patients CSV; default: patients-dev.csv in --data")
        Path patients;
        @Option(names = "--seed", description = "random seed; default: ${DEFAULT-VALUE}", defaultValue = "20260101")
        long seed;

        @Option(names = "--algorithm", description = "naive-bayes (shipped), mlp or linear; default: the shipped settings")
        String algorithm;
        @Option(names = "--hidden", description = "hidden units of the MLP; default: the shipped settings")
        Integer hidden;
        @Option(names = "--epochs", description = "SGD epochs; default: the shipped settings")
        Integer epochs;
        @Option(names = "--learning-rate", description = "AdaGrad learning rate; default: the shipped settings")
        Double learningRate;
        @Option(names = "--l2", description = "L2 penalty; default: the shipped settings")
        Double l2;
        @Option(names = "--synthetic", description = "synthetic patients in total; default: the shipped settings")
        Integer synthetic;
        @Option(names = "--real-variants", description = "variants per real patient; default: the shipped settings")
        Integer realVariants;
        @Option(names = "--synthetic-variants", description = "variants per synthetic patient; default: the shipped settings")
        Integer syntheticVariants;
        @Option(names = "--consultations", description = "simulated consultations per real patient; default: the shipped settings")
        Integer consultations;

        Path patientsFile() {
            return patients != null ? patients : data.data.resolve("patients-dev.csv");
        }

        TrainerSettings settings() {
            TrainerSettings d = TrainerSettings.defaults();
            return new TrainerSettings(algorithm != null ? TrainerSettings.Algorithm.parse(algorithm) : d.algorithm(),
                    hidden != null ? hidden : d.hidden(), seed, epochs != null ? epochs : d.epochs(),
                    learningRate != null ? learningRate : d.learningRate(), l2 != null ? l2 : d.l2(),
                    synthetic != null ? synthetic : d.syntheticPatients(), d.minSyntheticPerPathology(),
                    realVariants != null ? realVariants : d.realVariants(),
                    syntheticVariants != null ? syntheticVariants : d.syntheticVariants(),
                    consultations != null ? consultations : d.consultations(), d.calibrationShare());
        }
    }

    @Command(name = "train", description = "Trains the model and writes model.onnx and frequencies.json (no manifest).")
    static final class Train implements Callable<Integer> {
        @CommandLine.Mixin
        TrainOptions opts = new TrainOptions();
        @Option(names = "--out", required = true, description = "directory to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            Knowledge k = DdxplusData.buildKnowledge(opts.data.data);
            TrainingPipeline.Trained t = new TrainingPipeline(k, opts.settings()).train(DdxplusData.readPatients(opts.patientsFile()));
            Files.createDirectories(out);
            Files.write(out.resolve(BundleWriter.MODEL_FILE), OnnxExport.toOnnx(t.model(), "train", "unbundled model"));
            t.frequencies().write(out.resolve(BundleWriter.FREQUENCIES_FILE));
            System.out.println(JSON.writeValueAsString(t.metrics()));
            return 0;
        }
    }

    @Command(name = "bundle", description = "Builds the knowledge, trains, exports to ONNX and writes a bundle (format v1).")
    static final class Bundle implements Callable<Integer> {
        @CommandLine.Mixin
        TrainOptions opts = new TrainOptions();
        @Option(names = "--out", required = true, description = "bundle directory to write")
        Path out;
        @Option(names = "--zip", description = "also write the bundle as this zip")
        Path zip;
        @Option(names = "--bundle-version", defaultValue = "2.0.0", description = "bundle semantic version; default: ${DEFAULT-VALUE}")
        String version;
        @Option(names = "--created", defaultValue = "2026-01-01T00:00:00Z",
                description = "creation instant recorded in the manifest (the build timestamp, for reproducibility)")
        String created;

        @Override
        public Integer call() throws IOException {
            Instant at = Instant.parse(created);
            Knowledge k = DdxplusData.buildKnowledge(opts.data.data);
            TrainingPipeline.Trained t = new TrainingPipeline(k, opts.settings()).train(DdxplusData.readPatients(opts.patientsFile()));
            List<Path> dataFiles = new ArrayList<>();
            DdxplusData.KNOWLEDGE_FILES.forEach(f -> dataFiles.add(opts.data.data.resolve(f)));
            dataFiles.add(opts.patientsFile());
            BundleWriter.write(out, k, t, opts.settings(), dataFiles, at, version, MIN_APPLIANCE_VERSION);
            if (zip != null) {
                BundleWriter.zip(out, zip, at);
            }
            System.err.println("wrote bundle " + out + " " + JSON.writeValueAsString(t.metrics()).replaceAll("\\s+", " "));
            return 0;
        }
    }

    @Command(name = "evaluate", description = "Evaluates a bundle (or cross-validates the trainer) on DDXPlus patients;"
            + " prints one JSON object.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--bundle", description = "bundle directory; default: the bundle the appliance ships (${DEFAULT-VALUE})",
                defaultValue = "${env:MEDIASSIST_DEFAULT_BUNDLE:-models/target/bundle}")
        Path bundle;
        @Option(names = "--patients", required = true, description = "patients CSV (columns of patients-dev.csv)")
        Path patients;
        @Option(names = "--evidence-fraction", defaultValue = "1.0",
                description = "keep the chief complaint plus this random fraction of the other evidence; default: ${DEFAULT-VALUE}")
        double fraction;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the evidence sampling; default: ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--interactive", description = "simulate a consultation from the chief complaint")
        boolean interactive;
        @Option(names = "--max-questions", defaultValue = "10", description = "question budget of --interactive; default: ${DEFAULT-VALUE}")
        int maxQuestions;
        @Option(names = "--stop-threshold", defaultValue = "0.995",
                description = "--interactive stops when the top candidate reaches this probability; default: ${DEFAULT-VALUE}")
        double stopThreshold;
        @Option(names = "--positives-only", description = "read a row as its listed evidences only, nothing denied"
                + " (default: a row is the complete answer sheet, every unlisted evidence answered \"no\")")
        boolean positivesOnly;
        @Option(names = "--folds", defaultValue = "0",
                description = "cross-validate instead: train on K-1 stratified folds of --patients, evaluate the held-out fold")
        int folds;
        @Option(names = "--algorithm", description = "with --folds: naive-bayes, mlp or linear; default: the shipped trainer")
        String algorithm;
        @Option(names = "--misses", description = "also list each patient ranked wrongly (CSV row, truth, prediction)")
        boolean listMisses;
        @Option(names = "--all-modes", description = "with --folds: report all evidence, half, a quarter (each also"
                + " --positives-only) and interactive for the same folds (the other mode options are ignored)")
        boolean allModes;
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() throws IOException {
            if (fraction <= 0 || fraction > 1) {
                throw new IllegalArgumentException("--evidence-fraction must be in (0, 1], found " + fraction);
            }
            if (maxQuestions < 0) {
                throw new IllegalArgumentException("--max-questions must be 0 or more, found " + maxQuestions);
            }
            if (stopThreshold <= 0 || stopThreshold > 1) {
                throw new IllegalArgumentException("--stop-threshold must be in (0, 1], found " + stopThreshold);
            }
            List<PatientRecord> rows = DdxplusData.readPatients(patients);
            Map<String, Evaluator> modes = new LinkedHashMap<>();
            if (allModes && folds > 1) {
                modes.put("allEvidence", new Evaluator(new Evaluator.Mode.Partial(1.0, seed, true)));
                modes.put("halfEvidence", new Evaluator(new Evaluator.Mode.Partial(0.5, seed, true)));
                modes.put("quarterEvidence", new Evaluator(new Evaluator.Mode.Partial(0.25, seed, true)));
                modes.put("interactive", new Evaluator(new Evaluator.Mode.Interactive(maxQuestions, stopThreshold)));
                modes.put("allEvidencePositivesOnly", new Evaluator(new Evaluator.Mode.Partial(1.0, seed, false)));
                modes.put("halfEvidencePositivesOnly", new Evaluator(new Evaluator.Mode.Partial(0.5, seed, false)));
                modes.put("quarterEvidencePositivesOnly", new Evaluator(new Evaluator.Mode.Partial(0.25, seed, false)));
            } else {
                modes.put("result", new Evaluator(interactive ? new Evaluator.Mode.Interactive(maxQuestions, stopThreshold)
                        : new Evaluator.Mode.Partial(fraction, seed, !positivesOnly)));
            }
            DiagnosisOptions options = DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)).withNextQuestions(3);
            Map<String, Object> out = new LinkedHashMap<>();
            if (folds > 1) {
                TrainerSettings settings = algorithm == null ? TrainerSettings.defaults()
                        : TrainerSettings.defaults().withAlgorithm(TrainerSettings.Algorithm.parse(algorithm));
                crossValidate(rows, settings, options, modes.values());
                out.put("crossValidation", Map.of("folds", folds, "stratifiedBy", "pathology", "seed", 20260101L,
                        "evidenceSeed", seed, "trainer", settings.asMap()));
            } else {
                VerifiedBundle vb = new BundleLoader(MIN_APPLIANCE_VERSION).load(bundle);
                BundleManifest m = vb.manifest();
                out.put("bundle", Map.of("id", m.id(), "version", m.version(), "path", bundle.toString()));
                try (DiagnosisEngine engine = DiagnosisEngine.open(vb, options)) {
                    for (Evaluator e : modes.values()) {
                        if (listMisses) {
                            e.listMisses(null);
                        }
                        e.evaluate(engine, rows, 0);
                    }
                }
            }
            if (modes.containsKey("result")) {
                out.put("mode", interactive ? "interactive" : fraction >= 1 ? "all-evidence" : "partial-evidence");
                if (!interactive) {
                    out.put("evidenceFraction", fraction);
                    out.put("seed", seed);
                    out.put("rowsRead", positivesOnly ? "listed evidences only" : "complete answer sheet (unlisted = denied)");
                }
                out.putAll(modes.get("result").report());
            } else {
                out.put("rowsRead", "complete answer sheet (unlisted = denied), except the *PositivesOnly modes");
                modes.forEach((name, e) -> out.put(name, e.report()));
            }
            PrintWriter pw = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            pw.println(JSON.writeValueAsString(out));
            return 0;
        }

        /** Trains on K-1 folds, writes and verifies a real bundle, evaluates the held-out fold; K times. */
        private void crossValidate(List<PatientRecord> rows, TrainerSettings settings, DiagnosisOptions options,
                                   java.util.Collection<Evaluator> evaluators) throws IOException {
            Knowledge k = DdxplusData.buildKnowledge(data.data);
            int[] fold = stratifiedFolds(rows, folds, 20260101L);
            Path tmp = Files.createTempDirectory("mediassist-cv");
            try {
                for (int f = 0; f < folds; f++) {
                    List<PatientRecord> train = new ArrayList<>();
                    List<PatientRecord> test = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        (fold[i] == f ? test : train).add(rows.get(i));
                    }
                    TrainingPipeline.Trained t = new TrainingPipeline(k, settings).train(train);
                    Path dir = tmp.resolve("fold" + f);
                    BundleWriter.write(dir, k, t, settings, List.of(patients), Instant.EPOCH, "0.0.0-cv" + f,
                            MIN_APPLIANCE_VERSION);
                    List<Integer> testRows = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        if (fold[i] == f) {
                            testRows.add(i + 1);
                        }
                    }
                    try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader(MIN_APPLIANCE_VERSION).load(dir), options)) {
                        for (Evaluator e : evaluators) {
                            if (listMisses) {
                                e.listMisses(testRows);
                            }
                            e.evaluate(engine, test, f);
                        }
                    }
                    System.err.printf("fold %d/%d done%n", f + 1, folds);
                }
            } finally {
                deleteTree(tmp);
            }
        }

        static int[] stratifiedFolds(List<PatientRecord> rows, int k, long seed) {
            Integer[] idx = new Integer[rows.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Random rnd = new Random(seed);
            java.util.Collections.shuffle(java.util.Arrays.asList(idx), rnd);
            java.util.Arrays.sort(idx, Comparator.comparing(i -> rows.get(i).pathology()));
            int[] fold = new int[rows.size()];
            for (int r = 0; r < idx.length; r++) {
                fold[idx[r]] = r % k;
            }
            return fold;
        }

        private static void deleteTree(Path p) throws IOException {
            try (var s = Files.walk(p)) {
                for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
            }
        }
    }
}

package com.mediassist.models.deid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.deid.DeidFeatures;
import com.mediassist.core.deid.Deidentifier;
import com.mediassist.core.knowledge.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code train-deid} and {@code evaluate-deid} commands. */
public final class DeidCommands {

    /** The least share of identifier spans masked (by any type) at which notes may leave a box. */
    public static final double SPAN_RECALL_GATE = 0.98;

    /** Penalties on label O tried on dev, in order. */
    static final double[] PENALTIES = {0, 0.5, 1, 1.5, 2, 3, 4};

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeidCommands() {
    }

    /** {@code train-deid --train DIR --dev DIR --out DIR}: trains, scores on dev, writes the bundle. */
    @Command(name = "train-deid", mixinStandardHelpOptions = true,
            description = "Trains the de-identification CRF on brat notes and writes its bundle (with dev scores and the recall gate).")
    public static final class Train implements Callable<Integer> {

        @Option(names = "--train", required = true, description = "brat .txt + .ann folder to train on")
        Path train;

        @Option(names = "--dev", required = true, description = "brat folder the bundle is scored on")
        Path dev;

        @Option(names = "--out", required = true, description = "bundle folder to write")
        Path out;

        @Option(names = "--epochs", defaultValue = "6", description = "passes over the training lines; default ${DEFAULT-VALUE}")
        int epochs;

        @Option(names = "--learning-rate", defaultValue = "0.5", description = "AdaGrad initial rate; default ${DEFAULT-VALUE}")
        double learningRate;

        @Option(names = "--min-count", defaultValue = "2", description = "least occurrences of a kept feature; default ${DEFAULT-VALUE}")
        int minCount;

        @Option(names = "--min-weight", defaultValue = "0.02", description = "smallest exported weight; default ${DEFAULT-VALUE}")
        double minWeight;

        @Option(names = "--max-notes", defaultValue = "0", description = "train on the first N notes only (0: all), for quick iterations")
        int maxNotes;

        @Option(names = "--seed", defaultValue = "17", description = "seed; default ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--version", defaultValue = "1.0.0", description = "bundle version; default ${DEFAULT-VALUE}")
        String version;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<BratDocument> trainDocs = BratDocument.readAll(train);
            if (maxNotes > 0 && maxNotes < trainDocs.size()) {
                trainDocs = trainDocs.subList(0, maxNotes);
            }
            List<BratDocument> devDocs = BratDocument.readAll(dev);
            PrintWriter err = spec.commandLine().getErr();
            DeidTrainer.Settings settings = new DeidTrainer.Settings(epochs, learningRate, minCount, minWeight, seed);
            DeidTrainer.Result r = DeidTrainer.train(trainDocs, settings, line -> {
                err.println(line);
                err.flush();
            });
            Deidentifier plain = new Deidentifier(r.model(), r.gazetteers());
            // Tuned on dev: the smallest penalty on O whose span recall meets the gate, else the best recall.
            ArrayNode tuning = JSON.createArrayNode();
            Deidentifier deid = plain;
            DeidScores full = null;
            for (double penalty : PENALTIES) {
                Deidentifier candidate = plain.withOutsidePenalty(penalty);
                DeidScores s = DeidScores.score(devDocs, text -> candidate.detect(text, Language.ES));
                tuning.addObject().put("outsidePenalty", penalty).put("spanRecall", s.spanRecall()).put("strictF1", s.f1());
                err.printf(Locale.ROOT, "train-deid: O penalty %.2f: dev span recall %.4f, strict F1 %.4f%n", penalty,
                        s.spanRecall(), s.f1());
                if (full == null || s.spanRecall() > full.spanRecall()) {
                    deid = candidate;
                    full = s;
                }
                if (s.spanRecall() >= SPAN_RECALL_GATE) {
                    break;
                }
            }
            Deidentifier chosen = deid;
            DeidScores modelOnly = DeidScores.score(devDocs, chosen::modelSpans);

            Files.createDirectories(out);
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            r.model().write(model);
            ByteArrayOutputStream gaz = new ByteArrayOutputStream();
            r.gazetteers().write(new OutputStreamWriter(gaz, StandardCharsets.UTF_8));
            Files.write(out.resolve(DeidBundle.MODEL_FILE), model.toByteArray());
            Files.write(out.resolve(DeidBundle.GAZETTEER_FILE), gaz.toByteArray());

            ObjectNode m = JSON.createObjectNode();
            m.put("format", DeidBundle.FORMAT);
            m.put("id", "meddocan-deid");
            m.put("version", version);
            m.put("kind", "deidentification");
            m.put("createdAt", Instant.now(Clock.systemUTC()).toString());
            m.put("featureVersion", DeidFeatures.VERSION);
            ObjectNode files = m.putObject("files");
            files.putObject(DeidBundle.MODEL_FILE).put("sha256", DeidBundle.sha256(model.toByteArray())).put("size", model.size());
            files.putObject(DeidBundle.GAZETTEER_FILE).put("sha256", DeidBundle.sha256(gaz.toByteArray())).put("size", gaz.size());
            m.set("labels", JSON.valueToTree(r.labels()));
            ObjectNode training = m.putObject("training");
            training.put("data", "MEDDOCAN train split (Plan TL / BSC, IberLEF 2019, CC BY 4.0), " + trainDocs.size() + " notes");
            training.put("devData", "MEDDOCAN dev split, " + devDocs.size() + " notes");
            training.put("trainer", "Tribuo 4.3.2 linear-chain CRF: " + r.tribuoTrainer());
            training.put("epochs", epochs).put("learningRate", learningRate).put("minCount", minCount)
                    .put("minWeight", minWeight).put("seed", seed);
            training.put("lines", r.trainingLines()).put("tokens", r.trainingTokens());
            training.put("featuresSeen", r.featuresSeen()).put("featuresExported", r.featuresKept())
                    .put("weightsExported", r.model().weightCount());
            training.put("exportAgreementWithTribuo", r.exportAgreement());
            training.put("gazetteers", "first names, surnames, places, facility words from the MEDDOCAN train annotations "
                    + "(words mostly seen inside identifiers)");
            m.putObject("decoding").put("outsidePenalty", chosen.outsidePenalty()).set("tuningOnDev", tuning);
            m.set("dev", full.toJson());
            m.set("devModelOnly", modelOnly.toJson());
            ObjectNode gate = m.putObject("gate");
            gate.put("spanRecall", SPAN_RECALL_GATE);
            gate.put("meaning", "scrubbed notes may leave a box only when dev.leak.spanRecall >= gate.spanRecall");
            Files.writeString(out.resolve(DeidBundle.MANIFEST), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
            DeidBundle.load(out);
            spec.commandLine().getOut().println(JSON.writeValueAsString(full.toJson()));
            return 0;
        }
    }

    /** {@code evaluate-deid --brat-dir DIR [--bundle DIR]}: prints one JSON object of scores. */
    @Command(name = "evaluate-deid", mixinStandardHelpOptions = true,
            description = "Scores a de-identification bundle on brat notes: strict precision/recall/F1 by type and leak figures.")
    public static final class Evaluate implements Callable<Integer> {

        @Option(names = "--brat-dir", required = true, description = "brat .txt + .ann folder")
        Path bratDir;

        @Option(names = "--bundle", description = "bundle folder; default: the one shipped in inference-core")
        Path bundle;

        @Option(names = "--language", defaultValue = "es", description = "language of the notes (es|en); default ${DEFAULT-VALUE}")
        String language;

        @Option(names = "--model-only", description = "score the model without the patterns")
        boolean modelOnly;

        @Option(names = "--outside-penalty", description = "decode with this penalty on label O instead of the bundle's "
                + "(higher: more recall, less precision)")
        Double outsidePenalty;

        @Option(names = "--update-manifest", description = "also write these scores as the bundle's dev scores "
                + "(after a change to the patterns or merging; needs --bundle and the dev split as --brat-dir)")
        boolean updateManifest;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DeidBundle b = bundle == null ? DeidBundle.shipped() : DeidBundle.load(bundle);
            Language lang = Language.parse(language);
            Deidentifier d = outsidePenalty == null ? b.deidentifier() : b.deidentifier().withOutsidePenalty(outsidePenalty);
            DeidScores s = DeidScores.score(BratDocument.readAll(bratDir),
                    modelOnly ? d::modelSpans : text -> d.detect(text, lang));
            try {
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(s.toJson()));
                if (updateManifest) {
                    if (bundle == null || modelOnly) {
                        throw new IllegalArgumentException("--update-manifest needs --bundle DIR and the full de-identifier (no --model-only)");
                    }
                    ObjectNode m = (ObjectNode) JSON.readTree(bundle.resolve(DeidBundle.MANIFEST).toFile());
                    m.set("dev", s.toJson());
                    ObjectNode decoding = m.get("decoding") instanceof ObjectNode o ? o : m.putObject("decoding");
                    decoding.put("outsidePenalty", d.outsidePenalty());
                    m.put("devScoredAt", Instant.now(Clock.systemUTC()).toString());
                    Files.writeString(bundle.resolve(DeidBundle.MANIFEST), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
                    DeidBundle.load(bundle);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
    }
}

package com.mediassist.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.bundle.BundleException.FeatureMismatchException;
import com.mediassist.core.bundle.BundleException.HashMismatchException;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.PatientFindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a small model on the shipped data (few epochs, few synthetic patients, so it is quick) and
 * checks the bundle end to end with ONNX Runtime.
 */
class TrainedBundleTest {

    static final Path DATA = Path.of("src/main/data/ddxplus");
    /** The shipped algorithm (naive Bayes) with the shipped settings. */
    static final TrainerSettings SHIPPED = TrainerSettings.defaults();
    /** A small MLP, to check the other exporter. */
    static final TrainerSettings SMALL_MLP = new TrainerSettings(TrainerSettings.Algorithm.MLP, 8, 7L, 1, 0.05, 1e-5, 300, 5, 2, 1, 0, 0.2);
    /**
     * ONNX Runtime sums in float32, the trainer's forward pass in double; with a few hundred denied
     * evidences a logit adds several hundred terms, so probabilities agree to about 1e-4.
     */
    static final double TOLERANCE = 5e-4;

    @TempDir
    static Path tmp;
    static Knowledge knowledge;
    static List<PatientRecord> patients;
    static TrainingPipeline.Trained trained;
    static Path bundle;

    @BeforeAll
    static void train() throws IOException {
        knowledge = DdxplusData.buildKnowledge(DATA);
        patients = DdxplusData.readPatients(DATA.resolve("patients-dev.csv"));
        trained = new TrainingPipeline(knowledge, SHIPPED).train(patients);
        bundle = tmp.resolve("a");
        write(bundle, trained, SHIPPED);
    }

    /** Writes a bundle of the trained model with fixed provenance, so two writes can be compared byte for byte. */
    private static void write(Path dir, TrainingPipeline.Trained t, TrainerSettings settings) throws IOException {
        BundleWriter.write(dir, knowledge, t, settings, List.of(DATA.resolve("patients-dev.csv")),
                Instant.parse("2026-01-01T00:00:00Z"), "1.0.0", "0.1.0");
    }

    @Test
    void sameInputsAndSeedGiveAByteIdenticalModelAndTheSameMetrics() throws IOException {
        TrainingPipeline.Trained again = new TrainingPipeline(knowledge, SHIPPED).train(patients);
        Path b = tmp.resolve("b");
        write(b, again, SHIPPED);
        assertThat(Files.readAllBytes(b.resolve("model.onnx"))).isEqualTo(Files.readAllBytes(bundle.resolve("model.onnx")));
        assertThat(Files.readAllBytes(b.resolve("manifest.json"))).isEqualTo(Files.readAllBytes(bundle.resolve("manifest.json")));
        assertThat(again.metrics()).isEqualTo(trained.metrics());
    }

    @Test
    void onnxRuntimeMatchesTheTrainersOwnForwardPass() {
        assertOnnxMatchesForwardPass(bundle, trained);
    }

    @Test
    void theMlpExporterMatchesItsForwardPassToo() throws IOException {
        TrainingPipeline.Trained mlp = new TrainingPipeline(knowledge, SMALL_MLP).train(patients);
        Path dir = tmp.resolve("mlp");
        write(dir, mlp, SMALL_MLP);
        assertOnnxMatchesForwardPass(dir, mlp);
    }

    private static void assertOnnxMatchesForwardPass(Path dir, TrainingPipeline.Trained t) {
        ExampleFactory factory = new ExampleFactory(knowledge, new com.mediassist.core.knowledge.FeatureSpace(knowledge),
                new EvidenceStats(knowledge, new com.mediassist.core.knowledge.FeatureSpace(knowledge), List.of()));
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader("0.1.0").load(dir),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)))) {
            for (PatientRecord r : patients.subList(0, 40)) {
                List<String> denied = java.util.stream.Stream.of("E_91", "E_201", "E_55")
                        .filter(e -> r.evidences().stream().noneMatch(f -> f.startsWith(e))).toList();
                PatientFindings p = knowledge.findings(r.age(), r.sex().modelCode().orElseThrow(), r.evidences(), denied);
                double[] onnx = engine.probabilities(p);
                ExampleFactory.Example ex = factory.encode(p, 0);
                double[] reference = new double[knowledge.pathologies().size()];
                t.model().logits(ex.index(), ex.value(), reference);
                SoftmaxModel.softmaxInPlace(reference);
                for (int k = 0; k < reference.length; k++) {
                    assertThat(onnx[k]).isCloseTo(reference[k], within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void theShippedModelIsTheFallbacksNaiveBayesWithItsTemperature() {
        com.mediassist.core.knowledge.FeatureSpace space = new com.mediassist.core.knowledge.FeatureSpace(knowledge);
        com.mediassist.core.diagnosis.NaiveBayes nb = new com.mediassist.core.diagnosis.NaiveBayes(knowledge, space,
                trained.frequencies());
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader("0.1.0").load(bundle),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)))) {
            for (PatientRecord r : patients.subList(100, 130)) {
                List<String> denied = java.util.stream.Stream.of("E_91", "E_201", "E_55")
                        .filter(e -> r.evidences().stream().noneMatch(f -> f.startsWith(e))).toList();
                PatientFindings p = knowledge.findings(r.age(), r.sex().modelCode().orElseThrow(), r.evidences().subList(0, 3), denied);
                double[] onnx = engine.probabilities(p);
                double[] fallback = nb.posterior(p);
                double[] tempered = new double[fallback.length];
                for (int k = 0; k < fallback.length; k++) {
                    tempered[k] = Math.log(Math.max(fallback[k], 1e-300)) / trained.temperature();
                }
                SoftmaxModel.softmaxInPlace(tempered);
                for (int k = 0; k < onnx.length; k++) {
                    assertThat(onnx[k]).isCloseTo(tempered[k], within(1e-4));
                }
            }
        }
    }

    @Test
    void aModelTrainedWithoutAFifthOfThePatientsRanksMostOfThemFirst() throws IOException {
        int[] fold = ModelsCli.Evaluate.stratifiedFolds(patients, 5, 3L);
        List<PatientRecord> train = new java.util.ArrayList<>();
        List<PatientRecord> test = new java.util.ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            (fold[i] == 0 ? test : train).add(patients.get(i));
        }
        Path dir = tmp.resolve("fold");
        write(dir, new TrainingPipeline(knowledge, SHIPPED).train(train), SHIPPED);
        Evaluator all = new Evaluator(new Evaluator.Mode.Partial(1.0, 1L, true));
        Evaluator listedOnly = new Evaluator(new Evaluator.Mode.Partial(1.0, 1L, false));
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader("0.1.0").load(dir),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)))) {
            all.evaluate(engine, test, 0);
            listedOnly.evaluate(engine, test, 0);
        }
        // Measured with 5-fold CV at about 0.99 and 0.98; far lower means a broken model or encoding.
        assertThat((Double) all.report().get("top1")).isGreaterThan(0.95);
        assertThat((Double) listedOnly.report().get("top1")).isGreaterThan(0.93);
    }

    @Test
    void theSymptomPickerOffersTheQuestionMostAboutTheWordFirst() {
        assertThat(knowledge.search("tos", com.mediassist.core.knowledge.Language.ES, 5))
                .extracting(e -> e.code().value()).startsWith("E_201").contains("E_40");
    }

    @Test
    void refusesABundleBuiltForAnotherFeatureEncoding() throws IOException {
        Path c = copy("old-encoding");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(c.resolve("manifest.json").toFile());
        ((ObjectNode) m.path("model")).put("encoding", "ternary-v1");
        json.writeValue(c.resolve("manifest.json").toFile(), m);
        assertThatThrownBy(() -> DiagnosisEngine.open(new BundleLoader("0.1.0").load(c), DiagnosisOptions.defaults()))
                .isInstanceOf(FeatureMismatchException.class).hasMessageContaining("ternary-v1");
    }

    @Test
    void refusesTheBundleWhenItsModelWasTampered() throws IOException {
        Path c = copy("tampered");
        byte[] model = Files.readAllBytes(c.resolve("model.onnx"));
        model[model.length - 10] ^= 1;
        Files.write(c.resolve("model.onnx"), model);
        assertThatThrownBy(() -> new BundleLoader("0.1.0").load(c))
                .isInstanceOf(HashMismatchException.class).hasMessageContaining("model.onnx");
    }

    @Test
    void refusesAModelWhoseFeatureNamesDifferFromTheKnowledge() throws IOException {
        Path c = copy("renamed");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(c.resolve("manifest.json").toFile());
        ((ArrayNode) m.path("model").path("features")).set(0, "E_0_renamed");
        json.writeValue(c.resolve("manifest.json").toFile(), m);
        assertThatThrownBy(() -> DiagnosisEngine.open(new BundleLoader("0.1.0").load(c), DiagnosisOptions.defaults()))
                .isInstanceOf(FeatureMismatchException.class).hasMessageContaining("E_0_renamed");
    }

    @Test
    void theModelTellsADeniedEvidenceFromOneNotAsked() {
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader("0.1.0").load(bundle),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)))) {
            PatientFindings notAsked = knowledge.findings(30, "F", List.of("E_97"), List.of());
            PatientFindings denied = new PatientFindings(30, com.mediassist.core.knowledge.Sex.FEMALE, notAsked.present(),
                    Set.of(new com.mediassist.core.knowledge.EvidenceCode("E_91")));
            assertThat(engine.probabilities(denied)).isNotEqualTo(engine.probabilities(notAsked));
        }
    }

    @Test
    void answersFromTheFallbackWhenTheOnnxModelCannotBeOpened() throws IOException {
        Path c = copy("unreadable-model");
        Files.writeString(c.resolve("model.onnx"), "not an onnx model");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(c.resolve("manifest.json").toFile());
        for (var f : m.path("files")) {
            if (f.path("path").asText().equals("model.onnx")) {
                ((ObjectNode) f).put("sha256", BundleLoader.sha256(c.resolve("model.onnx")));
                ((ObjectNode) f).put("size", Files.size(c.resolve("model.onnx")));
            }
        }
        json.writeValue(c.resolve("manifest.json").toFile(), m);
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader("0.1.0").load(c), DiagnosisOptions.defaults())) {
            var r = engine.diagnose(knowledge.findings(30, "F", List.of("E_97", "E_91"), List.of()),
                    com.mediassist.core.knowledge.Language.ES);
            assertThat(r.fallback()).isTrue();
            assertThat(r.fallbackReason()).contains("could not be opened");
            assertThat(r.differential()).hasSize(5);
        }
    }

    private static Path copy(String name) throws IOException {
        Path c = tmp.resolve(name);
        Files.createDirectories(c);
        try (var s = Files.list(bundle)) {
            for (Path f : s.toList()) {
                Files.copy(f, c.resolve(f.getFileName()));
            }
        }
        return c;
    }
}

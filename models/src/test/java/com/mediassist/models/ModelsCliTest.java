package com.mediassist.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.models.ModelsException.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line over the default bundle the build wrote to target/bundle. */
class ModelsCliTest {

    static final Path DEFAULT_BUNDLE = Path.of("target/bundle");

    @TempDir
    Path tmp;

    private Path firstPatients(int n) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/data/ddxplus/patients-dev.csv"), StandardCharsets.UTF_8);
        Path csv = tmp.resolve("patients.csv");
        Files.write(csv, lines.subList(0, n + 1), StandardCharsets.UTF_8);
        return csv;
    }

    private JsonNode run(String... args) throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(ModelsCli.run(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluatePrintsTopKRecallAndCalibrationError() throws IOException {
        JsonNode r = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", firstPatients(30).toString());
        assertThat(r.path("patients").asInt()).isEqualTo(30);
        assertThat(r.path("top1").asDouble()).isBetween(0.5, 1.0);
        assertThat(r.path("top5").asDouble()).isGreaterThanOrEqualTo(r.path("top1").asDouble());
        assertThat(r.path("ece").isNumber()).isTrue();
        assertThat(r.path("perPathologyRecall").size()).isPositive();
        assertThat(r.path("bundle").path("id").asText()).isEqualTo("ddxplus-diagnosis");
    }

    @Test
    void interactiveModeReportsTheQuestionsAsked() throws IOException {
        JsonNode r = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", firstPatients(10).toString(),
                "--interactive", "--max-questions", "4");
        assertThat(r.path("mode").asText()).isEqualTo("interactive");
        assertThat(r.path("meanQuestions").asDouble()).isBetween(0.0, 4.0);
    }

    @Test
    void partialEvidenceIsReproducibleForASeed() throws IOException {
        String csv = firstPatients(20).toString();
        JsonNode a = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", csv, "--evidence-fraction", "0.25", "--seed", "3");
        JsonNode b = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", csv, "--evidence-fraction", "0.25", "--seed", "3");
        assertThat(a).isEqualTo(b);
        assertThat(a.path("mode").asText()).isEqualTo("partial-evidence");
    }

    @Test
    void readsARowAsACompleteAnswerSheetUnlessToldToUseTheListedEvidencesOnly() throws IOException {
        String csv = firstPatients(40).toString();
        JsonNode complete = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", csv,
                "--evidence-fraction", "0.5", "--seed", "2");
        JsonNode listed = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", csv,
                "--evidence-fraction", "0.5", "--seed", "2", "--positives-only");
        assertThat(complete.path("rowsRead").asText()).contains("complete answer sheet");
        assertThat(listed.path("rowsRead").asText()).contains("listed evidences only");
        // Denied answers are information: the same half of the questions, read with the denials, is
        // no less confident on the true pathology on average (calibration error differs too).
        assertThat(complete.path("top1").asDouble()).isGreaterThanOrEqualTo(listed.path("top1").asDouble());
        assertThat(complete).isNotEqualTo(listed);
    }

    @Test
    void listsTheMissesWhenAsked() throws IOException {
        JsonNode r = run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", firstPatients(40).toString(),
                "--evidence-fraction", "0.25", "--seed", "1", "--positives-only", "--misses");
        int wrong = (int) Math.round(r.path("patients").asInt() * (1 - r.path("top1").asDouble()));
        assertThat(r.path("misses").size()).isEqualTo(wrong);
        for (JsonNode m : r.path("misses")) {
            assertThat(m.path("row").asInt()).isBetween(1, 40);
            assertThat(m.path("truth").asText()).isNotEqualTo(m.path("predicted").asText());
            assertThat(m.path("predictedProbability").asDouble()).isGreaterThanOrEqualTo(m.path("truthProbability").asDouble());
        }
    }

    @Test
    void rejectsAnEvidenceFractionOutOfRange() throws IOException {
        assertThat(ModelsCli.run("evaluate", "--bundle", DEFAULT_BUNDLE.toString(), "--patients", firstPatients(2).toString(),
                "--evidence-fraction", "1.5")).isEqualTo(2);
    }

    @Test
    void namesTheMissingColumnOfAPatientsFile() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "AGE,SEX,EVIDENCES\n30,F,\"['E_91']\"\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DdxplusData.readPatients(csv))
                .isInstanceOf(BadInputException.class).hasMessageContaining("PATHOLOGY");
    }

    @Test
    void theKnowledgeHasSpanishAndEnglishForEveryEvidenceValueAndPathology() {
        var k = DdxplusData.buildKnowledge(Path.of("src/main/data/ddxplus"));
        assertThat(k.evidences()).hasSize(223);
        assertThat(k.pathologies()).hasSize(49);
        assertThat(k.evidence(new com.mediassist.core.knowledge.EvidenceCode("E_91")).orElseThrow().question().es())
                .contains("fiebre");
        assertThat(k.pathologies()).allSatisfy(p -> {
            assertThat(p.name().es()).isNotBlank();
            assertThat(p.icd10()).isNotBlank();
            assertThat(p.severity()).isBetween(1, 5);
        });
    }
}

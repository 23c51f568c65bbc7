package com.mediassist.models.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.core.deid.DeidBundle;
import com.mediassist.models.ModelsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-deid} and {@code evaluate-deid} end to end on a small synthetic brat corpus (invented
 * notes in test resources; MEDDOCAN itself is not needed): Tribuo trains, the export decodes exactly
 * as Tribuo does, the bundle verifies, and the evaluation prints one JSON object of scores.
 */
class DeidCommandsTest {

    private static Path corpus(String split) throws Exception {
        return Paths.get(DeidCommandsTest.class.getResource("/deid-brat/" + split).toURI());
    }

    private static String run(String... args) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(ModelsCli.run(args)).isZero();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainsABundleThatDecodesAsTribuoDoesAndScoresItOnBratNotes(@TempDir Path out) throws Exception {
        run("train-deid", "--train", corpus("train").toString(), "--dev", corpus("dev").toString(), "--out", out.toString(),
                "--epochs", "3", "--min-count", "1");
        DeidBundle b = DeidBundle.load(out);
        assertThat(b.manifest().path("training").path("exportAgreementWithTribuo").asDouble()).isGreaterThanOrEqualTo(0.995);
        assertThat(b.manifest().path("training").path("trainer").asText()).contains("CRFTrainer");
        assertThat(b.gateSpanRecall()).isEqualTo(DeidCommands.SPAN_RECALL_GATE);

        JsonNode scores = new ObjectMapper().readTree(run("evaluate-deid", "--brat-dir", corpus("dev").toString(),
                "--bundle", out.toString()));
        assertThat(scores.fieldNames()).toIterable().containsExactly("strict", "leak");
        assertThat(scores.path("strict").path("f1").asDouble()).isGreaterThan(0.8);
        assertThat(scores.path("strict").path("byType").has("NOMBRE_SUJETO_ASISTENCIA")).isTrue();
        assertThat(scores.path("leak").path("spanRecall").asDouble()).isGreaterThan(0.8);
        assertThat(scores.path("leak").has("unmaskedCharacterShare")).isTrue();
    }
}

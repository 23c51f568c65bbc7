package com.mediassist.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidBundleTest {

    @Test
    void shippedBundleStatesItsProvenanceDevScoresAndRecallGate() {
        DeidBundle b = DeidBundle.shipped();
        assertThat(b.id()).isEqualTo("meddocan-deid");
        assertThat(b.manifest().path("training").path("data").asText()).contains("MEDDOCAN");
        assertThat(b.manifest().path("dev").path("strict").path("f1").isNumber()).isTrue();
        assertThat(b.gateSpanRecall()).isEqualTo(0.98);
        assertThat(b.meetsGate()).isEqualTo(b.measuredSpanRecall() >= b.gateSpanRecall());
    }

    @Test
    void refusesABundleWhoseModelFileWasAltered(@TempDir Path dir) throws Exception {
        copyShipped(dir);
        byte[] model = Files.readAllBytes(dir.resolve(DeidBundle.MODEL_FILE));
        model[model.length / 2] ^= 1;
        Files.write(dir.resolve(DeidBundle.MODEL_FILE), model);
        assertThatThrownBy(() -> DeidBundle.load(dir)).isInstanceOf(DeidException.InvalidBundleException.class)
                .hasMessageContaining("model.crf.gz expected sha256");
    }

    @Test
    void refusesABundleWithoutItsGazetteers(@TempDir Path dir) throws Exception {
        copyShipped(dir);
        Files.delete(dir.resolve(DeidBundle.GAZETTEER_FILE));
        assertThatThrownBy(() -> DeidBundle.load(dir)).isInstanceOf(DeidException.InvalidBundleException.class)
                .hasMessageContaining("lacks gazetteers.tsv");
    }

    /** The shipped bundle's files in {@code dir}. */
    static void copyShipped(Path dir) throws Exception {
        for (String f : new String[] {DeidBundle.MANIFEST, DeidBundle.MODEL_FILE, DeidBundle.GAZETTEER_FILE}) {
            try (InputStream in = DeidBundle.class.getResourceAsStream(DeidBundle.SHIPPED + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }
}

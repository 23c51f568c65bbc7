package com.mediassist.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.fit.VerdictModel.Signal;
import com.mediassist.core.summary.KnowledgeFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit verdict's logistic model and its data file. */
class VerdictModelTest {

    private static Map<Signal, Double> signals(double outside, double coverage, double top3, int symptoms) {
        Map<Signal, Double> m = new EnumMap<>(Signal.class);
        m.put(Signal.OUTSIDE_LOAD, outside);
        m.put(Signal.COVERAGE, coverage);
        m.put(Signal.COVERAGE_TOP3, top3);
        m.put(Signal.LOG_SYMPTOMS, Math.log1p(symptoms));
        m.put(Signal.ASSESSED_OUTSIDE, 0.0);
        m.put(Signal.ASSESSED_IN_SCOPE, 0.0);
        return m;
    }

    @Test
    void theShippedModelSaysFindingsFromOutsideAndUncharacteristicFindingsAreNotExplained() {
        VerdictModel m = VerdictModel.loadDefault();
        double typical = m.notExplained(signals(0, 0.7, 0.7, 6));
        assertThat(m.notExplained(signals(1, 0.7, 0.7, 6))).isGreaterThan(typical);
        assertThat(m.notExplained(signals(0, 0.1, 0.1, 6))).isGreaterThan(typical);
        assertThat(m.notExplained(signals(0, 0.7, 0.7, 1))).isGreaterThan(typical);
        assertThat(m.verdict(typical)).isEqualTo(FitVerdict.IN_SCOPE);
        // two symptoms, none of them characteristic of any leading candidate, and two findings from outside
        assertThat(m.verdict(m.notExplained(signals(2, 0, 0, 2)))).isEqualTo(FitVerdict.OUT_OF_SCOPE);
        assertThat(m.lowFitFrom()).isLessThanOrEqualTo(m.outOfScopeFrom());
    }

    @Test
    void theShippedModelReadsAnAssessmentNamingAConditionOutsideTheModelAsEvidenceAgainstItAndOneOfThe49AsSupport() {
        VerdictModel m = VerdictModel.loadDefault();
        Map<Signal, Double> none = signals(0, 0.4, 0.4, 4);
        Map<Signal, Double> outside = signals(0, 0.4, 0.4, 4);
        outside.put(Signal.ASSESSED_OUTSIDE, 1.0);
        Map<Signal, Double> named = signals(0, 0.4, 0.4, 4);
        named.put(Signal.ASSESSED_IN_SCOPE, 1.0);
        assertThat(m.notExplained(outside)).isGreaterThan(m.notExplained(none));
        assertThat(m.notExplained(named)).isLessThan(m.notExplained(none));
    }

    @Test
    void writesAndReadsBackTheSameModel(@TempDir Path dir) throws IOException {
        VerdictModel m = new VerdictModel(1.5, Map.of(Signal.OUTSIDE_LOAD, 2.0, Signal.COVERAGE, -3.0,
                Signal.COVERAGE_TOP3, -1.0, Signal.LOG_SYMPTOMS, -0.5, Signal.ASSESSED_OUTSIDE, 1.25,
                Signal.ASSESSED_IN_SCOPE, -0.75), 0.6, 0.9);
        Path f = dir.resolve("m.tsv");
        m.write(f, List.of("fitted for a test"));
        assertThat(Files.readString(f)).startsWith("# fitted for a test");
        assertThat(VerdictModel.read(f)).isEqualTo(m);
    }

    @Test
    void refusesAnUnknownSignalNamingTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.tsv");
        Files.writeString(f, "# model\nintercept\t1\nfever\t2\n");
        assertThatThrownBy(() -> VerdictModel.read(f)).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("line 3").hasMessageContaining("fever");
    }

    @Test
    void refusesAModelWithoutACoefficientForEverySignal(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.tsv");
        Files.writeString(f, "intercept\t1\noutside-load\t2\ncoverage\t-1\nlow-fit-from\t0.5\nout-of-scope-from\t0.9\n");
        assertThatThrownBy(() -> VerdictModel.read(f)).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("coverage-top3");
    }

    @Test
    void refusesThresholdsOutOfOrder() {
        Map<Signal, Double> c = Map.of(Signal.OUTSIDE_LOAD, 1.0, Signal.COVERAGE, -1.0, Signal.COVERAGE_TOP3, -1.0,
                Signal.LOG_SYMPTOMS, -1.0, Signal.ASSESSED_OUTSIDE, 1.0, Signal.ASSESSED_IN_SCOPE, -1.0);
        assertThatThrownBy(() -> new VerdictModel(0, c, 0.9, 0.5)).isInstanceOf(KnowledgeFileException.class)
                .hasMessageContaining("low-fit");
    }
}

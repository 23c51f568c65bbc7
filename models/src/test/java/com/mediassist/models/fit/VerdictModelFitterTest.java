package com.mediassist.models.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.fit.VerdictModel;
import com.mediassist.core.fit.VerdictModel.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The logistic fit of the verdict model on synthetic notes, and the command's refusal of fixed vignette files. */
class VerdictModelFitterTest {

    private static Map<Signal, Double> signals(double outside, double coverage, int symptoms) {
        Map<Signal, Double> m = new EnumMap<>(Signal.class);
        m.put(Signal.OUTSIDE_LOAD, outside);
        m.put(Signal.COVERAGE, coverage);
        m.put(Signal.COVERAGE_TOP3, Math.min(1, coverage + 0.1));
        m.put(Signal.LOG_SYMPTOMS, Math.log1p(symptoms));
        m.put(Signal.ASSESSED_OUTSIDE, 0.0);
        m.put(Signal.ASSESSED_IN_SCOPE, 0.0);
        return m;
    }

    /** In-scope notes cover their condition well; out-of-scope ones cover it poorly and half have an outside finding. */
    private static List<VerdictModelFitter.Example> notes(int n, long seed) {
        Random r = new Random(seed);
        List<VerdictModelFitter.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean outside = i % 2 == 0;
            double coverage = outside ? 0.35 * r.nextDouble() : 0.3 + 0.6 * r.nextDouble();
            double load = outside && r.nextBoolean() ? 1 : 0;
            int symptoms = outside ? 1 + r.nextInt(4) : 3 + r.nextInt(5);
            Map<Signal, Double> read = signals(load, coverage, symptoms);
            out.add(new VerdictModelFitter.Example(i < n / 2 ? "a.txt" : "b.txt", "n" + i, outside, read,
                    signals(0, coverage, symptoms)));
        }
        return out;
    }

    @Test
    void learnsThatOutsideFindingsAndUncharacteristicFindingsMeanOutOfScope() {
        VerdictModel m = new VerdictModelFitter(1, 0.25).model(notes(200, 1), 0.5, 0.9);
        assertThat(m.coefficients().get(Signal.OUTSIDE_LOAD)).isPositive();
        assertThat(m.coefficients().get(Signal.COVERAGE) + m.coefficients().get(Signal.COVERAGE_TOP3)).isNegative();
        assertThat(m.notExplained(signals(1, 0.1, 2))).isGreaterThan(0.9);
        assertThat(m.notExplained(signals(0, 0.8, 6))).isLessThan(0.1);
    }

    @Test
    void anAssessmentTheNotesStateIsLearntAndANoteThatStatesNoneIsDecidedByTheOtherSignals() {
        Random r = new Random(3);
        List<VerdictModelFitter.Example> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean outside = i % 2 == 0;
            double coverage = outside ? 0.4 * r.nextDouble() : 0.2 + 0.7 * r.nextDouble();
            Map<Signal, Double> s = signals(0, coverage, 4);
            // half the notes state an assessment, always the right kind
            if (i % 4 < 2) {
                s.put(outside ? Signal.ASSESSED_OUTSIDE : Signal.ASSESSED_IN_SCOPE, 1.0);
            }
            data.add(new VerdictModelFitter.Example("a.txt", "n" + i, outside, s, s));
        }
        VerdictModel robust = new VerdictModelFitter(1, 0, 0.5).model(data, 0.5, 0.9);
        assertThat(robust.coefficients().get(Signal.ASSESSED_OUTSIDE)).isPositive();
        assertThat(robust.coefficients().get(Signal.ASSESSED_IN_SCOPE)).isNegative();
        // a note that states nothing is decided by its coverage: low coverage is more likely outside
        assertThat(robust.notExplained(signals(0, 0.05, 4))).isGreaterThan(robust.notExplained(signals(0, 0.8, 4)));
        assertThat(VerdictModelFitter.withoutAssessment(data.get(0).signals()).get(Signal.ASSESSED_OUTSIDE)).isZero();
        List<double[][]> cv = new VerdictModelFitter(1, 0, 0.5).crossValidated(data, 5, 1, 7);
        assertThat(cv.get(0)[0]).hasSize(3);
    }

    @Test
    void aStrongerPenaltyShrinksTheCoefficients() {
        List<VerdictModelFitter.Example> data = notes(200, 2);
        double loose = Math.abs(new VerdictModelFitter(0.01, 0.25).coefficients(data)[2]);
        double tight = Math.abs(new VerdictModelFitter(100, 0.25).coefficients(data)[2]);
        assertThat(tight).isLessThan(loose);
    }

    @Test
    void theCrossValidatedCurveFlagsFewerNotesAtHigherThresholdsAndPicksTheFirstWithinTheLimit() {
        List<VerdictModelFitter.Example> data = notes(120, 3);
        VerdictModelFitter f = new VerdictModelFitter(1, 0.25);
        List<VerdictModelFitter.Point> curve = VerdictModelFitter.curve(data, f.crossValidated(data, 5, 3, 7),
                new double[]{0.1, 0.3, 0.5, 0.7, 0.9});
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).inScopeFlagged()).isLessThanOrEqualTo(curve.get(i - 1).inScopeFlagged());
            assertThat(curve.get(i).outOfScopeFlagged()).isLessThanOrEqualTo(curve.get(i - 1).outOfScopeFlagged());
        }
        double t = VerdictModelFitter.lowestWithin(curve, 0.1);
        assertThat(curve.stream().filter(p -> p.threshold() == t).findFirst().orElseThrow().inScopeFlagged()).isLessThanOrEqualTo(0.1);
        assertThat(curve.stream().filter(p -> p.threshold() < t)).allMatch(p -> p.inScopeFlagged() > 0.1);
        // each file scored by a model fitted on the other one
        assertThat(f.leaveFileOut(data, "b.txt")).hasNumberOfRows(60);
    }

    @Test
    void inScopeCopiesWithAnIncidentalOutsideFindingKeepOneSuchFindingFromOutweighingAWellExplainedPicture() {
        List<VerdictModelFitter.Example> data = notes(200, 4);
        VerdictModelFitter none = new VerdictModelFitter(1, 0);
        VerdictModelFitter some = new VerdictModelFitter(1, 1);
        assertThat(some.coefficients(data)[1]).isLessThan(none.coefficients(data)[1]);
        assertThat(some.incidentalFlagged(data, 5, 2, 3, 0.5)).isLessThan(none.incidentalFlagged(data, 5, 2, 3, 0.5));
    }

    @Test
    void copiesWithSimulatedReaderMissesFlagFewerInScopeNotesReadWithMisses() {
        Random r = new Random(5);
        List<VerdictModelFitter.Example> data = new ArrayList<>();
        for (VerdictModelFitter.Example x : notes(200, 5)) {
            double c = x.signals().get(Signal.COVERAGE);
            int symptoms = (int) Math.round(Math.expm1(x.signals().get(Signal.LOG_SYMPTOMS)));
            // a reader that misses findings lowers the coverage of the right condition
            List<Map<Signal, Double>> missed = List.of(signals(x.signals().get(Signal.OUTSIDE_LOAD), c * 0.5, symptoms - 1),
                    signals(x.signals().get(Signal.OUTSIDE_LOAD), c * r.nextDouble(), symptoms - 1));
            data.add(new VerdictModelFitter.Example(x.file(), x.id(), x.outOfScope(), x.signals(), x.codedOnly(), missed));
        }
        double[] grid = {0.5};
        double without = VerdictModelFitter.missedCurve(data, new VerdictModelFitter(1, 0, 0, 0).crossValidated(data, 5, 2, 3), grid)
                .get(0).inScopeFlagged();
        double with = VerdictModelFitter.missedCurve(data, new VerdictModelFitter(1, 0, 0, 2).crossValidated(data, 5, 2, 3), grid)
                .get(0).inScopeFlagged();
        assertThat(with).isLessThan(without);
        // a note without copies is fitted as before
        assertThat(new VerdictModelFitter(1, 0, 0, 2).coefficients(notes(200, 5)))
                .containsExactly(new VerdictModelFitter(1, 0, 0, 0).coefficients(notes(200, 5)));
    }

    @Test
    void refusesToFitOnAFixedVignetteFile() {
        CommandLine cl = new CommandLine(new FitVerdictCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute("--vignettes", "src/test/resources/fit-vignettes/blind.txt");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("blind.txt is a fixed vignette file");
    }
}

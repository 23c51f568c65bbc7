package com.mediassist.models.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.fit.VerdictModel;
import com.mediassist.core.summary.SummaryExtractor;
import com.mediassist.models.ModelsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fit-verdict [--vignettes FILE,...] [--out FILE]}: fits the fit verdict's logistic model on the tuning
 * vignettes ({@code tune*.txt} only; a fixed file is refused), prints its cross-validated trade-off curve (shares of
 * in-scope and out-of-scope notes flagged per threshold, 5 folds × 10 shuffles, and each file scored by a model
 * fitted on the others) and the chosen thresholds, and writes the model file when asked.
 */
@Command(name = "fit-verdict", mixinStandardHelpOptions = true,
        description = "Fits the fit verdict's logistic model on the tuning vignettes and prints its cross-validated trade-off curve.")
public final class FitVerdictCommand implements Callable<Integer> {

    private static final String MIN_APPLIANCE_VERSION = "0.1.0";

    @Option(names = "--bundle", defaultValue = "${env:MEDIASSIST_DEFAULT_BUNDLE:-models/target/bundle}",
            description = "bundle directory; default: ${DEFAULT-VALUE}")
    Path bundle;

    @Option(names = "--vignettes", split = ",", description = "tuning files; default: every tune*.txt of " + "models/src/test/resources/fit-vignettes")
    List<Path> files;

    @Option(names = "--l2", defaultValue = "1", description = "L2 penalty on the standardised coefficients; default ${DEFAULT-VALUE}")
    double l2;

    @Option(names = "--incidental-weight", defaultValue = "0.25",
            description = "weight of each in-scope note's copy with one more finding from outside the model; default ${DEFAULT-VALUE}")
    double incidental;

    @Option(names = "--unstated-weight", defaultValue = "0.5",
            description = "weight of each note's copy without its stated assessment; default ${DEFAULT-VALUE}")
    double unstated;

    @Option(names = "--miss-weight", defaultValue = "0",
            description = "weight shared by each note's copies with simulated reader misses (0: none); default ${DEFAULT-VALUE}")
    double missWeight;

    @Option(names = "--miss-copies", defaultValue = "4",
            description = "copies with simulated reader misses per note; default ${DEFAULT-VALUE}")
    int missCopies;

    @Option(names = "--miss-rate", defaultValue = "0.3",
            description = "probability that a simulated reader misses each coded finding; default ${DEFAULT-VALUE}")
    double missRate;

    /*
     * 0.10: the limit (0.15) less a margin of 0.05, read on the curve of notes without their stated assessment.
     * History: 0.08, then 0.05 while the in-scope tuning notes were all read by a lexicon tuned on them (tune4, scored
     * unseen: 0.15 flagged against 0.08 cross-validated); tune5 (49 in-scope notes of a new hand, 0.265 flagged unseen)
     * put that gap into the fitting data, and at 0.05 its hard in-scope notes pushed the threshold to where the
     * cross-validated out-of-scope share without assessment fell to 0.756, too close to the 0.75 target.
     */
    @Option(names = "--max-in-scope-low-fit", defaultValue = "0.10",
            description = "largest cross-validated share of in-scope notes flagged at the low-fit threshold; default ${DEFAULT-VALUE}")
    double maxLowFit;

    @Option(names = "--max-in-scope-low-fit-with-misses", defaultValue = "1",
            description = "largest cross-validated share of the in-scope notes' copies with simulated reader misses "
                    + "flagged at the low-fit threshold (1: no bound); default ${DEFAULT-VALUE}")
    double maxLowFitMissed;

    @Option(names = "--max-in-scope-out-of-scope", defaultValue = "0.03",
            description = "largest cross-validated share of in-scope notes called out of scope; default ${DEFAULT-VALUE}")
    double maxOutOfScope;

    @Option(names = "--seed", defaultValue = "21", description = "seed of the fold shuffles; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", description = "write the model here (the shipped one is inference-core/src/main/resources/fit/verdict-model.tsv)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> tuning = files != null ? files : tuningFiles(EvaluateFitCommand.DIR);
        for (Path f : tuning) {
            if (!EvaluateFitCommand.split(f).equals("tuning")) {
                throw new ModelsException.BadInputException(f + " is a fixed vignette file: the verdict model is fitted on "
                        + "tuning files (tune*.txt) only");
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        List<VerdictModelFitter.Example> examples = new ArrayList<>();
        DiagnosisOptions options = DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10));
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader(MIN_APPLIANCE_VERSION).load(bundle), options)) {
            FitEvaluation eval = new FitEvaluation(SummaryExtractor.loadDefault(), engine);
            for (Path f : tuning) {
                examples.addAll(eval.examples(f.getFileName().toString(), Vignette.read(f), missCopies, missRate));
            }
        }
        VerdictModelFitter fitter = new VerdictModelFitter(l2, incidental, unstated, missWeight);
        double[] grid = new double[91];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.round((0.05 + 0.01 * i) * 100) / 100.0;
        }
        List<double[][]> probabilities = fitter.crossValidated(examples, 5, 10, seed);
        List<VerdictModelFitter.Point> cv = VerdictModelFitter.curve(examples, probabilities, grid);
        // the thresholds must hold for notes that state no assessment: read off the notes as if they stated none
        List<VerdictModelFitter.Point> bare = VerdictModelFitter.curve(examples, probabilities, grid, 2);
        List<VerdictModelFitter.Point> missedCurve = VerdictModelFitter.missedCurve(examples, probabilities, grid);
        double low = Math.max(VerdictModelFitter.lowestWithin(bare, maxLowFit),
                VerdictModelFitter.lowestWithin(missedCurve, maxLowFitMissed));
        double outOf = Math.max(low, VerdictModelFitter.lowestWithin(bare, maxOutOfScope));
        VerdictModel model = fitter.model(examples, low, outOf);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("notes", examples.size());
        report.put("outOfScopeNotes", examples.stream().filter(VerdictModelFitter.Example::outOfScope).count());
        report.put("model", describe(model));
        Map<String, Object> stated = new LinkedHashMap<>();
        for (boolean outside : new boolean[]{false, true}) {
            List<VerdictModelFitter.Example> group = examples.stream().filter(e -> e.outOfScope() == outside).toList();
            stated.put(outside ? "outOfScopeNotes" : "inScopeNotes", String.format(Locale.ROOT,
                    "%d notes: assessment names an outside condition in %d, one of the 49 (and none outside) in %d",
                    group.size(), group.stream().filter(e -> e.signals().get(VerdictModel.Signal.ASSESSED_OUTSIDE) > 0).count(),
                    group.stream().filter(e -> e.signals().get(VerdictModel.Signal.ASSESSED_IN_SCOPE) > 0).count()));
        }
        report.put("statedAssessment", stated);
        report.put("crossValidated5x10", cv.stream()
                .filter(p -> Math.round(p.threshold() * 100) % 5 == 0 || p.threshold() == low || p.threshold() == outOf)
                .map(FitVerdictCommand::point).toList());
        report.put("crossValidated5x10WithoutStatedAssessment", bare.stream()
                .filter(p -> Math.round(p.threshold() * 100) % 5 == 0 || p.threshold() == low || p.threshold() == outOf)
                .map(FitVerdictCommand::point).toList());
        report.put("crossValidated5x10InScopeWithReaderMisses", missedCurve.stream()
                .filter(p -> Math.round(p.threshold() * 100) % 5 == 0 || p.threshold() == low || p.threshold() == outOf)
                .map(p -> String.format(Locale.ROOT, "t=%.2f in-scope flagged %.3f", p.threshold(), p.inScopeFlagged())).toList());
        Map<String, Object> lofo = new LinkedHashMap<>();
        for (Path f : tuning) {
            String name = f.getFileName().toString();
            List<VerdictModelFitter.Example> mine = examples.stream().filter(e -> e.file().equals(name)).toList();
            if (tuning.size() > 1) {
                lofo.put(name, VerdictModelFitter.curve(mine, List.<double[][]>of(fitter.leaveFileOut(examples, name)),
                        new double[]{low, outOf}).stream().map(FitVerdictCommand::point).toList());
            }
        }
        report.put("eachFileFromTheOthers", lofo);
        report.put("inScopeFlaggedWithOneMoreOutsideFinding", Math.round(1000 * fitter.incidentalFlagged(examples, 5, 10, seed, low)) / 1000.0);
        w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        if (out != null) {
            model.write(out, List.of(
                    "The fit verdict's logistic model (VerdictModel): P(the 49 conditions do not explain the findings).",
                    "Written by: bin/models fit-verdict --vignettes " + String.join(",", tuning.stream().map(Path::toString).toList())
                            + " --l2 " + l2 + " --incidental-weight " + incidental + " --unstated-weight " + unstated
                            + " --miss-weight " + missWeight + " --miss-copies " + missCopies + " --miss-rate " + missRate
                            + " --max-in-scope-low-fit " + maxLowFit + " --max-in-scope-low-fit-with-misses " + maxLowFitMissed + " --max-in-scope-out-of-scope "
                            + maxOutOfScope + " --seed " + seed + " --out <this file>",
                    "Fitted on " + examples.size() + " tuning notes only; thresholds from 5-fold x 10 cross-validated probabilities.",
                    "Do not edit by hand: refit and record the curve in BENCHMARKS.md."));
            w.println("wrote " + out);
        }
        w.flush();
        return 0;
    }

    /** The tuning vignette files of a directory ({@code tune*.txt}), sorted by name. */
    static List<Path> tuningFiles(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> EvaluateFitCommand.split(p).equals("tuning") && p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Map<String, Object> describe(VerdictModel m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("intercept", round(m.intercept()));
        m.coefficients().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> d.put(e.getKey().code(), round(e.getValue())));
        d.put("lowFitFrom", m.lowFitFrom());
        d.put("outOfScopeFrom", m.outOfScopeFrom());
        return d;
    }

    private static String point(VerdictModelFitter.Point p) {
        return String.format(Locale.ROOT, "t=%.2f in-scope flagged %.3f, out of scope flagged %.3f (coded findings alone %.3f)",
                p.threshold(), p.inScopeFlagged(), p.outOfScopeFlagged(), p.outOfScopeFlaggedCodedOnly());
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}

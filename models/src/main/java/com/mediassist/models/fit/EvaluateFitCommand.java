package com.mediassist.models.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.summary.SummaryExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code evaluate-fit [--bundle DIR] [--vignettes FILE]... [--details]}: runs doctor-written notes through the
 * note reader and the diagnosis engine and prints the fit metrics of issue 21, one JSON object per file.
 */
@Command(name = "evaluate-fit", mixinStandardHelpOptions = true,
        description = "Scores the diagnosis on doctor-written notes: in-scope accuracy, out-of-scope verdicts, calibration.")
public final class EvaluateFitCommand implements Callable<Integer> {

    /** Appliance version the bundle must accept. */
    private static final String MIN_APPLIANCE_VERSION = "0.1.0";

    @Option(names = "--bundle", description = "bundle directory; default: ${DEFAULT-VALUE}",
            defaultValue = "${env:MEDIASSIST_DEFAULT_BUNDLE:-models/target/bundle}")
    Path bundle;

    @Option(names = "--vignettes", description = "vignette files; default: the two tuning sets, the held-out and the blind split",
            split = ",")
    List<Path> files = List.of(Path.of("models/src/test/resources/fit-vignettes/tune.txt"),
            Path.of("models/src/test/resources/fit-vignettes/tune2.txt"),
            Path.of("models/src/test/resources/fit-vignettes/holdout.txt"),
            Path.of("models/src/test/resources/fit-vignettes/blind.txt"));

    @Option(names = "--details", description = "also print one line per note")
    boolean details;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        DiagnosisOptions options = DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10));
        try (DiagnosisEngine engine = DiagnosisEngine.open(new BundleLoader(MIN_APPLIANCE_VERSION).load(bundle), options)) {
            FitEvaluation eval = new FitEvaluation(SummaryExtractor.loadDefault(), engine);
            Map<String, Object> all = new LinkedHashMap<>();
            for (Path f : files) {
                List<FitEvaluation.Outcome> outcomes = eval.run(Vignette.read(f));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("split", split(f));
                m.putAll(FitEvaluation.metrics(outcomes));
                all.put(f.getFileName().toString(), m);
                if (details) {
                    FitEvaluation.details(outcomes).forEach(out::println);
                }
            }
            out.println(json.writeValueAsString(all));
        }
        out.flush();
        return 0;
    }

    /** Whether settings may be chosen on a vignette file: the tuning sets are named {@code tune*.txt}. */
    static String split(Path file) {
        return file.getFileName().toString().startsWith("tune") ? "tuning" : "fixed";
    }
}

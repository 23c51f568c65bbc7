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

    /** Where the vignette files live. */
    static final Path DIR = Path.of("models/src/test/resources/fit-vignettes");

    @Option(names = "--bundle", description = "bundle directory; default: ${DEFAULT-VALUE}",
            defaultValue = "${env:MEDIASSIST_DEFAULT_BUNDLE:-models/target/bundle}")
    Path bundle;

    @Option(names = "--vignettes", description = "vignette files; default: every *.txt of " + "models/src/test/resources/fit-vignettes"
            + ", the tuning files (tune*.txt) first, then the fixed ones (blind, blind2, blind3, holdout …)", split = ",")
    List<Path> files;

    @Option(names = "--details", description = "also print one line per note of the tuning files (the fixed files, never "
            + "tuned on, are reported as aggregates only)")
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
            for (Path f : files != null ? files : defaultFiles(DIR)) {
                List<FitEvaluation.Outcome> outcomes = eval.run(Vignette.read(f));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("split", split(f));
                m.putAll(FitEvaluation.metrics(outcomes));
                all.put(f.getFileName().toString(), m);
                if (details && split(f).equals("tuning")) {
                    FitEvaluation.details(outcomes).forEach(out::println);
                }
            }
            out.println(json.writeValueAsString(all));
        }
        out.flush();
        return 0;
    }

    /** Every vignette file of a directory: the tuning files first, then the fixed ones, each group by name. */
    static List<Path> defaultFiles(Path dir) throws java.io.IOException {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted(java.util.Comparator.comparing((Path p) -> split(p).equals("tuning") ? 0 : 1)
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** Whether settings may be chosen on a vignette file: the tuning sets are named {@code tune*.txt}. */
    static String split(Path file) {
        return file.getFileName().toString().startsWith("tune") ? "tuning" : "fixed";
    }
}

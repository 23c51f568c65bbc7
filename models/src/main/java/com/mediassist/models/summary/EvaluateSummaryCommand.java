package com.mediassist.models.summary;

import com.mediassist.core.summary.SummaryExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code evaluate-summary [--gold DIR[,DIR…]] [--details]}: prints precision, recall and F1 per field of the
 * consultation-summary extractor on annotated gold notes. Without {@code --gold} it prints every split
 * separately, the development splits first (the rules' own gold set with the blind set's {@code dev/}, the
 * second blind author's {@code dev2/}, the third's {@code dev3/}, the fifth's {@code dev4/}, the seventh's {@code dev5/}, the eighth's {@code dev6/}, the ninth's {@code dev7/}, the tenth's {@code dev8/} and the eleventh's {@code dev9/}, all of which the
 * rules may be tuned on), then the fixed splits (the blind {@code test/}, {@code test2/} and {@code test3/}, never
 * tuned on, and the older held-out set). A
 * default split whose folder is not there yet is named as missing. Exit code 0; 2 for a bad gold folder.
 */
@Command(name = "evaluate-summary", mixinStandardHelpOptions = true,
        description = "Scores the consultation-summary extractor on the annotated gold notes (P/R/F1 per field), per split.")
public final class EvaluateSummaryCommand implements Callable<Integer> {

    /** The splits printed by default, in order: name and folders under {@code --gold-root}. */
    static final Map<String, List<String>> SPLITS = splits();

    @Option(names = "--gold-root", description = "folder holding the default splits' gold folders; default: ${DEFAULT-VALUE}",
            defaultValue = "models/src/test/resources")
    Path goldRoot;

    @Option(names = "--gold", split = ",",
            description = "gold folder(s) of *.json notes scored together; default: every split (development: summary-gold + dev, dev2, dev3, dev4, dev5 … dev9; fixed: test, test2, test3, held-out)")
    List<Path> gold;

    @Option(names = "--details", description = "also list every missed, extra or mislabelled item")
    boolean details;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static Map<String, List<String>> splits() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("development split: summary-gold + blind dev (summary-gold-blind/dev; tuned on)",
                List.of("summary-gold", "summary-gold-blind/dev"));
        m.put("development split: blind dev2 (summary-gold-blind/dev2, a second blind author; tuned on)",
                List.of("summary-gold-blind/dev2"));
        m.put("development split: blind dev3 (summary-gold-blind/dev3, a fourth hand; tuned on)",
                List.of("summary-gold-blind/dev3"));
        m.put("development split: blind dev4 (summary-gold-blind/dev4, a fifth hand; tuned on)",
                List.of("summary-gold-blind/dev4"));
        m.put("development split: blind dev5 (summary-gold-blind/dev5, a seventh hand; tuned on)",
                List.of("summary-gold-blind/dev5"));
        m.put("development split: blind dev6 (summary-gold-blind/dev6, an eighth hand; tuned on)",
                List.of("summary-gold-blind/dev6"));
        m.put("development split: blind dev7 (summary-gold-blind/dev7, a ninth hand; scored once unseen, then tuned on)",
                List.of("summary-gold-blind/dev7"));
        m.put("development split: blind dev8 (summary-gold-blind/dev8, a tenth hand; scored once unseen, then tuned on)",
                List.of("summary-gold-blind/dev8"));
        m.put("development split: blind dev9 (summary-gold-blind/dev9, an eleventh hand; scored once unseen, then tuned on)",
                List.of("summary-gold-blind/dev9"));
        m.put("fixed split: blind test (summary-gold-blind/test; never tuned on)", List.of("summary-gold-blind/test"));
        m.put("fixed split: blind test2 (summary-gold-blind/test2, the same fourth hand; never tuned on)",
                List.of("summary-gold-blind/test2"));
        m.put("fixed split: blind test3 (summary-gold-blind/test3, the same fifth hand; never tuned on)",
                List.of("summary-gold-blind/test3"));
        m.put("fixed split: held-out (summary-gold-holdout)", List.of("summary-gold-holdout"));
        return m;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SummaryEvaluation evaluation = new SummaryEvaluation(SummaryExtractor.loadDefault());
        Map<String, List<Path>> runs = new LinkedHashMap<>();
        if (gold != null && !gold.isEmpty()) {
            runs.put(null, gold);
        } else {
            SPLITS.forEach((name, dirs) -> runs.put(name, dirs.stream().map(goldRoot::resolve).toList()));
        }
        for (Map.Entry<String, List<Path>> run : runs.entrySet()) {
            Path missing = run.getKey() == null ? null
                    : run.getValue().stream().filter(d -> !java.nio.file.Files.isDirectory(d)).findFirst().orElse(null);
            if (missing != null) {
                out.println("== " + run.getKey());
                out.println("(no gold folder " + missing + " yet)");
                out.println();
                continue;
            }
            List<GoldNote> notes = new ArrayList<>();
            for (Path dir : run.getValue()) {
                notes.addAll(SummaryEvaluation.readGold(dir));
            }
            SummaryEvaluation.Result r = evaluation.evaluate(notes);
            if (run.getKey() != null) {
                out.println("== " + run.getKey());
            }
            out.print(r.table());
            if (details) {
                r.discrepancies().forEach(out::println);
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    /** Standalone entry point (the command is also meant for {@code bin/models}). */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new EvaluateSummaryCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        System.exit(cl.execute(args));
    }
}

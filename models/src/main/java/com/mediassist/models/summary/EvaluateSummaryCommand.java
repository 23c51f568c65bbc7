package com.mediassist.models.summary;

import com.mediassist.core.summary.SummaryExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code evaluate-summary [--gold DIR] [--details]}: prints precision, recall and F1 per field of the
 * consultation-summary extractor on the annotated gold notes. Exit code 0; 2 for a bad gold folder.
 */
@Command(name = "evaluate-summary", mixinStandardHelpOptions = true,
        description = "Scores the consultation-summary extractor on the annotated gold notes (P/R/F1 per field).")
public final class EvaluateSummaryCommand implements Callable<Integer> {

    @Option(names = "--gold", description = "folder of gold notes (*.json); default: ${DEFAULT-VALUE}",
            defaultValue = "models/src/test/resources/summary-gold")
    Path gold;

    @Option(names = "--details", description = "also list every missed, extra or mislabelled item")
    boolean details;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SummaryEvaluation.Result r = new SummaryEvaluation(SummaryExtractor.loadDefault())
                .evaluate(SummaryEvaluation.readGold(gold));
        out.print(r.table());
        if (details) {
            r.discrepancies().forEach(out::println);
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

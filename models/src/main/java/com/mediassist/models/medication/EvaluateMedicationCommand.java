package com.mediassist.models.medication;

import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.core.medication.MedicationKnowledge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate-medication}: recall of the medication check on interaction lists (by source and
 * severity, with and without the shipped pair table), specificity on random unlisted pairs, interrupting
 * alerts on polypharmacy lists and brand coverage. Exit code 0; 1 when the specificity limits (3 %
 * interrupt, 8 % moderate or above) or the ONC high-priority rule (all interrupt) are broken; 2 for bad
 * input files.
 */
@Command(name = "evaluate-medication", mixinStandardHelpOptions = true,
        description = "Scores the medication check: recall, specificity, polypharmacy alert load, name coverage.")
public final class EvaluateMedicationCommand implements Callable<Integer> {

    @Option(names = "--pairs", description = "interaction list (source,drug_a,drug_b,severity,...); default: "
            + "${DEFAULT-VALUE}", defaultValue = "../shared/data/interactions/interaction-pairs.csv")
    Path pairs;

    @Option(names = "--samples", description = "random unlisted pairs for the specificity check; default: "
            + "${DEFAULT-VALUE}", defaultValue = "20000")
    int samples;

    @Option(names = "--seed", description = "seed of the random pairs; default: ${DEFAULT-VALUE}", defaultValue = "15")
    long seed;

    @Option(names = "--polypharmacy", description = "polypharmacy lists; default: ${DEFAULT-VALUE}",
            defaultValue = "models/src/main/data/medication/polypharmacy.txt")
    Path polypharmacy;

    @Option(names = "--top-prescribed", description = "most prescribed ingredients and brands; default: "
            + "${DEFAULT-VALUE}", defaultValue = "models/src/main/data/medication/top-prescribed.csv")
    Path topPrescribed;

    @Option(names = "--knowledge", description = "evaluate this knowledge bundle folder (manifest.json + files) "
            + "instead of the shipped one")
    Path knowledge;

    @Option(names = "--misses", description = "also list the pairs the rules and mechanisms alone miss")
    boolean misses;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MedicationEvaluation eval = new MedicationEvaluation(knowledge == null
                ? MedicationKnowledge.loadDefault() : MedicationKnowledge.load(KnowledgeManifest.fromDirectory(knowledge)));
        MedicationEvaluation.Recall recall = eval.recall(pairs);
        MedicationEvaluation.Specificity spec = eval.specificity(samples, seed, List.of(pairs));
        out.print(MedicationEvaluation.report(recall, spec, eval.polypharmacy(polypharmacy),
                eval.coverage(topPrescribed)));
        if (misses) {
            recall.missedWithoutTable().forEach(out::println);
        }
        out.flush();
        MedicationEvaluation.Tally onc = recall.full().get("onc-high-priority");
        boolean ok = spec.tally().interruptPercent() <= 3.0 && spec.tally().moderatePercent() <= 8.0
                && (onc == null || onc.interrupting() == onc.pairs());
        return ok ? 0 : 1;
    }
}

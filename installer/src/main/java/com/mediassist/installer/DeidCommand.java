package com.mediassist.installer;

import com.mediassist.core.InferenceCoreException;
import com.mediassist.core.deid.DeidBundle;
import com.mediassist.core.knowledge.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deid}: reads a clinical note on standard input and prints it scrubbed by the shipped
 * de-identifier (typed surrogates, dates shifted by one random offset, ages over 89 grouped).
 * Nothing is stored or sent.
 */
@Command(name = "deid", mixinStandardHelpOptions = true,
        description = "De-identify a note: read it on standard input, print it with identifiers replaced by typed surrogates.")
final class DeidCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    MediAssistCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--language", defaultValue = "es", paramLabel = "es|en",
            description = "Language of the note (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--bundle", paramLabel = "DIR", description = "A de-identification bundle folder instead of the shipped one.")
    Path bundle;

    @Override
    public Integer call() throws IOException {
        Language lang;
        try {
            lang = Language.parse(language);
        } catch (InferenceCoreException e) {
            throw new CliFailure("--language: " + e.getMessage(), true);
        }
        DeidBundle b = bundle == null ? DeidBundle.shipped() : DeidBundle.load(bundle);
        String note = new String(parent.context().stdin().readAllBytes(), StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.print(b.deidentifier().scrub(note, lang, new SecureRandom()).text());
        out.flush();
        return MediAssistCli.EXIT_OK;
    }
}

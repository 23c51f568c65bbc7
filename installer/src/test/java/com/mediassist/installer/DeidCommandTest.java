package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeidCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        CommandLine cli = MediAssistCli.commandLine(new CliContext(Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Optional.empty(), Clock.systemUTC(), 4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void printsASpanishNoteWithItsIdentifiersReplaced() {
        Run r = run("Nombre: Ernesto.\nApellidos: Rivera Bueno.\nNHC: 368503.\nCorreo: ernesto.rivera@example.es\n",
                "deid", "--language", "es");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[NOMBRE]").contains("[CORREO]")
                .doesNotContain("Ernesto").doesNotContain("Rivera").doesNotContain("368503");
    }

    @Test
    void printsAnEnglishNoteWithEnglishTags() {
        Run r = run("Patient: John Whitaker\nMRN: 4471923\nSeen by Dr. Helen Brooks.\n", "deid", "--language", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[NAME]").doesNotContain("Whitaker").doesNotContain("4471923").doesNotContain("Brooks");
    }

    @Test
    void refusesAnUnknownLanguageAsAUsageError() {
        Run r = run("texto", "deid", "--language", "fr");
        assertThat(r.code()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(r.err()).contains("--language");
    }
}

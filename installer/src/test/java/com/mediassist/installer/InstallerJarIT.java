package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged installer jar, run as clinic IT runs it: {@code java -jar} with real stdin and stdout. */
class InstallerJarIT {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("installer.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put(CliContext.DATA_DIR_ENV, dir.resolve("data").toString());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void runsFromThePackagedJarWithItsLibraries() throws Exception {
        Result add = run("Velero-Quinta-Ambar-2931\n", "users", "add", "--username", "admin", "--role", "admin", "--password-stdin");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("added user admin");
        assertThat(add.err()).isEmpty();

        Result token = run("", "tokens", "create", "--name", "integration");
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.out()).matches("mda_[A-Za-z0-9_-]{43}\\R");
        assertThat(token.err()).isEmpty();

        Result verify = run("", "audit", "verify");
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).startsWith("PASS").contains("2 rows");

        Result usage = run("", "users", "add", "--username", "x");
        assertThat(usage.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(usage.err()).contains("Missing required option");
    }
}

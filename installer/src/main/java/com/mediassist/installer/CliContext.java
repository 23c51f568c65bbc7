package com.mediassist.installer;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands take from the process: environment, standard input, the terminal for
 * password prompts, and the clock. Tests pass their own.
 *
 * @param env environment variables ({@code MEDIASSIST_DATA_DIR}, {@code QUARKUS_HTTP_PORT})
 * @param stdin standard input, read by {@code --password-stdin}
 * @param terminal the interactive terminal, empty when input is not a terminal
 * @param clock the time written to the database
 * @param passwordCost bcrypt cost for new passwords
 */
public record CliContext(Map<String, String> env, InputStream stdin, Optional<PasswordPrompt> terminal, Clock clock,
        int passwordCost) {

    /** Environment variable naming the data directory. */
    public static final String DATA_DIR_ENV = "MEDIASSIST_DATA_DIR";

    /** The real process: {@link System#getenv()}, {@link System#in}, {@link System#console()}. */
    public static CliContext system() {
        Console console = System.console();
        Optional<PasswordPrompt> prompt = Optional.ofNullable(console).map(c -> c::readPassword);
        return new CliContext(System.getenv(), System.in, prompt, Clock.systemUTC(),
                com.mediassist.store.DatabaseOptions.DEFAULT_PASSWORD_COST);
    }

    /** The data directory: the option when given, else {@code $MEDIASSIST_DATA_DIR}, else {@code ./data}. */
    public Path dataDir(Path option) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get(DATA_DIR_ENV);
        return fromEnv == null || fromEnv.isBlank() ? Path.of("data") : Path.of(fromEnv);
    }

    /** Reads a password without echo. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] readPassword(String prompt, Object... args);
    }
}

package com.mediassist.installer;

import com.mediassist.store.DuplicateValueException;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.RecordNotFoundException;
import com.mediassist.store.backup.NotAMediAssistDatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The MediAssist installer: what clinic IT runs on the appliance box, through {@code bin/mediassist}.
 *
 * <p>Exit codes: {@value #EXIT_OK} done; {@value #EXIT_FAILED} a check or verification failed, or
 * the operation failed; {@value #EXIT_USAGE} the command line or its input was wrong.
 */
@Command(name = "mediassist", mixinStandardHelpOptions = true, versionProvider = MediAssistCli.Version.class,
        description = "Set up and look after a MediAssist appliance: users, API tokens, database, audit log, preflight.",
        subcommands = {UsersCommand.class, TokensCommand.class, DbCommand.class, AuditCommand.class,
                CheckCommand.class, StatusCommand.class, SyncCommand.class, BundlesCommand.class, DeidCommand.class,
                HelpCommand.class})
public final class MediAssistCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private final CliContext context;

    public MediAssistCli(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** The command line for a context; tests call {@code execute} on it. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new MediAssistCli(context));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            commandLine.getErr().flush();
            return exitCodeFor(e);
        });
        return cli;
    }

    static int exitCodeFor(Exception e) {
        if (e instanceof CliFailure f) {
            return f.usage() ? EXIT_USAGE : EXIT_FAILED;
        }
        if (e instanceof InvalidValueException || e instanceof DuplicateValueException
                || e instanceof RecordNotFoundException || e instanceof NotAMediAssistDatabaseException) {
            return EXIT_USAGE;
        }
        return EXIT_FAILED;
    }

    public static void main(String[] args) {
        // Jdbi logs through SLF4J and the CLI ships no provider on purpose; without this, SLF4J warns
        // about the missing provider on every run. Errors reach the user as exceptions instead.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /** The version from the jar's manifest, when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MediAssistCli.class.getPackage().getImplementationVersion();
            return new String[] {"mediassist installer " + (v == null ? "(development build)" : v)};
        }
    }
}

package com.mediassist.installer;

import com.mediassist.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status}: the installed version, whether the appliance on this box answers ready, its
 * certificate's expiry, the database's schema version and the newest backup. Exit 0 when the
 * appliance is ready, 1 otherwise; {@code --wait} polls until ready (the package's upgrade health check).
 */
@Command(name = "status", description = "Version, appliance health (over loopback), certificate expiry, database "
        + "and newest backup. Exit 1 when the appliance does not answer ready.")
final class StatusCommand extends StoreCommand {

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for the appliance to become ready (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (waitSeconds < 0) {
            throw new CliFailure("--wait must be 0 or more seconds, got " + waitSeconds, true);
        }
        out().println("version:     " + installedVersion());
        ApplianceEndpoint endpoint = ApplianceEndpoint.of(context().env());
        Instant deadline = context().clock().instant().plusSeconds(waitSeconds);
        String health;
        boolean up = false;
        while (true) {
            try {
                ApplianceEndpoint.Health h = endpoint.ready();
                up = h.up();
                health = (up ? "READY " : "NOT READY (HTTP " + h.status() + ") ") + endpoint.base()
                        + (up ? "" : " " + h.body().strip());
            } catch (IOException e) {
                health = "NOT ANSWERING at " + endpoint.base() + " (" + e.getMessage() + ")";
            }
            if (up || !context().clock().instant().isBefore(deadline)) {
                break;
            }
            Thread.sleep(1000);
        }
        out().println("appliance:   " + health);
        endpoint.certificate().ifPresentOrElse(c -> {
            long days = Duration.between(context().clock().instant(), c.notAfter()).toDays();
            out().println("certificate: " + c.certificate().getSubjectX500Principal().getName() + ", valid until "
                    + c.notAfter() + " (" + days + " days), " + String.join(" ", c.subjectAltNames()));
        }, () -> out().println("certificate: none (plain HTTP)"));
        Path db = dataDir().resolve(Database.FILE_NAME);
        if (Files.exists(db)) {
            String version;
            try {
                version = "schema version " + DbCommand.Version.schemaVersion(db);
            } catch (CliFailure e) {
                version = e.getMessage();
            }
            out().println("database:    " + db.toAbsolutePath() + ", " + version);
        } else {
            out().println("database:    none yet at " + db.toAbsolutePath());
        }
        out().println("last backup: " + newestBackup(dataDir().resolve("backups")).orElse("none"));
        out().flush();
        return up ? MediAssistCli.EXIT_OK : MediAssistCli.EXIT_FAILED;
    }

    /** The package version written beside the installed program, else the jar's version. */
    static String installedVersion() {
        try {
            Path jar = Path.of(StatusCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path file = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("VERSION");
            if (file != null && Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip() + " (package)";
            }
        } catch (IOException | java.net.URISyntaxException | SecurityException e) {
            // Fall back to the jar's version below.
        }
        String v = MediAssistCli.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    static Optional<String> newestBackup(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".db"))
                    .max(Comparator.comparing(StatusCommand::modified))
                    .map(p -> p + " (" + modified(p) + ")");
        } catch (IOException e) {
            return Optional.of("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}

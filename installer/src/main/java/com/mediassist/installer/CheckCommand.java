package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.store.StoreException;
import com.mediassist.store.backup.BackupService;
import com.mediassist.store.files.PrivateFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check}: preflight of a machine before the appliance is started on it. Prints one
 * {@code PASS}/{@code FAIL} line per check and exits 1 when any fails.
 */
@Command(name = "check", description = "Preflight: Java version, free disk and memory, the HTTP(S) port, write access "
        + "to the data directory, the database if one exists, the audit chain, the clock, the TLS certificate's "
        + "expiry, every bundle (shipped with the package: files against its manifest; taken over the air: its signed "
        + "update metadata and every file against the signed target), and that the data and configuration files are "
        + "not readable by other accounts. Exit 1 when any check fails.")
final class CheckCommand extends StoreCommand {

    /** The Java feature release the appliance needs. */
    static final int MIN_JAVA = 17;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port the appliance listens on (default: $QUARKUS_HTTP_SSL_PORT or 8443 when a TLS certificate "
                    + "is configured, else $QUARKUS_HTTP_PORT or 8080).")
    Integer port;

    @Option(names = "--config-dir", defaultValue = "/etc/mediassist", paramLabel = "DIR",
            description = "Configuration directory of an installed box, checked when it exists (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Option(names = "--bundles-dir", defaultValue = "/usr/share/mediassist/bundles", paramLabel = "DIR",
            description = "Shipped bundles of an installed box, checked when it exists (default: ${DEFAULT-VALUE}).")
    Path shippedBundles;

    @Option(names = "--min-disk-mb", defaultValue = "2048", paramLabel = "MB",
            description = "Free disk needed in the data directory (default: ${DEFAULT-VALUE} MB).")
    long minDiskMb;

    @Option(names = "--min-memory-mb", defaultValue = "1024", paramLabel = "MB",
            description = "Available memory needed (default: ${DEFAULT-VALUE} MB).")
    long minMemoryMb;

    @Override
    public Integer call() {
        List<Result> results = new ArrayList<>();
        results.add(java());
        Path dir = dataDir().toAbsolutePath();
        Result writable = dataDirWritable(dir);
        results.add(writable);
        results.add(disk(writable.pass() ? dir : existingAncestor(dir)));
        results.add(memory());
        ApplianceEndpoint endpoint;
        Result certificate;
        try {
            endpoint = ApplianceEndpoint.of(context().env());
            certificate = InstallationChecks.certificate(endpoint, context().clock());
        } catch (CliFailure unreadable) {
            if (unreadable.usage()) {
                throw unreadable;
            }
            endpoint = ApplianceEndpoint.unreadableCertificate(context().env());
            certificate = new Result("certificate", false, unreadable.getMessage());
        }
        results.add(port(resolvePort(endpoint), endpoint));
        results.add(certificate);
        if (writable.pass()) {
            Result database = database(dir.resolve(Database.FILE_NAME));
            results.add(database);
            results.add(modes(dir));
            if (database.pass() && Files.exists(dir.resolve(Database.FILE_NAME))) {
                results.addAll(InstallationChecks.auditAndClock(options(), context().clock()));
            }
        }
        results.addAll(BundleChecks.all(dir, shippedBundles, context().clock()));
        if (Files.isDirectory(configDir)) {
            results.add(InstallationChecks.configModes(configDir));
        }
        for (Result r : results) {
            out().println((r.pass() ? "PASS " : "FAIL ") + r.name() + ": " + r.detail());
        }
        long failed = results.stream().filter(r -> !r.pass()).count();
        out().println(failed == 0 ? "all " + results.size() + " checks passed"
                : failed + " of " + results.size() + " checks failed");
        return failed == 0 ? MediAssistCli.EXIT_OK : MediAssistCli.EXIT_FAILED;
    }

    private int resolvePort(ApplianceEndpoint endpoint) {
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new CliFailure("--port must be between 1 and 65535, got " + port, true);
            }
            return port;
        }
        return endpoint.port();
    }

    private static Result java() {
        int feature = Runtime.version().feature();
        String detail = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), need "
                + MIN_JAVA + " or newer";
        return new Result("java", feature >= MIN_JAVA, detail);
    }

    private static Result dataDirWritable(Path dir) {
        try {
            PrivateFiles.directory(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.writeString(probe, "ok", StandardCharsets.UTF_8);
            Files.delete(probe);
            return new Result("data directory", true, dir + " is writable");
        } catch (IOException | SecurityException | StoreException e) {
            return new Result("data directory", false, dir + " is not writable: " + e);
        }
    }

    private Result disk(Path dir) {
        // statvfs through File, not Files.getFileStore: that one needs the mount table, which a chroot lacks.
        long usable = dir.toFile().getUsableSpace();
        if (usable == 0 && !Files.isDirectory(dir)) {
            return new Result("disk", false, "cannot read free space of " + dir);
        }
        long freeMb = usable / (1024 * 1024);
        return new Result("disk", freeMb >= minDiskMb, freeMb + " MB free in " + dir + ", need " + minDiskMb + " MB");
    }

    private Result memory() {
        OptionalLong available = availableMemoryMb();
        if (available.isEmpty()) {
            return new Result("memory", false, "cannot read available memory on this system");
        }
        long mb = available.getAsLong();
        return new Result("memory", mb >= minMemoryMb, mb + " MB available, need " + minMemoryMb + " MB");
    }

    /** Linux's MemAvailable (counts reclaimable cache), else the JVM's view of free physical memory. */
    static OptionalLong availableMemoryMb() {
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            try {
                for (String line : Files.readAllLines(meminfo, StandardCharsets.US_ASCII)) {
                    if (line.startsWith("MemAvailable:")) {
                        String kb = line.substring("MemAvailable:".length()).replace("kB", "").strip();
                        return OptionalLong.of(Long.parseLong(kb) / 1024);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Fall through to the JVM's figure below.
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return OptionalLong.of(os.getFreeMemorySize() / (1024 * 1024));
        }
        return OptionalLong.empty();
    }

    /** Free, or used by the MediAssist appliance of this box (which then answers its health check). */
    private static Result port(int port, ApplianceEndpoint endpoint) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return new Result("port", true, port + " is free");
        } catch (IOException e) {
            if (port == endpoint.port()) {
                try {
                    ApplianceEndpoint.Health health = endpoint.ready();
                    return new Result("port", true, port + " is used by the running MediAssist appliance ("
                            + (health.up() ? "ready" : "not ready: HTTP " + health.status()) + ")");
                } catch (IOException notMediAssist) {
                    // Something else holds the port: fall through to the failure below.
                }
            }
            return new Result("port", false, port + " is in use or not allowed (" + e.getMessage()
                    + "); stop what uses it or choose another with quarkus.http.port");
        }
    }

    private static Result database(Path file) {
        if (!Files.exists(file)) {
            return new Result("database", true, "none yet at " + file + "; it is created at first start");
        }
        try {
            int version = BackupService.check(file);
            return new Result("database", true, file + " is sound (integrity ok, schema version " + version + ")");
        } catch (StoreException e) {
            return new Result("database", false, e.getMessage());
        }
    }

    /** Patient data and keys must be the appliance account's alone (directory 0700, files 0600). */
    private static Result modes(Path dir) {
        List<String> loose = PrivateFiles.looseModes(dir);
        if (loose.isEmpty()) {
            return new Result("file modes", true, dir + " and its files are readable by their owner only");
        }
        return new Result("file modes", false, String.join("; ", loose)
                + " (other local accounts could read patient data or keys; chmod -R go-rwx " + dir
                + ", or start the appliance once, which corrects the database and key files)");
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of(".").toAbsolutePath() : p;
    }

    /** One check's outcome, printed as one {@code PASS}/{@code FAIL} line. */
    record Result(String name, boolean pass, String detail) {
        Result {
            name = name.toLowerCase(Locale.ROOT);
        }
    }
}

package com.mediassist.sync.tuf;

import com.mediassist.sync.tuf.Signed.TargetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TUF conformance suite's client command line ({@code bin/tuf-client}):
 * <pre>
 *   --metadata-dir DIR init ROOT_FILE
 *   --metadata-url URL --metadata-dir DIR refresh
 *   --metadata-url URL --metadata-dir DIR --target-name NAME [--target-name NAME ...]
 *       --target-dir DIR --target-base-url URL download
 * </pre>
 * Exit status 0 on success, 1 on any failure (the reason goes to stderr). The reference time is the
 * system property {@code mediassist.tuf.now} (Unix seconds; the launcher reads it with {@code date
 * +%s} so that the suite's faketime applies) or else the system clock.
 */
public final class TufClientCli {

    private TufClientCli() {
    }

    /** Runs one command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, clockFromProperty()));
    }

    private static Clock clockFromProperty() {
        String now = System.getProperty("mediassist.tuf.now");
        if (now == null || now.isBlank()) {
            return Clock.systemUTC();
        }
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(now.trim())), ZoneOffset.UTC);
    }

    /** Runs one command; 0 on success, 1 on any failure. */
    static int run(String[] args, Clock clock) {
        String metadataDir = null;
        String metadataUrl = null;
        String targetDir = null;
        String targetBaseUrl = null;
        List<String> targetNames = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--metadata-dir" -> metadataDir = args[++i];
                    case "--metadata-url" -> metadataUrl = args[++i];
                    case "--target-dir" -> targetDir = args[++i];
                    case "--target-base-url" -> targetBaseUrl = args[++i];
                    case "--target-name" -> targetNames.add(args[++i]);
                    default -> positional.add(args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            System.err.println("tuf-client: an option lacks its value");
            return 1;
        }
        if (positional.isEmpty() || metadataDir == null) {
            System.err.println("usage: tuf-client --metadata-dir DIR [--metadata-url URL] init ROOT | refresh | download");
            return 1;
        }
        try {
            switch (positional.get(0)) {
                case "init" -> {
                    if (positional.size() != 2) {
                        System.err.println("tuf-client: init needs the trusted root file");
                        return 1;
                    }
                    Files.createDirectories(Path.of(metadataDir));
                    AtomicFiles.write(Path.of(metadataDir, "root.json"), Files.readAllBytes(Path.of(positional.get(1))));
                }
                case "refresh" -> {
                    require(metadataUrl, "--metadata-url");
                    new Updater(Path.of(metadataDir), metadataUrl, UrlFetcher.defaults(), UpdaterOptions.defaults(), clock)
                            .refresh();
                }
                case "download" -> {
                    require(metadataUrl, "--metadata-url");
                    require(targetDir, "--target-dir");
                    require(targetBaseUrl, "--target-base-url");
                    if (targetNames.isEmpty()) {
                        throw new IllegalArgumentException("download needs at least one --target-name");
                    }
                    Updater u = new Updater(Path.of(metadataDir), metadataUrl, UrlFetcher.defaults(),
                            UpdaterOptions.defaults(), clock);
                    u.refresh();
                    for (String name : targetNames) {
                        TargetFile t = u.targetInfo(name);
                        Path file = Path.of(targetDir, Updater.localFileName(name));
                        Optional<Path> cached = Updater.findCached(t, file);
                        if (cached.isEmpty()) {
                            u.download(t, file, targetBaseUrl);
                        }
                    }
                }
                default -> {
                    System.err.println("tuf-client: unknown command " + positional.get(0));
                    return 1;
                }
            }
            return 0;
        } catch (TufException e) {
            System.err.println("tuf-client: refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("tuf-client: failed: " + e);
            return 1;
        }
    }

    private static void require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("this command needs " + option);
        }
    }
}

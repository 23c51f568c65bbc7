package com.mediassist.installer;

import com.mediassist.installer.CheckCommand.Result;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.StoreException;
import com.mediassist.store.audit.AuditChainBrokenException;
import com.mediassist.store.audit.AuditVerification;
import com.mediassist.store.migration.MigrationRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of {@code check} that concern an installed box: the TLS certificate, the audit chain
 * and the clock, and the configuration directory's file modes ({@link BundleChecks} checks the bundles).
 */
final class InstallationChecks {

    /** How far the clock may be behind the newest audit entry before {@code check} fails. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** Written by systemd-timesyncd once the clock was synchronised. */
    private static final Path TIMESYNC_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private InstallationChecks() {
    }

    static Result certificate(ApplianceEndpoint endpoint, Clock clock) {
        Optional<ServerCertificate> cert = endpoint.certificate();
        if (cert.isEmpty()) {
            return new Result("certificate", true, "no TLS certificate configured: the appliance serves plain HTTP "
                    + "(keep it on loopback, as bin/run does)");
        }
        ServerCertificate c = cert.get();
        Duration left = Duration.between(clock.instant(), c.notAfter());
        String detail = c.source() + " (" + c.certificate().getSubjectX500Principal().getName() + ") valid until "
                + c.notAfter() + ", " + left.toDays() + " days left; names " + String.join(" ", c.subjectAltNames());
        if (left.isNegative()) {
            return new Result("certificate", false, "EXPIRED: " + detail);
        }
        if (left.compareTo(ServerCertificate.RENEW_WITHIN) < 0) {
            return new Result("certificate", false, "expires within " + ServerCertificate.RENEW_WITHIN.toDays()
                    + " days, renew it: " + detail);
        }
        return new Result("certificate", true, detail);
    }

    /** The audit chain, and the clock against the newest audit entry (a clock set back shows there). */
    static List<Result> auditAndClock(DatabaseOptions options, Clock clock) {
        Path file = options.dataDir().resolve(Database.FILE_NAME);
        int version = DbCommand.Version.schemaVersion(file);
        int target = MigrationRunner.shipped(clock).targetVersion();
        if (version < target) {
            String detail = "not verified: the database is at schema version " + version + ", this version expects "
                    + target + " (mediassist db migrate, or start the appliance, migrates it)";
            return List.of(new Result("audit chain", true, detail), new Result("clock", true, clock.instant()
                    + " (" + detail + ")"));
        }
        List<Result> results = new ArrayList<>();
        String newest;
        try (Database db = Database.open(options)) {
            try {
                AuditVerification ok = db.audit().verify();
                results.add(new Result("audit chain", true, "intact: " + ok.rows() + " rows"));
            } catch (AuditChainBrokenException e) {
                results.add(new Result("audit chain", false, "broken at row " + e.rowId() + ": " + e.reason()
                        + " (see docs/security.md; keep the database for investigation)"));
            }
            newest = db.jdbi().withHandle(h -> h.createQuery("SELECT max(at) FROM audit_log").mapTo(String.class)
                    .findOne().orElse(null));
        } catch (StoreException e) {
            return List.of(new Result("audit chain", false, "cannot open the database: " + e.getMessage()));
        }
        results.add(clock(clock, newest));
        return results;
    }

    static Result clock(Clock clock, String newestAuditEntry) {
        Instant now = clock.instant();
        String sync = Files.exists(TIMESYNC_FLAG) ? "synchronised by systemd-timesyncd"
                : "no NTP synchronisation seen (" + TIMESYNC_FLAG + " absent)";
        if (newestAuditEntry == null) {
            return new Result("clock", true, now + ", " + sync + "; no audit entries to compare with");
        }
        try {
            Instant newest = Instant.parse(newestAuditEntry);
            if (now.plus(CLOCK_TOLERANCE).isBefore(newest)) {
                return new Result("clock", false, now + " is behind the newest audit entry (" + newest + "): the clock "
                        + "was set back; set it right (timedatectl) before starting the appliance");
            }
            return new Result("clock", true, now + ", not behind the newest audit entry (" + newest + "); " + sync);
        } catch (DateTimeParseException e) {
            return new Result("clock", false, "the newest audit entry has an unreadable time '" + newestAuditEntry + "'");
        }
    }

    /** Nothing in the configuration directory readable or writable by other accounts (the public certificate aside). */
    static Result configModes(Path dir) {
        List<String> loose = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path p : files.sorted().toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                boolean others = perms.contains(PosixFilePermission.OTHERS_WRITE)
                        || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || (perms.contains(PosixFilePermission.OTHERS_READ) && !p.toString().endsWith(".crt"));
                if (others) {
                    loose.add(p + " is " + java.nio.file.attribute.PosixFilePermissions.toString(perms));
                }
            }
        } catch (IOException e) {
            return new Result("configuration modes", false, "cannot read " + dir + ": " + e.getMessage());
        }
        if (loose.isEmpty()) {
            return new Result("configuration modes", true, dir + " is readable by root and the mediassist group only "
                    + "(the public certificate aside)");
        }
        return new Result("configuration modes", false, String.join("; ", loose) + " (it holds key store passwords "
                + "and keys: chmod o-rwx,g-w)");
    }
}

package com.mediassist.store.backup;

import com.mediassist.store.DataDirLock;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.StoreException;
import com.mediassist.store.files.PrivateFiles;
import com.mediassist.store.migration.MigrationRunner;
import com.mediassist.store.sql.SqlTime;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Online backup and offline restore.
 *
 * <p>{@link #backupTo(Path)} uses {@code VACUUM INTO}: a consistent snapshot of the live database
 * taken while the appliance keeps serving (readers and writers are not blocked for long), written
 * to a temporary file beside the target, checked with {@code integrity_check}, then moved into place.
 *
 * <p>{@link #restore(DatabaseOptions, Path)} runs while the appliance is stopped. It copies the
 * backup next to the live file, checks it is a sound MediAssist database, moves the live database
 * (with its WAL) aside under a timestamped name, puts the copy in place and opens it (migrating an
 * older schema). If any step fails, the old file is put back.
 */
public final class BackupService {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Database database;

    public BackupService(Database database) {
        this.database = database;
    }

    /**
     * Writes a consistent copy of the live database to {@code target}.
     *
     * @throws BackupException when {@code target} exists, its directory is not writable, or the copy fails its check
     */
    public BackupResult backupTo(Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new BackupException("backup target " + file + " already exists; choose a new file name");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BackupException("cannot create backup directory " + dir + ": " + e, e);
        }
        Path tmp = dir.resolve(file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(tmp);
            // VACUUM INTO writes into an existing empty file, keeping its owner-only mode.
            PrivateFiles.file(tmp);
            Instant at = SqlTime.now(database.options().clock());
            database.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", tmp.toString()));
            int version = check(tmp);
            move(tmp, file);
            return new BackupResult(file, Files.size(file), version, at);
        } catch (IOException e) {
            throw new BackupException("backup to " + file + " failed: " + e, e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackupException("backup to " + file + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Replaces the database in {@code options.dataDir()} with the backup. The appliance must be
     * stopped: a running one would keep writing to the file moved aside.
     *
     * @return where the replaced database was kept, the schema version and the patient count
     * @throws com.mediassist.store.DatabaseInUseException when the database is open (appliance running)
     * @throws NotAMediAssistDatabaseException when the backup is not a sound MediAssist database
     * @throws BackupException when a file operation fails; the previous database is back in place
     */
    public static RestoreResult restore(DatabaseOptions options, Path backup) {
        Path source = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new BackupException("backup file " + source + " does not exist or is not a file");
        }
        Path live = options.databaseFile().toAbsolutePath();
        Path dir = live.getParent();
        Path staged = dir.resolve(Database.FILE_NAME + ".restoring");
        List<Path[]> movedAside = new ArrayList<>();
        DataDirLock exclusive = null;
        try {
            Files.createDirectories(dir);
            exclusive = DataDirLock.exclusive(options.dataDir());
            deleteWithCompanions(staged);
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            check(staged);
            String stamp = STAMP.format(options.clock().instant());
            Path aside = null;
            if (Files.exists(live)) {
                aside = dir.resolve("mediassist-before-restore-" + stamp + ".db");
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Path from = Path.of(live + suffix);
                    if (Files.exists(from)) {
                        Path to = Path.of(aside + suffix);
                        move(from, to);
                        movedAside.add(new Path[] {from, to});
                    }
                }
            }
            deleteWithCompanions(live);
            move(staged, live);
            exclusive.close();
            try (Database restored = Database.open(options)) {
                String integrity = restored.integrityCheck();
                if (!"ok".equals(integrity)) {
                    throw new NotAMediAssistDatabaseException(source, "integrity_check after restore: " + integrity);
                }
                return new RestoreResult(source, Optional.ofNullable(aside), restored.schemaVersion(),
                        restored.patients().count());
            }
        } catch (IOException | RuntimeException e) {
            putBack(live, movedAside, e);
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new BackupException("restore from " + source + " failed: " + e, e);
        } finally {
            if (exclusive != null) {
                exclusive.close();
            }
            deleteWithCompanions(staged);
        }
    }

    /**
     * Checks that a file is a sound MediAssist database this build can open.
     *
     * @return its schema version
     * @throws NotAMediAssistDatabaseException otherwise
     */
    public static int check(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            int appId = single(s, "PRAGMA application_id");
            if (appId != MigrationRunner.APPLICATION_ID) {
                throw new NotAMediAssistDatabaseException(file, "application_id is " + appId + ", expected "
                        + MigrationRunner.APPLICATION_ID + " (not created by MediAssist)");
            }
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
            }
            if (!List.of("ok").equals(problems)) {
                throw new NotAMediAssistDatabaseException(file, "integrity_check reports " + String.join("; ", problems));
            }
            int version = single(s, "SELECT coalesce(max(version), 0) FROM schema_version");
            int supported = MigrationRunner.shipped(java.time.Clock.systemUTC()).targetVersion();
            if (version > supported) {
                throw new NotAMediAssistDatabaseException(file, "schema version " + version
                        + " is newer than this build supports (" + supported + ")");
            }
            return version;
        } catch (SQLException e) {
            throw new NotAMediAssistDatabaseException(file, "cannot be read as SQLite: " + e.getMessage(), e);
        }
    }

    private static int single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void putBack(Path live, List<Path[]> movedAside, Exception failure) {
        if (movedAside.isEmpty()) {
            return;
        }
        try {
            deleteWithCompanions(live);
            for (Path[] pair : movedAside) {
                move(pair[1], pair[0]);
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(new BackupException("could not put the previous database back; it is at "
                    + movedAside.get(0)[1], e));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteWithCompanions(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            deleteQuietly(Path.of(file + suffix));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left over temporary file; the next backup or restore deletes it before use.
            file.toFile().deleteOnExit();
        }
    }
}

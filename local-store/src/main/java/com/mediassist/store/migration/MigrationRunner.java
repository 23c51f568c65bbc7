package com.mediassist.store.migration;

import com.mediassist.store.sql.SqlTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies the SQL migrations shipped under {@code com/mediassist/store/migration/} in the order
 * listed in {@code migrations.txt}. Each migration runs in its own transaction together with its
 * {@code schema_version} row, so a failure leaves the schema at the previous version. Already
 * applied migrations are checked against their recorded checksum and never re-run.
 *
 * <p>Why a small runner and not Flyway: see {@code docs/adr-0001-sqlite-migrations.md}.
 */
public final class MigrationRunner {

    /** {@code PRAGMA application_id} of a MediAssist database: ASCII "MDAS". */
    public static final int APPLICATION_ID = 0x4D444153;

    private static final String BASE = "com/mediassist/store/migration/";
    private static final Pattern FILE = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    private final List<Migration> migrations;
    private final Clock clock;

    /**
     * @param migrations the migrations in order, versions 1..n without gaps
     * @param clock the source of {@code applied_at}
     * @throws MigrationException when the versions are not 1..n
     */
    public MigrationRunner(List<Migration> migrations, Clock clock) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new MigrationException("migration at position " + (i + 1) + " has version "
                        + migrations.get(i).version() + "; versions must run 1, 2, 3… without gaps");
            }
        }
        this.migrations = List.copyOf(migrations);
        this.clock = clock;
    }

    /** A runner for the migrations this build ships. */
    public static MigrationRunner shipped(Clock clock) {
        return new MigrationRunner(loadShipped(), clock);
    }

    /** The migrations this runner applies, in order. */
    public List<Migration> migrations() {
        return migrations;
    }

    /** The schema version reached once every migration is applied. */
    public int targetVersion() {
        return migrations.size();
    }

    /**
     * Brings the database to {@link #targetVersion()}.
     *
     * @return the migrations applied by this call (empty when the schema was current)
     * @throws MigrationChecksumMismatchException when an applied migration was edited since
     * @throws SchemaTooNewException when the database is ahead of this build
     * @throws MigrationException when a script fails; its transaction is rolled back
     */
    public List<AppliedMigration> migrate(Jdbi jdbi) {
        jdbi.useHandle(MigrationRunner::refuseForeignDatabase);
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, checksum TEXT NOT NULL, "
                + "applied_at TEXT NOT NULL)"));
        List<AppliedMigration> done = new ArrayList<>();
        verifyApplied(jdbi.withHandle(MigrationRunner::applied));
        for (Migration migration : migrations) {
            jdbi.useTransaction(handle -> {
                // Re-read inside the write transaction: another process may have migrated meanwhile.
                Map<Integer, AppliedMigration> applied = applied(handle).stream()
                        .collect(Collectors.toMap(AppliedMigration::version, a -> a));
                if (applied.containsKey(migration.version())) {
                    return;
                }
                done.add(apply(handle, migration));
            });
        }
        return done;
    }

    /**
     * Refuses to migrate a SQLite file that already holds tables but was not created by MediAssist
     * (pointing the data directory at another application's database must not alter it).
     */
    private static void refuseForeignDatabase(Handle handle) {
        int appId = handle.createQuery("PRAGMA application_id").mapTo(Integer.class).one();
        long tables = handle.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%'").mapTo(Long.class).one();
        if (appId != APPLICATION_ID && tables > 0) {
            throw new MigrationException("the database file holds " + tables + " tables but its application_id is "
                    + appId + ", not MediAssist's " + APPLICATION_ID + "; refusing to change another application's database");
        }
    }

    /** The rows of {@code schema_version}, by version; empty for a database never migrated. */
    public static List<AppliedMigration> applied(Handle handle) {
        boolean exists = handle.createQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
                .mapTo(Integer.class).one() > 0;
        if (!exists) {
            return List.of();
        }
        return handle.createQuery("SELECT version, description, checksum, applied_at FROM schema_version ORDER BY version")
                .map((rs, ctx) -> new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3),
                        SqlTime.parseInstant(rs.getString(4))))
                .list();
    }

    private void verifyApplied(List<AppliedMigration> applied) {
        for (AppliedMigration row : applied) {
            if (row.version() > migrations.size()) {
                throw new SchemaTooNewException(migrations.size(),
                        applied.get(applied.size() - 1).version());
            }
            Migration shipped = migrations.get(row.version() - 1);
            if (!shipped.checksum().equals(row.checksum())) {
                throw new MigrationChecksumMismatchException(row.version(), shipped.checksum(), row.checksum());
            }
        }
    }

    private AppliedMigration apply(Handle handle, Migration migration) {
        try (Statement statement = handle.getConnection().createStatement()) {
            // sqlite-jdbc's executeUpdate runs every statement of the script (sqlite3_exec), which
            // keeps trigger bodies with inner semicolons intact.
            statement.executeUpdate(migration.sql());
            statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
            statement.executeUpdate("PRAGMA user_version = " + migration.version());
        } catch (SQLException e) {
            throw new MigrationException("migration " + migration.version() + " (" + migration.resource()
                    + ") failed: " + e.getMessage(), e);
        }
        AppliedMigration row = new AppliedMigration(migration.version(), migration.description(),
                migration.checksum(), SqlTime.now(clock));
        handle.createUpdate("INSERT INTO schema_version (version, description, checksum, applied_at) "
                        + "VALUES (:version, :description, :checksum, :appliedAt)")
                .bind("version", row.version())
                .bind("description", row.description())
                .bind("checksum", row.checksum())
                .bind("appliedAt", SqlTime.format(row.appliedAt()))
                .execute();
        return row;
    }

    private static List<Migration> loadShipped() {
        List<Migration> result = new ArrayList<>();
        for (String name : readLines(BASE + "migrations.txt")) {
            Matcher m = FILE.matcher(name);
            if (!m.matches()) {
                throw new MigrationException("migration file name " + name
                        + " does not match V<3 digits>__<lower_snake_description>.sql");
            }
            byte[] bytes = readBytes(BASE + name);
            result.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), BASE + name,
                    new String(bytes, StandardCharsets.UTF_8), sha256(bytes)));
        }
        return result;
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = open(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new MigrationException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MigrationException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = MigrationRunner.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new MigrationException("migration resource missing from the build: " + resource);
        }
        return in;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}

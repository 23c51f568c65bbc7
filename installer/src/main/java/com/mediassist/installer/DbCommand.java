package com.mediassist.installer;

import com.mediassist.store.Database;
import com.mediassist.store.backup.BackupResult;
import com.mediassist.store.backup.BackupService;
import com.mediassist.store.backup.RestoreResult;
import com.mediassist.store.migration.AppliedMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code db migrate|backup|restore}. */
@Command(name = "db", description = "Database schema, backup and restore.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Backup.class, DbCommand.Restore.class, DbCommand.Version.class})
final class DbCommand {

    @Command(name = "migrate", description = "Create the database if needed and apply pending schema migrations.")
    static final class Migrate extends StoreCommand {

        @Override
        public Integer call() {
            try (Database db = open()) {
                for (AppliedMigration m : db.migrationsAppliedAtOpen()) {
                    out().println("applied migration " + m.version() + ": " + m.description());
                }
                out().println("schema is at version " + db.schemaVersion() + " in " + db.file());
            }
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "backup", description = "Write a consistent copy of the database to FILE while the appliance runs.")
    static final class Backup extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "Backup file to create; must not exist.")
        Path file;

        @Override
        public Integer call() {
            try (Database db = open()) {
                BackupResult result = db.backups().backupTo(file);
                db.audit().append(ACTOR, "db.backup", null, result.file().toString());
                out().println("backup written to " + result.file() + " (" + result.bytes() + " bytes, schema version "
                        + result.schemaVersion() + ")");
            }
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "restore", description = "Replace the database with the backup in FILE. Stop the appliance first. "
            + "The replaced database is kept beside it until you delete it.")
    static final class Restore extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "Backup file written by 'db backup'.")
        Path file;

        @Override
        public Integer call() {
            RestoreResult result = BackupService.restore(options(), file);
            try (Database db = open()) {
                db.audit().append(ACTOR, "db.restore", null, "from " + result.restoredFrom()
                        + result.previousKeptAt().map(p -> "; previous kept at " + p).orElse(""));
            }
            out().println("restored " + result.patients() + " patients from " + result.restoredFrom()
                    + " (schema version " + result.schemaVersion() + ")");
            result.previousKeptAt().ifPresent(p -> out().println("the replaced database is kept at " + p));
            return MediAssistCli.EXIT_OK;
        }
    }

    @Command(name = "version", description = "Print the database's schema version (a number alone), read-only and "
            + "without migrating; the package reads it before an upgrade or downgrade.")
    static final class Version extends StoreCommand {

        @Override
        public Integer call() {
            Path file = dataDir().resolve(Database.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                throw new CliFailure("no database at " + file.toAbsolutePath(), false);
            }
            out().println(schemaVersion(file));
            return MediAssistCli.EXIT_OK;
        }

        /** The newest applied migration, read-only: also from a database newer than this build. */
        static int schemaVersion(Path file) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            } catch (SQLException e) {
                throw new CliFailure("cannot read the schema version of " + file.toAbsolutePath() + ": "
                        + e.getMessage(), false);
            }
        }
    }
}

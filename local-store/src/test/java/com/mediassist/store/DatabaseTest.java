package com.mediassist.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.migration.MigrationChecksumMismatchException;
import com.mediassist.store.migration.SchemaTooNewException;
import com.mediassist.store.patients.DuplicatePatientNumberException;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");

    @Test
    void migratesAnEmptyDirectoryToTheCurrentSchema() {
        Path dataDir = dir.resolve("nested/data");
        try (Database db = TestDatabases.open(dataDir, clock)) {
            assertThat(dataDir.resolve("mediassist.db")).isRegularFile();
            assertThat(db.migrationsAppliedAtOpen()).extracting(m -> m.version()).last()
                    .isEqualTo(TestDatabases.latestSchemaVersion());
            assertThat(db.schemaVersion()).isEqualTo(TestDatabases.latestSchemaVersion());
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").mapTo(String.class).list());
            assertThat(tables).contains("users", "api_tokens", "patients", "conditions", "medications", "allergies",
                    "immunizations", "procedures", "observations", "consultations", "suggestions", "feedback",
                    "audit_log", "outbox", "bundles", "schema_version");
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void connectionsUseWalFullSyncForeignKeysAndBusyTimeout() {
        try (Database db = TestDatabases.open(dir, clock)) {
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualTo("wal");
                assertThat(h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(2);
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(10_000);
            });
        }
    }

    @Test
    void reopeningACurrentDatabaseAppliesNothingAndKeepsData() {
        try (Database db = TestDatabases.open(dir, clock)) {
            db.patients().create(new PatientDetails("H-1", "Ana", "Pérez", LocalDate.of(1980, 1, 2), Sex.FEMALE));
        }
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThat(db.migrationsAppliedAtOpen()).isEmpty();
            assertThat(db.schemaHistory()).hasSize(TestDatabases.latestSchemaVersion());
            assertThat(db.patients().count()).isEqualTo(1);
        }
    }

    @Test
    void refusesADatabaseWhoseAppliedMigrationWasEdited() throws Exception {
        TestDatabases.open(dir, clock).close();
        execute("UPDATE schema_version SET checksum = 'abc' WHERE version = 1");
        assertThatThrownBy(() -> TestDatabases.open(dir, clock))
                .isInstanceOf(MigrationChecksumMismatchException.class)
                .hasMessageContaining("migration 1").hasMessageContaining("abc");
    }

    @Test
    void refusesADatabaseFromANewerBuild() throws Exception {
        TestDatabases.open(dir, clock).close();
        execute("INSERT INTO schema_version VALUES (99, 'future', 'x', '2030-01-01T00:00:00.000Z')");
        assertThatThrownBy(() -> TestDatabases.open(dir, clock))
                .isInstanceOfSatisfying(SchemaTooNewException.class, e -> assertThat(e.found()).isEqualTo(99));
    }

    @Test
    void refusesToMigrateAnotherApplicationsDatabase() throws Exception {
        execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        assertThatThrownBy(() -> TestDatabases.open(dir, clock))
                .isInstanceOf(com.mediassist.store.migration.MigrationException.class)
                .hasMessageContaining("another application");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediassist.db"));
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void rollsBackEveryWriteOfAFailedTransaction() {
        try (Database db = TestDatabases.open(dir, clock)) {
            db.patients().create(new PatientDetails("H-1", "Ana", "Pérez", null, Sex.FEMALE));
            assertThatThrownBy(() -> db.useTransaction(tx -> {
                tx.patients().create(new PatientDetails("H-2", "Luis", "Gómez", null, Sex.MALE));
                tx.audit().append("doctor1", "patient.create", null, "H-2");
                tx.patients().create(new PatientDetails("H-1", "Otra", "Persona", null, Sex.FEMALE));
            })).isInstanceOf(DuplicatePatientNumberException.class);
            assertThat(db.patients().count()).isEqualTo(1);
            assertThat(db.audit().count()).isZero();
        }
    }

    @Test
    void reportsAFileThatIsNotADatabaseAsAStorageFailure() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("mediassist.db"), "this is not SQLite ".repeat(100));
        assertThatThrownBy(() -> TestDatabases.open(dir, clock))
                .isInstanceOf(StorageFailureException.class).hasMessageContaining("mediassist.db");
    }

    @Test
    void answersAPingWithTheSchemaVersion() {
        try (Database db = TestDatabases.open(dir, clock)) {
            assertThat(db.ping()).isEqualTo(TestDatabases.latestSchemaVersion());
        }
    }

    @Test
    void refusesCallsAfterClose() {
        Database db = TestDatabases.open(dir, clock);
        db.close();
        assertThatThrownBy(() -> db.patients().count()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(db::ping).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediassist.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}

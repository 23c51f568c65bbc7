package com.mediassist.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.DatabaseInUseException;
import com.mediassist.store.HoldOpen;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import com.mediassist.store.patients.Patient;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");

    @Test
    void restoringABackupGivesBackTheIdenticalPatientSet() {
        Path data = dir.resolve("data");
        DatabaseOptions options = TestDatabases.options(data, clock);
        Path backup = dir.resolve("backups/monday.db");
        List<Patient> atBackup;
        try (Database db = Database.open(options)) {
            for (int i = 0; i < 20; i++) {
                db.patients().create(new PatientDetails("HC-" + i, "Nombre" + i, "Apellido", LocalDate.of(1950 + i, 1, 1),
                        i % 2 == 0 ? Sex.FEMALE : Sex.MALE));
            }
            db.audit().append("admin", "backup", null, null);
            atBackup = db.patients().search("", 0, 100).items();
            BackupResult result = db.backups().backupTo(backup);
            assertThat(result.bytes()).isPositive();
            assertThat(result.schemaVersion()).isEqualTo(TestDatabases.latestSchemaVersion());
            // Changes after the backup are what a restore must undo.
            db.patients().create(new PatientDetails("HC-late", "Tarde", "Apellido", null, Sex.UNKNOWN));
            db.patients().update(atBackup.get(0).id(), new PatientDetails(atBackup.get(0).patientNumber(), "Cambiado",
                    "Apellido", null, Sex.UNKNOWN));
        }
        RestoreResult restored = BackupService.restore(options, backup);
        assertThat(restored.patients()).isEqualTo(20);
        assertThat(restored.previousKeptAt()).hasValueSatisfying(p -> assertThat(p).isRegularFile());
        try (Database db = Database.open(options)) {
            assertThat(db.patients().search("", 0, 100).items()).containsExactlyElementsOf(atBackup);
            assertThat(db.audit().verify().rows()).isEqualTo(1);
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void refusesToRestoreUnderAnOpenDatabaseInThisProcess() {
        Path data = dir.resolve("data");
        DatabaseOptions options = TestDatabases.options(data, clock);
        Path backup = dir.resolve("b.db");
        try (Database db = Database.open(options)) {
            db.patients().create(new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE));
            db.backups().backupTo(backup);
            db.patients().create(new PatientDetails("HC-2", "Eva", "Ruiz", null, Sex.FEMALE));
            assertThatThrownBy(() -> BackupService.restore(options, backup))
                    .isInstanceOf(DatabaseInUseException.class).hasMessageContaining("appliance running");
            assertThat(db.patients().count()).isEqualTo(2);
        }
        assertThat(BackupService.restore(options, backup).patients()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void refusesToRestoreWhileAnotherProcessHasTheDatabaseOpen() throws Exception {
        Path data = dir.resolve("data");
        DatabaseOptions options = TestDatabases.options(data, clock);
        Path backup = dir.resolve("b.db");
        try (Database db = Database.open(options)) {
            db.backups().backupTo(backup);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dslf4j.internal.verbosity=ERROR", HoldOpen.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("READY");
            assertThatThrownBy(() -> BackupService.restore(options, backup)).isInstanceOf(DatabaseInUseException.class);
            // Opening it here too, as the installer does while the appliance runs, is fine.
            try (Database db = Database.open(options)) {
                assertThat(db.integrityCheck()).isEqualTo("ok");
            }
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(BackupService.restore(options, backup).schemaVersion()).isEqualTo(TestDatabases.latestSchemaVersion());
    }

    @Test
    void refusesToOverwriteAnExistingBackupFile() throws Exception {
        Path target = Files.writeString(dir.resolve("exists.db"), "keep me");
        try (Database db = TestDatabases.open(dir.resolve("data"), clock)) {
            assertThatThrownBy(() -> db.backups().backupTo(target)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("already exists");
        }
        assertThat(Files.readString(target)).isEqualTo("keep me");
    }

    @Test
    void refusesToRestoreAFileThatIsNotAMediAssistDatabaseAndKeepsTheLiveOne() throws Exception {
        Path data = dir.resolve("data");
        DatabaseOptions options = TestDatabases.options(data, clock);
        try (Database db = Database.open(options)) {
            db.patients().create(new PatientDetails("HC-1", "Ana", "López", null, Sex.FEMALE));
        }
        Path garbage = Files.writeString(dir.resolve("garbage.db"), "not a database at all", StandardCharsets.UTF_8);
        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (x INTEGER)");
        }
        assertThatThrownBy(() -> BackupService.restore(options, garbage)).isInstanceOf(NotAMediAssistDatabaseException.class);
        assertThatThrownBy(() -> BackupService.restore(options, foreign))
                .isInstanceOf(NotAMediAssistDatabaseException.class).hasMessageContaining("application_id");
        assertThatThrownBy(() -> BackupService.restore(options, dir.resolve("missing.db")))
                .isInstanceOf(BackupException.class).hasMessageContaining("does not exist");
        try (Database db = Database.open(options)) {
            assertThat(db.patients().count()).isEqualTo(1);
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
        }
    }
}

package com.mediassist.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import com.mediassist.store.patients.PatientDetails;
import com.mediassist.core.knowledge.Sex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void patientDataIsReadableByTheOwnerOnlyEvenWhenCreatedWorldReadable() throws IOException {
        // The state an appliance started with umask 0022 left: directory 0755, database 0644.
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path backup = dir.resolve("backups/b1.db");
        try (Database db = TestDatabases.open(data, TestClock.at("2026-03-01T09:00:00Z"))) {
            db.patients().create(new PatientDetails("H-1", "Ana", "Pérez", LocalDate.of(1980, 1, 2), Sex.FEMALE));
            Files.setPosixFilePermissions(data.resolve("mediassist.db"), PosixFilePermissions.fromString("rw-r--r--"));
            db.backups().backupTo(backup);
        }
        assertThat(mode(backup)).isEqualTo("rw-------");
        assertThat(PrivateFiles.looseModes(data)).anySatisfy(p -> assertThat(p).contains("mediassist.db is rw-r--r--"));
        try (Database db = TestDatabases.open(data, TestClock.at("2026-03-01T09:00:00Z"))) {
            db.patients().count();
            assertThat(mode(data)).isEqualTo("rwx------");
            for (String f : new String[] {"mediassist.db", "mediassist.db-wal", "mediassist.db-shm", "mediassist.lock"}) {
                assertThat(mode(data.resolve(f))).as(f).isEqualTo("rw-------");
            }
            assertThat(PrivateFiles.looseModes(data)).isEmpty();
        }
    }

    @Test
    void aKeyFileIsMadeOnceOwnerOnlyAndAShortOneIsRefused() throws IOException {
        Path key = dir.resolve("data/some.key");
        SecretFile made = SecretFile.readOrCreate(key, new SecureRandom());
        assertThat(made.bytes()).hasSize(32);
        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(mode(key.getParent())).isEqualTo("rwx------");
        assertThat(SecretFile.readOrCreate(key, new SecureRandom()).text()).isEqualTo(made.text());
        assertThat(made.toString()).doesNotContain(made.text());

        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[31]));
        assertThatThrownBy(() -> SecretFile.read(key)).isInstanceOf(KeyTooShortException.class)
                .hasMessageContaining("has 31 bytes; at least 32 are required");
    }
}

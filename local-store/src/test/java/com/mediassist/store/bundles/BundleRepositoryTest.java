package com.mediassist.store.bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRepositoryTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void keepsTheReplacedVersionAsPreviousAndRollsBackToIt() {
        try (Database db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"))) {
            db.bundles().register("mediassist-dx", "1.0.0", "/b/1", SHA);
            db.bundles().register("mediassist-dx", "1.1.0", "/b/2", SHA);
            db.bundles().register("mediassist-dx", "1.2.0", "/b/3", SHA);
            db.bundles().activate("mediassist-dx", "1.0.0");
            db.bundles().activate("mediassist-dx", "1.1.0");
            db.bundles().activate("mediassist-dx", "1.2.0");
            assertThat(db.bundles().active("mediassist-dx")).map(InstalledBundle::version).contains("1.2.0");
            assertThat(db.bundles().previous("mediassist-dx")).map(InstalledBundle::version).contains("1.1.0");
            assertThat(db.bundles().rollback("mediassist-dx").version()).isEqualTo("1.1.0");
            assertThat(db.bundles().previous("mediassist-dx")).isEmpty();
            assertThatThrownBy(() -> db.bundles().rollback("mediassist-dx")).isInstanceOf(BundleNotFoundException.class);
            // Re-activating the former previous must not clash with the one-previous rule.
            db.bundles().activate("mediassist-dx", "1.2.0");
            assertThat(db.bundles().previous("mediassist-dx")).map(InstalledBundle::version).contains("1.1.0");
        }
    }

    @Test
    void refusesDuplicatesAndMalformedDigests() {
        try (Database db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"))) {
            db.bundles().register("kb", "1", "/k/1", SHA);
            assertThatThrownBy(() -> db.bundles().register("kb", "1", "/k/1", SHA)).isInstanceOf(DuplicateBundleException.class);
            assertThatThrownBy(() -> db.bundles().register("kb", "2", "/k/2", "xyz"))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sha256"));
            assertThatThrownBy(() -> db.bundles().activate("kb", "9")).isInstanceOf(BundleNotFoundException.class);
        }
    }
}

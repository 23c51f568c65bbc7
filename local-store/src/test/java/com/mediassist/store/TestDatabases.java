package com.mediassist.store;

import java.nio.file.Path;
import java.security.SecureRandom;

/** Real SQLite databases in temporary directories, with a fixed clock and cheap bcrypt. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static DatabaseOptions options(Path dir, TestClock clock) {
        return DatabaseOptions.defaults(dir).withClock(clock).withPasswordCost(4)
                .withRandom(new SecureRandom(new byte[] {1, 2, 3}));
    }

    public static Database open(Path dir, TestClock clock) {
        return Database.open(options(dir, clock));
    }

    /** The schema version the shipped migrations lead to, so tests need no edit when one is added. */
    public static int latestSchemaVersion() {
        var migrations = com.mediassist.store.migration.MigrationRunner.shipped(java.time.Clock.systemUTC()).migrations();
        return migrations.get(migrations.size() - 1).version();
    }
}

package com.mediassist.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the store. Start from {@link #defaults(Path)} and change what differs with the
 * {@code with…} methods.
 *
 * @param dataDir directory holding {@value Database#FILE_NAME}; created when missing
 * @param clock source of every time the store writes (default: {@link Clock#systemUTC()})
 * @param busyTimeout how long a connection waits for another writer before failing (default 10 s)
 * @param passwordCost bcrypt cost factor, log2 of the rounds (default 12, about 0.2 s per hash;
 *     tests use 4)
 * @param random source of salts and API tokens (default: a new {@link SecureRandom})
 */
public record DatabaseOptions(Path dataDir, Clock clock, Duration busyTimeout, int passwordCost,
        SecureRandom random) {

    /** The bcrypt cost used in production. */
    public static final int DEFAULT_PASSWORD_COST = 12;

    public DatabaseOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(random, "random");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and 24 days, got " + busyTimeout);
        }
        if (passwordCost < 4 || passwordCost > 31) {
            throw new IllegalArgumentException("passwordCost must be between 4 and 31, got " + passwordCost);
        }
    }

    /** Production defaults for a data directory. */
    public static DatabaseOptions defaults(Path dataDir) {
        return new DatabaseOptions(dataDir, Clock.systemUTC(), Duration.ofSeconds(10), DEFAULT_PASSWORD_COST,
                new SecureRandom());
    }

    public DatabaseOptions withClock(Clock newClock) {
        return new DatabaseOptions(dataDir, newClock, busyTimeout, passwordCost, random);
    }

    public DatabaseOptions withBusyTimeout(Duration newBusyTimeout) {
        return new DatabaseOptions(dataDir, clock, newBusyTimeout, passwordCost, random);
    }

    public DatabaseOptions withPasswordCost(int newPasswordCost) {
        return new DatabaseOptions(dataDir, clock, busyTimeout, newPasswordCost, random);
    }

    public DatabaseOptions withRandom(SecureRandom newRandom) {
        return new DatabaseOptions(dataDir, clock, busyTimeout, passwordCost, newRandom);
    }

    /** The database file inside {@link #dataDir()}. */
    public Path databaseFile() {
        return dataDir.resolve(Database.FILE_NAME);
    }
}

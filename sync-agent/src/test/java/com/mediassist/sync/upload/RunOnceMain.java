package com.mediassist.sync.upload;

import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The child JVM of {@link KillDuringUploadTest}: one {@code run-once} at a given time, batches of 5. */
public final class RunOnceMain {

    private RunOnceMain() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        try (Database db = Database.open(DatabaseOptions.defaults(dataDir).withClock(clock).withPasswordCost(4))) {
            SyncOptions options = SyncOptions.defaults().withVendorUrl(URI.create(args[1])).withMaxEventsPerBatch(5);
            System.out.println("START");
            System.out.flush();
            RunResult r = SyncAgent.open(db, options, clock, new SecureRandom()).runOnce(false);
            System.out.println("DONE " + r);
        }
    }
}

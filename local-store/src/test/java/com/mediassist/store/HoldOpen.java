package com.mediassist.store;

import java.io.IOException;
import java.nio.file.Path;

/** Child process for tests: opens the database in {@code args[0]}, prints READY, holds it until stdin closes. */
public final class HoldOpen {

    private HoldOpen() {
    }

    public static void main(String[] args) throws IOException {
        try (Database db = Database.open(DatabaseOptions.defaults(Path.of(args[0])).withPasswordCost(4))) {
            System.out.println("READY " + db.schemaVersion());
            System.out.flush();
            while (System.in.read() != -1) {
                // Hold the database open until the parent closes our stdin.
            }
        }
    }
}

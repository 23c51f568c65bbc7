package com.mediassist.store;

import java.nio.file.Path;

/**
 * An offline operation (restore) needs the database closed everywhere, but a process (usually the
 * running appliance) has it open. Stop the appliance and try again.
 */
public class DatabaseInUseException extends StoreException {

    private final Path dataDir;

    public DatabaseInUseException(Path dataDir) {
        super("the database in " + dataDir + " is open in another process or in this one (is the appliance running?); "
                + "stop it first");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}

package com.mediassist.store.migration;

/**
 * The database was migrated by a newer MediAssist than this one; opening it could misread data,
 * so it is refused. Upgrade the software or restore an older backup.
 */
public class SchemaTooNewException extends MigrationException {

    private final int supported;
    private final int found;

    public SchemaTooNewException(int supported, int found) {
        super("database schema is at version " + found + " but this build supports up to version " + supported);
        this.supported = supported;
        this.found = found;
    }

    public int supported() {
        return supported;
    }

    public int found() {
        return found;
    }
}

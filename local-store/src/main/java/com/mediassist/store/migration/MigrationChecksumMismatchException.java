package com.mediassist.store.migration;

/**
 * A migration applied earlier differs from the one this build ships: someone edited a released
 * script. Refused, because the schema can no longer be trusted to be what the code expects.
 */
public class MigrationChecksumMismatchException extends MigrationException {

    private final int version;
    private final String expected;
    private final String found;

    public MigrationChecksumMismatchException(int version, String expected, String found) {
        super("migration " + version + " was applied with checksum " + found
                + " but this build ships checksum " + expected);
        this.version = version;
        this.expected = expected;
        this.found = found;
    }

    public int version() {
        return version;
    }

    /** The checksum of the script shipped in this build. */
    public String expected() {
        return expected;
    }

    /** The checksum recorded in the database. */
    public String found() {
        return found;
    }
}

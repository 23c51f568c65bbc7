package com.mediassist.store.migration;

import java.time.Instant;

/**
 * A row of {@code schema_version}: a migration that has been applied to this database.
 *
 * @param version the migration's version
 * @param description what it did
 * @param checksum SHA-256 of the script as it was when applied
 * @param appliedAt when it was applied
 */
public record AppliedMigration(int version, String description, String checksum, Instant appliedAt) {
}

package com.mediassist.store.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup written.
 *
 * @param file the backup file
 * @param bytes its size
 * @param schemaVersion the schema version it holds
 * @param at when the snapshot was taken
 */
public record BackupResult(Path file, long bytes, int schemaVersion, Instant at) {
}

package com.mediassist.store.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A restore done.
 *
 * @param restoredFrom the backup file read
 * @param previousKeptAt where the database that was replaced now is, empty when there was none;
 *     delete it once the restored data is confirmed
 * @param schemaVersion the schema version after restore (migrated when the backup was older)
 * @param patients how many patients the restored database holds
 */
public record RestoreResult(Path restoredFrom, Optional<Path> previousKeptAt, int schemaVersion, long patients) {
}

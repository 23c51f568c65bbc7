package com.mediassist.store.migration;

import java.util.Objects;

/**
 * One schema migration as shipped in the store's resources.
 *
 * @param version its position in the order, from 1 without gaps
 * @param description what it does, from the file name
 * @param resource the classpath resource holding its SQL
 * @param sql the SQL script, possibly several statements
 * @param checksum SHA-256 (lower-case hex) of the script's bytes
 */
public record Migration(int version, String description, String resource, String sql, String checksum) {

    public Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
    }
}

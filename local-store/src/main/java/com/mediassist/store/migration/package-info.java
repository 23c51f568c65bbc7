/**
 * Versioned schema migrations: ordered SQL scripts shipped as resources, recorded with their
 * SHA-256 in {@code schema_version}, each applied in one transaction when the database opens.
 */
package com.mediassist.store.migration;

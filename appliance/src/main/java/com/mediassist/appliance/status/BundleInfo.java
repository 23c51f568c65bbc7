package com.mediassist.appliance.status;

/**
 * The model bundle the diagnosis module runs.
 *
 * @param id        bundle id from its manifest
 * @param version   semantic version
 * @param createdAt creation time from the manifest (ISO-8601), or null when not stated
 * @param source    where it was loaded from (directory or "shipped default")
 */
public record BundleInfo(String id, String version, String createdAt, String source) {
}

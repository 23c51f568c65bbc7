package com.mediassist.sync.ota;

/**
 * A bundle kept on the box.
 *
 * @param id        bundle id from its manifest
 * @param version   its version
 * @param dir       its directory name under {@code ota/bundles/}
 * @param source    where it came from ({@code repository}, {@code import <file>}, the target name)
 * @param stagedAt  when it was verified and kept (ISO-8601)
 */
public record BundleRef(String id, String version, String dir, String source, String stagedAt) {

    /** {@code <id>-<version>}. */
    public String label() {
        return id + "-" + version;
    }
}

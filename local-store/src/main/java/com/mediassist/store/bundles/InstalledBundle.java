package com.mediassist.store.bundles;

import java.time.Instant;

/**
 * A model or knowledge bundle installed on this appliance.
 *
 * @param id database id
 * @param bundleId the bundle's name, e.g. {@code mediassist-dx}
 * @param version its version, unique per bundle id
 * @param path where its files are on disk
 * @param sha256 SHA-256 of the bundle archive as verified at install, lower-case hex
 * @param installedAt when it was installed
 * @param status active, previous or inactive
 */
public record InstalledBundle(long id, String bundleId, String version, String path, String sha256,
        Instant installedAt, BundleStatus status) {
}

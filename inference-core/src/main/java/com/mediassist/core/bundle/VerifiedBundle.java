package com.mediassist.core.bundle;

import java.nio.file.Path;

/**
 * A bundle whose files matched their manifest when it was loaded. Files are read from {@link #dir()}
 * afterwards, so the directory must not be writable by others (the appliance keeps bundles in its
 * own data directory).
 *
 * @param dir      the bundle directory
 * @param manifest its verified manifest
 */
public record VerifiedBundle(Path dir, BundleManifest manifest) {

    /** A file of the bundle, by its manifest path. */
    public Path file(String path) {
        return dir.resolve(path);
    }
}

package com.mediassist.appliance.diagnosis.service;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Which model bundle the appliance uses ({@code mediassist.bundle.*}). */
@ConfigMapping(prefix = "mediassist.bundle")
public interface BundleConfig {

    /**
     * Directory of the bundle to load instead of the one shipped inside the appliance.
     * Default: none, i.e. the shipped bundle (extracted under the data directory and verified).
     */
    Optional<Path> dir();
}

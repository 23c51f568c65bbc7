package com.mediassist.appliance.status;

import java.util.Optional;

/** Tells the status page which model bundle is active; empty when none loaded. */
public interface ActiveBundleSource {

    Optional<BundleInfo> activeBundle();
}

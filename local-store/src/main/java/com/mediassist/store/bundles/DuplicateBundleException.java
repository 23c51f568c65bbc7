package com.mediassist.store.bundles;

import com.mediassist.store.DuplicateValueException;

/** That bundle id and version is already installed. */
public class DuplicateBundleException extends DuplicateValueException {

    public DuplicateBundleException(String bundleId, String version) {
        super("bundle", bundleId + "@" + version);
    }
}

package com.mediassist.store.bundles;

import com.mediassist.store.RecordNotFoundException;

/** No installed bundle matches (id and version, or no previous one to roll back to). */
public class BundleNotFoundException extends RecordNotFoundException {

    public BundleNotFoundException(String what) {
        super("bundle", what);
    }
}

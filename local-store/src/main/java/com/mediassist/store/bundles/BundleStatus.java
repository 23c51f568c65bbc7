package com.mediassist.store.bundles;

import com.mediassist.store.InvalidValueException;
import java.util.Locale;

/** Where an installed bundle stands: at most one {@code active} and one {@code previous} per bundle id. */
public enum BundleStatus {
    /** Serving now. */
    ACTIVE,
    /** Served before the active one; the target of a rollback. */
    PREVIOUS,
    /** Installed but not serving. */
    INACTIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValueException naming {@code status} for an unknown code */
    public static BundleStatus fromCode(String code) {
        if (code != null) {
            for (BundleStatus s : values()) {
                if (s.code().equalsIgnoreCase(code.strip())) {
                    return s;
                }
            }
        }
        throw new InvalidValueException("status", "must be active, previous or inactive, got " + code);
    }
}

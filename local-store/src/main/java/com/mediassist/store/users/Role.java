package com.mediassist.store.users;

import com.mediassist.store.InvalidValueException;
import java.util.Locale;

/** What a user or API token may do: a {@code doctor} sees patients, an {@code admin} also manages the appliance. */
public enum Role {
    DOCTOR,
    ADMIN;

    /** The lower-case name stored in the database and used on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code doctor} or {@code admin}, in any case.
     *
     * @throws InvalidValueException naming {@code role} for anything else
     */
    public static Role fromCode(String code) {
        if (code != null) {
            for (Role r : values()) {
                if (r.code().equalsIgnoreCase(code.strip())) {
                    return r;
                }
            }
        }
        throw new InvalidValueException("role", "must be doctor or admin, got " + code);
    }
}

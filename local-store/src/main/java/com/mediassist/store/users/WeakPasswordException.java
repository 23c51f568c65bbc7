package com.mediassist.store.users;

import com.mediassist.store.InvalidValueException;

/** A new password breaks {@link PasswordPolicy}; the message says which rule, never the password. */
public class WeakPasswordException extends InvalidValueException {

    public WeakPasswordException(String reason) {
        super("password", reason);
    }
}

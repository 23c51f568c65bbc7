package com.mediassist.store.users;

import com.mediassist.store.DuplicateValueException;

/** A user with that name (ignoring case) already exists; nothing was written. */
public class DuplicateUsernameException extends DuplicateValueException {

    public DuplicateUsernameException(String username) {
        super("username", username);
    }
}

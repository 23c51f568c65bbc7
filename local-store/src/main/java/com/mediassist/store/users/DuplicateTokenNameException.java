package com.mediassist.store.users;

import com.mediassist.store.DuplicateValueException;

/** A live token with that name already exists; revoke it first or choose another name. */
public class DuplicateTokenNameException extends DuplicateValueException {

    public DuplicateTokenNameException(String name) {
        super("tokenName", name);
    }
}

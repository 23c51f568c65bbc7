package com.mediassist.store.users;

import com.mediassist.store.RecordNotFoundException;

/** No live token has that name. */
public class TokenNotFoundException extends RecordNotFoundException {

    public TokenNotFoundException(String name) {
        super("token", name);
    }
}

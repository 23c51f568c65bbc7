package com.mediassist.store.users;

import com.mediassist.store.RecordNotFoundException;

/** No user has that name. */
public class UserNotFoundException extends RecordNotFoundException {

    public UserNotFoundException(String username) {
        super("user", username);
    }
}

package com.mediassist.store.users;

import java.time.Instant;

/**
 * A browser session just started: the only time its id exists in clear. The id goes into the
 * session cookie; the store keeps its SHA-256.
 *
 * @param id 32 random bytes, base64url without padding
 * @param user who logged in
 * @param expiresAt the absolute end of the session, whatever the activity
 */
public record IssuedSession(String id, User user, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[user=" + user.username() + ", expiresAt=" + expiresAt + ", id=(hidden)]";
    }
}

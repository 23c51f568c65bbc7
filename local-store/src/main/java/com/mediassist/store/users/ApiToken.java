package com.mediassist.store.users;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token for integrations, as stored: only its SHA-256 is kept, never the token itself.
 *
 * @param id database id
 * @param name unique among live tokens; revoke by it
 * @param role what calls with this token may do
 * @param username the user it acts for, when bound to one (a disabled user's tokens stop working)
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, empty while live
 */
public record ApiToken(long id, String name, Role role, Optional<String> username, Instant createdAt,
        Optional<Instant> revokedAt) {

    /** Whether the token has not been revoked. */
    public boolean live() {
        return revokedAt.isEmpty();
    }
}

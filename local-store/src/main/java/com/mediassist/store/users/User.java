package com.mediassist.store.users;

import java.time.Instant;

/**
 * A person who logs in to the appliance. The password hash never leaves the repository.
 *
 * @param id database id
 * @param username unique, compared without regard to case
 * @param role what the user may do
 * @param disabled a disabled user cannot log in and their tokens stop working
 * @param createdAt when the user was added
 */
public record User(long id, String username, Role role, boolean disabled, Instant createdAt) {
}

/**
 * Who may use the appliance: local users with bcrypt-hashed passwords and the roles
 * {@code doctor} and {@code admin}, and API tokens for integrations stored as SHA-256 hashes.
 * Authentication failures throw {@link com.mediassist.store.users.AuthenticationFailedException}
 * with the reason, never return {@code false}.
 */
package com.mediassist.store.users;

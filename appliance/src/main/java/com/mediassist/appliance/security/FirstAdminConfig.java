package com.mediassist.appliance.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The first administrator, created when the store has no user at all ({@code mediassist.admin}). */
@ConfigMapping(prefix = "mediassist.admin")
public interface FirstAdminConfig {

    /**
     * The first admin's password (env {@code MEDIASSIST_ADMIN_PASSWORD}). When absent a random one
     * is generated and printed once to the console. Ignored once any user exists.
     */
    Optional<String> password();
}

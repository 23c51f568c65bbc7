package com.mediassist.appliance.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the login protections, under {@code mediassist.security}. */
@ConfigMapping(prefix = "mediassist.security")
public interface SecurityConfig {

    /**
     * Failed logins allowed for one user name within {@link #failedLoginWindow()}; the next attempt
     * is refused with 429. Default 5.
     */
    @WithDefault("5")
    int maxFailedLogins();

    /**
     * Failed logins allowed from one client address within the window, whatever the user names.
     * Higher than the per-user limit because several doctors may share a PC or a NAT. Default 20.
     */
    @WithDefault("20")
    int maxFailedLoginsPerAddress();

    /** The sliding window over which failed logins are counted. Default 5 minutes. */
    @WithDefault("PT5M")
    Duration failedLoginWindow();

    /**
     * bcrypt cost (log2 of the rounds) for passwords the appliance hashes, such as the first
     * admin's. Default 12 (about 0.2 s per hash); the test profile uses 4.
     */
    @WithDefault("12")
    int passwordCost();

    /**
     * Absolute lifetime of a browser session: after it the user logs in again, however active.
     * The idle timeout ({@code quarkus.http.auth.form.timeout}) applies as well. Default 12 hours.
     */
    @WithDefault("PT12H")
    Duration sessionLifetime();
}

package com.mediassist.appliance.security;

import com.mediassist.appliance.failure.ApplianceException;
import java.time.Duration;

/**
 * Too many failed logins for a user name or from one client address: the attempt is refused
 * before the password is checked. Answered with 429 and a {@code Retry-After} header.
 */
public class LoginThrottledException extends ApplianceException {

    private final Duration retryAfter;

    public LoginThrottledException(String what, int failures, Duration window, Duration retryAfter) {
        super(failures + " failed logins for this " + what + " within " + window.toMinutes()
                        + " minutes; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    /** How long until the oldest counted failure leaves the window. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

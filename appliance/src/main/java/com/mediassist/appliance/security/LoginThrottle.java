package com.mediassist.appliance.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address in a sliding window and refuses
 * further attempts once either reaches its limit. Kept in memory: a restart clears it, which is
 * acceptable because a restart takes longer than a handful of guesses.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, SecurityConfig config) {
        this.clock = clock;
        this.maxFailures = config.maxFailedLogins();
        this.maxFailuresPerAddress = config.maxFailedLoginsPerAddress();
        this.window = config.failedLoginWindow();
        if (maxFailures < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("mediassist.security.max-failed-logins and "
                    + "max-failed-logins-per-address must be at least 1, got " + maxFailures + " and "
                    + maxFailuresPerAddress);
        }
    }

    /**
     * Refuses the attempt when the user name or the address already has the maximum of failures in
     * the window.
     *
     * @throws LoginThrottledException naming which of the two is blocked
     */
    public void checkAllowed(String username, String address) {
        check("user name", userKey(username), maxFailures);
        check("address", addressKey(address), maxFailuresPerAddress);
    }

    /** Counts one failed login against both the user name and the address. */
    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            failures.compute(key, (k, q) -> {
                Deque<Instant> deque = q == null ? new ArrayDeque<>() : q;
                prune(deque, now);
                deque.addLast(now);
                return deque;
            });
        }
    }

    /** A successful login clears the user name's failures (not the address's). */
    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private void check(String what, String key, int limit) {
        Instant now = clock.instant();
        int[] count = new int[1];
        Instant[] oldest = new Instant[1];
        // All reads and writes of a deque happen inside the map's per-key lock.
        failures.computeIfPresent(key, (k, q) -> {
            prune(q, now);
            count[0] = q.size();
            oldest[0] = q.peekFirst();
            return q.isEmpty() ? null : q;
        });
        if (count[0] >= limit) {
            throw new LoginThrottledException(what, count[0], window, Duration.between(now, oldest[0].plus(window)));
        }
    }

    private void prune(Deque<Instant> deque, Instant now) {
        Instant cutoff = now.minus(window);
        while (!deque.isEmpty() && !deque.peekFirst().isAfter(cutoff)) {
            deque.pollFirst();
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "unknown" : address);
    }
}

package com.mediassist.appliance.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits password guesses per user name and per client address in a sliding window.
 *
 * <p>Every attempt is counted <em>before</em> its password is checked: {@link #reserve} takes a
 * slot for the user name and one for the address in one atomic step, or refuses the attempt when
 * either is full. So a burst of simultaneous guesses gets at most the limit checked, however many
 * arrive together; a check-then-count throttle let all of them through. A wrong password keeps its
 * slots; a right one frees them ({@link #succeeded}).
 *
 * <p>Kept in memory: a restart clears it, which is acceptable because a restart takes longer than a
 * handful of guesses.
 */
@ApplicationScoped
public class LoginThrottle {

    /**
     * The slots one attempt holds until it ends.
     *
     * @param userKey the user name's counter
     * @param addressKey the address's counter
     * @param at when the slots were taken
     */
    public record Attempt(String userKey, String addressKey, Instant at) {
    }

    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    /** Guarded by {@code this}: both counters of an attempt change together. */
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

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
     * Takes one slot for the user name and one for the address, atomically, before the password is
     * checked.
     *
     * @return the attempt, to be passed to {@link #succeeded} when the password is right
     * @throws LoginThrottledException naming which of the two is full; nothing is taken then
     */
    public synchronized Attempt reserve(String username, String address) {
        Instant now = clock.instant();
        String user = userKey(username);
        String addr = addressKey(address);
        Deque<Instant> forUser = live(user, now);
        Deque<Instant> forAddress = live(addr, now);
        if (forUser.size() >= maxFailures) {
            throw refused("user name", forUser, now);
        }
        if (forAddress.size() >= maxFailuresPerAddress) {
            throw refused("address", forAddress, now);
        }
        forUser.addLast(now);
        forAddress.addLast(now);
        attempts.put(user, forUser);
        attempts.put(addr, forAddress);
        return new Attempt(user, addr, now);
    }

    /**
     * The password was right: the user name's failures are cleared and the address's slot for this
     * attempt is given back (its earlier failures stay).
     */
    public synchronized void succeeded(Attempt attempt) {
        attempts.remove(attempt.userKey());
        Deque<Instant> forAddress = attempts.get(attempt.addressKey());
        if (forAddress != null) {
            forAddress.removeLastOccurrence(attempt.at());
            if (forAddress.isEmpty()) {
                attempts.remove(attempt.addressKey());
            }
        }
    }

    private Deque<Instant> live(String key, Instant now) {
        Deque<Instant> deque = attempts.getOrDefault(key, new ArrayDeque<>());
        Instant cutoff = now.minus(window);
        while (!deque.isEmpty() && !deque.peekFirst().isAfter(cutoff)) {
            deque.pollFirst();
        }
        if (deque.isEmpty()) {
            attempts.remove(key);
        }
        return deque;
    }

    private LoginThrottledException refused(String what, Deque<Instant> counted, Instant now) {
        return new LoginThrottledException(what, counted.size(), window,
                Duration.between(now, counted.peekFirst().plus(window)));
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "unknown" : address);
    }
}

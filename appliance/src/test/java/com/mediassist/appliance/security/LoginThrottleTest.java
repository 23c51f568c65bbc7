package com.mediassist.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static SecurityConfig config(int perUser, int perAddress) {
        return new SecurityConfig() {
            @Override
            public int maxFailedLogins() {
                return perUser;
            }

            @Override
            public int maxFailedLoginsPerAddress() {
                return perAddress;
            }

            @Override
            public Duration failedLoginWindow() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int passwordCost() {
                return 4;
            }

            @Override
            public Duration sessionLifetime() {
                return Duration.ofHours(12);
            }
        };
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void refusesTheSixthAttemptAfterFiveFailuresForOneUser() {
        LoginThrottle throttle = new LoginThrottle(clock, config(5, 100));
        for (int i = 0; i < 5; i++) {
            throttle.reserve("maria", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.reserve("MARIA", "10.0.0.99"))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("5 failed logins for this user name");
        assertThatCode(() -> throttle.reserve("pedro", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAddressThatFailedForManyUserNames() {
        LoginThrottle throttle = new LoginThrottle(clock, config(5, 3));
        throttle.reserve("a1", "192.0.2.7");
        throttle.reserve("a2", "192.0.2.7");
        throttle.reserve("a3", "192.0.2.7");
        assertThatThrownBy(() -> throttle.reserve("a4", "192.0.2.7"))
                .isInstanceOf(LoginThrottledException.class).hasMessageContaining("address");
        assertThatCode(() -> throttle.reserve("a4", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void allowsAgainOnceTheFailuresLeaveTheWindow() {
        LoginThrottle throttle = new LoginThrottle(clock, config(2, 100));
        throttle.reserve("ana", "h");
        clock.now = clock.now.plusSeconds(60);
        throttle.reserve("ana", "h");
        assertThatThrownBy(() -> throttle.reserve("ana", "h"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(4)));
        clock.now = clock.now.plus(Duration.ofMinutes(4)).plusSeconds(1);
        assertThatCode(() -> throttle.reserve("ana", "h")).doesNotThrowAnyException();
    }

    @Test
    void successfulLoginClearsTheUserNameCountAndGivesBackItsAddressSlot() {
        LoginThrottle throttle = new LoginThrottle(clock, config(2, 2));
        throttle.reserve("luis", "h");
        throttle.succeeded(throttle.reserve("luis", "h"));
        throttle.reserve("luis", "h");
        assertThatThrownBy(() -> throttle.reserve("other", "h")).hasMessageContaining("address");
    }

    @Test
    void simultaneousGuessesGetNoMoreThanTheLimitChecked() throws Exception {
        LoginThrottle throttle = new LoginThrottle(clock, config(5, 20));
        int guesses = 60;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(guesses);
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guesses);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                all.add(pool.submit(() -> {
                    together.await();
                    try {
                        throttle.reserve("maria", "10.0.0.1");
                        checked.incrementAndGet();
                    } catch (LoginThrottledException refused) {
                        // Refused before its password was looked at.
                    }
                    return null;
                }));
            }
            for (var f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checked.get()).isEqualTo(5);
    }
}

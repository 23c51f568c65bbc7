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
        };
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void refusesTheSixthAttemptAfterFiveFailuresForOneUser() {
        LoginThrottle throttle = new LoginThrottle(clock, config(5, 100));
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed("maria", "10.0.0." + i);
            throttle.recordFailure("maria", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.checkAllowed("MARIA", "10.0.0.99"))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("5 failed logins for this user name")
                .satisfies(e -> assertThat(((LoginThrottledException) e).status()).isEqualTo(429));
        assertThatCode(() -> throttle.checkAllowed("pedro", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAddressThatFailedForManyUserNames() {
        LoginThrottle throttle = new LoginThrottle(clock, config(5, 3));
        throttle.recordFailure("a1", "192.0.2.7");
        throttle.recordFailure("a2", "192.0.2.7");
        throttle.recordFailure("a3", "192.0.2.7");
        assertThatThrownBy(() -> throttle.checkAllowed("a4", "192.0.2.7"))
                .isInstanceOf(LoginThrottledException.class).hasMessageContaining("address");
        assertThatCode(() -> throttle.checkAllowed("a4", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void allowsAgainOnceTheFailuresLeaveTheWindow() {
        LoginThrottle throttle = new LoginThrottle(clock, config(2, 100));
        throttle.recordFailure("ana", "h");
        clock.now = clock.now.plusSeconds(60);
        throttle.recordFailure("ana", "h");
        assertThatThrownBy(() -> throttle.checkAllowed("ana", "h"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(4)));
        clock.now = clock.now.plus(Duration.ofMinutes(4)).plusSeconds(1);
        assertThatCode(() -> throttle.checkAllowed("ana", "h")).doesNotThrowAnyException();
    }

    @Test
    void successfulLoginClearsTheUserNameCount() {
        LoginThrottle throttle = new LoginThrottle(clock, config(2, 100));
        throttle.recordFailure("luis", "h");
        throttle.recordSuccess("luis");
        throttle.recordFailure("luis", "h");
        assertThatCode(() -> throttle.checkAllowed("luis", "h")).doesNotThrowAnyException();
    }
}

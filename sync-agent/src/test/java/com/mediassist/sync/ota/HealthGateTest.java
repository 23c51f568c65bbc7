package com.mediassist.sync.ota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthGateTest {

    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final BundleRef REF = new BundleRef("ddxplus-diagnosis", "2.1.0", "ddxplus-diagnosis-2.1.0", "test", T0.toString());
    static final HealthGate.Limits LIMITS = new HealthGate.Limits(10, Duration.ofMinutes(5), 0.1, 0.2, Duration.ofMillis(100));

    @Test
    void staysOpenUntilEnoughAnswersWereSeen() {
        HealthGate g = new HealthGate(REF, LIMITS, T0);
        for (int i = 0; i < 9; i++) {
            g.record(Duration.ofMillis(10), false, false);
        }
        assertThat(g.verdict(T0.plusSeconds(1))).isEqualTo(new HealthGate.Pending(9));
        g.record(Duration.ofMillis(10), false, false);
        assertThat(g.verdict(T0.plusSeconds(1))).isEqualTo(new HealthGate.Passed(10));
    }

    @Test
    void failsOnTooManyFallbackAnswers() {
        HealthGate g = new HealthGate(REF, LIMITS, T0);
        for (int i = 0; i < 10; i++) {
            g.record(Duration.ofMillis(10), i < 3, false);
        }
        assertThat(g.verdict(T0)).isInstanceOfSatisfying(HealthGate.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("fallback rate 0.300 above 0.200 over 10 requests"));
    }

    @Test
    void failsOnErrorsAndOnSlowAnswers() {
        HealthGate errors = new HealthGate(REF, LIMITS, T0);
        HealthGate slow = new HealthGate(REF, LIMITS, T0);
        for (int i = 0; i < 10; i++) {
            errors.record(Duration.ofMillis(10), false, i < 2);
            slow.record(Duration.ofMillis(i < 9 ? 10 : 500), false, false);
        }
        assertThat(errors.verdict(T0)).isInstanceOfSatisfying(HealthGate.Failed.class,
                f -> assertThat(f.reason()).startsWith("error rate 0.200"));
        assertThat(slow.verdict(T0)).isInstanceOfSatisfying(HealthGate.Failed.class,
                f -> assertThat(f.reason()).startsWith("p95 latency 500.0 ms above 100 ms"));
    }

    @Test
    void decidesOnWhatItSawOnceTheWindowIsOver() {
        HealthGate g = new HealthGate(REF, LIMITS, T0);
        g.record(Duration.ofMillis(10), false, false);
        assertThat(g.verdict(T0.plus(Duration.ofMinutes(5)))).isEqualTo(new HealthGate.Passed(1));
    }
}

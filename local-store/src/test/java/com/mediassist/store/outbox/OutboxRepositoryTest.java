package com.mediassist.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void releasesEventsOnlyOnceTheirDelayHasPassedOnTheInjectedClock() {
        TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
        try (Database db = TestDatabases.open(dir, clock)) {
            OutboxEvent now = db.outbox().enqueue("feedback.recorded", "{\"a\":1}", Duration.ZERO);
            OutboxEvent later = db.outbox().enqueue("consultation.signed", "{\"b\":2}", Duration.ofHours(24));
            assertThat(db.outbox().listEligible(10)).extracting(OutboxEvent::id).containsExactly(now.id());
            clock.advance(Duration.ofHours(24).minusMillis(1));
            assertThat(db.outbox().listEligible(10)).extracting(OutboxEvent::id).containsExactly(now.id());
            clock.advance(Duration.ofMillis(1));
            assertThat(db.outbox().listEligible(10)).extracting(OutboxEvent::id).containsExactly(now.id(), later.id());
            OutboxEvent uploaded = db.outbox().markUploaded(now.id());
            assertThat(uploaded.uploadedAt()).contains(clock.instant());
            assertThat(db.outbox().listEligible(10)).extracting(OutboxEvent::id).containsExactly(later.id());
            assertThat(db.outbox().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void refusesMalformedPayloadsAndNegativeDelays() {
        try (Database db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"))) {
            assertThatThrownBy(() -> db.outbox().enqueue("x", "{broken", Duration.ZERO))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("payloadJson"));
            assertThatThrownBy(() -> db.outbox().enqueue("x", "{} {}", Duration.ZERO))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("payloadJson"));
            assertThatThrownBy(() -> db.outbox().enqueue("x", "{}", Duration.ofSeconds(-1)))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("delay"));
            assertThat(db.outbox().pendingCount()).isZero();
        }
    }
}

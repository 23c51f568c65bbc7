package com.mediassist.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRepositoryTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, clock);
        db.users().add("dra.lopez", Role.DOCTOR, "correct horse battery".toCharArray());
        db.users().add("dr.ruiz", Role.DOCTOR, "correct horse battery".toCharArray());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AuthenticationFailedException.Reason reason(Throwable e) {
        return ((AuthenticationFailedException) e).reason();
    }

    @Test
    void storesOnlyTheHashOfTheSessionId() {
        IssuedSession s = db.users().sessions().start("dra.lopez", Duration.ofHours(12));
        assertThat(db.users().sessions().verify(s.id()).username()).isEqualTo("dra.lopez");
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM sessions").mapTo(String.class).one());
        assertThat(stored).isNotEqualTo(s.id()).hasSize(64);
        assertThat(s.toString()).doesNotContain(s.id());
    }

    @Test
    void endsAtItsAbsoluteLifetimeHoweverActive() {
        IssuedSession s = db.users().sessions().start("dra.lopez", Duration.ofHours(12));
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        db.users().sessions().verify(s.id());
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> db.users().sessions().verify(s.id()))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(AuthenticationFailedException.Reason.SESSION_EXPIRED));
    }

    @Test
    void logoutPasswordChangeAndDisableEndSessions() {
        IssuedSession loggedOut = db.users().sessions().start("dra.lopez", Duration.ofHours(1));
        db.users().sessions().end(loggedOut.id());
        assertThatThrownBy(() -> db.users().sessions().verify(loggedOut.id()))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(AuthenticationFailedException.Reason.UNKNOWN_SESSION));

        IssuedSession beforeChange = db.users().sessions().start("dra.lopez", Duration.ofHours(1));
        IssuedSession otherUser = db.users().sessions().start("dr.ruiz", Duration.ofHours(1));
        db.users().changePassword("dra.lopez", "another horse battery".toCharArray());
        assertThatThrownBy(() -> db.users().sessions().verify(beforeChange.id())).isInstanceOf(AuthenticationFailedException.class);
        assertThat(db.users().sessions().verify(otherUser.id()).username()).isEqualTo("dr.ruiz");

        db.users().disable("dr.ruiz");
        assertThatThrownBy(() -> db.users().sessions().verify(otherUser.id())).isInstanceOf(AuthenticationFailedException.class);
        db.users().enable("dr.ruiz");
        assertThatThrownBy(() -> db.users().sessions().verify(otherUser.id())).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesUnknownAndMalformedIds() {
        assertThatThrownBy(() -> db.users().sessions().verify("x".repeat(43))).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> db.users().sessions().verify(null)).isInstanceOf(AuthenticationFailedException.class);
    }
}

package com.mediassist.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRepositoryTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, TestClock.at("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void verifiesACreatedTokenAndStoresOnlyItsHash() {
        IssuedToken issued = db.tokens().create("ehr-sync", Role.DOCTOR);
        assertThat(issued.secret()).matches("mda_[A-Za-z0-9_-]{43}");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        ApiToken verified = db.tokens().verify(issued.secret());
        assertThat(verified.name()).isEqualTo("ehr-sync");
        assertThat(verified.role()).isEqualTo(Role.DOCTOR);
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).one());
        assertThat(stored).hasSize(64).isNotEqualTo(issued.secret()).doesNotContain(issued.secret().substring(4));
    }

    @Test
    void refusesUnknownMalformedAndRevokedTokens() {
        IssuedToken issued = db.tokens().create("ehr-sync", Role.ADMIN);
        String other = "mda_" + "A".repeat(43);
        assertThatThrownBy(() -> db.tokens().verify(other))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.UNKNOWN_TOKEN));
        assertThatThrownBy(() -> db.tokens().verify("Bearer whatever"))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.MALFORMED_TOKEN));
        ApiToken revoked = db.tokens().revoke("ehr-sync");
        assertThat(revoked.live()).isFalse();
        assertThatThrownBy(() -> db.tokens().verify(issued.secret()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.TOKEN_REVOKED));
    }

    @Test
    void allowsTheNameAgainOnlyAfterRevocation() {
        db.tokens().create("lab", Role.DOCTOR);
        assertThatThrownBy(() -> db.tokens().create("lab", Role.DOCTOR)).isInstanceOf(DuplicateTokenNameException.class);
        db.tokens().revoke("lab");
        IssuedToken again = db.tokens().create("lab", Role.DOCTOR);
        assertThat(db.tokens().verify(again.secret()).name()).isEqualTo("lab");
        assertThat(db.tokens().list()).hasSize(2);
        assertThatThrownBy(() -> db.tokens().revoke("nope")).isInstanceOf(TokenNotFoundException.class);
    }

    @Test
    void stopsAcceptingTokensOfADisabledUser() {
        db.users().add("dra.lopez", Role.DOCTOR, "correct horse".toCharArray());
        IssuedToken issued = db.tokens().create("lopez-tablet", Role.DOCTOR, Optional.of("dra.lopez"));
        assertThat(db.tokens().verify(issued.secret()).username()).contains("dra.lopez");
        db.users().disable("dra.lopez");
        assertThatThrownBy(() -> db.tokens().verify(issued.secret()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.USER_DISABLED));
        assertThatThrownBy(() -> db.tokens().create("x", Role.DOCTOR, Optional.of("ghost")))
                .isInstanceOf(UserNotFoundException.class);
    }
}

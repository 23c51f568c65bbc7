package com.mediassist.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.InvalidValueException;
import com.mediassist.store.TestClock;
import com.mediassist.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRepositoryTest {

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
    void storesASaltedBcryptHashNeverThePassword() {
        db.users().add("dra.lopez", Role.DOCTOR, "correct horse".toCharArray());
        db.users().add("dr.ruiz", Role.DOCTOR, "correct horse".toCharArray());
        var hashes = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users ORDER BY id")
                .mapTo(String.class).list());
        assertThat(hashes).allSatisfy(hash -> {
            assertThat(hash).startsWith("$2y$04$").doesNotContain("correct");
        });
        assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
    }

    @Test
    void authenticatesTheRightPasswordOnly() {
        db.users().add("dra.lopez", Role.DOCTOR, "correct horse".toCharArray());
        User user = db.users().authenticate("dra.lopez", "correct horse".toCharArray());
        assertThat(user.role()).isEqualTo(Role.DOCTOR);
        assertThat(db.users().authenticate("DRA.LOPEZ", "correct horse".toCharArray()).id()).isEqualTo(user.id());
        assertThatThrownBy(() -> db.users().authenticate("dra.lopez", "correct horsE".toCharArray()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.WRONG_PASSWORD));
        assertThatThrownBy(() -> db.users().authenticate("nobody", "correct horse".toCharArray()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.UNKNOWN_USER));
    }

    @Test
    void refusesLoginOfADisabledUser() {
        db.users().add("admin", Role.ADMIN, "s3cret-pass".toCharArray());
        assertThat(db.users().disable("admin").disabled()).isTrue();
        assertThatThrownBy(() -> db.users().authenticate("admin", "s3cret-pass".toCharArray()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailedException.Reason.USER_DISABLED));
        db.users().enable("admin");
        assertThat(db.users().authenticate("admin", "s3cret-pass".toCharArray()).disabled()).isFalse();
    }

    @Test
    void refusesADuplicateUsernameIgnoringCase() {
        db.users().add("admin", Role.ADMIN, "s3cret-pass".toCharArray());
        assertThatThrownBy(() -> db.users().add("Admin", Role.DOCTOR, "other-pass".toCharArray()))
                .isInstanceOf(DuplicateUsernameException.class);
        assertThat(db.users().list()).hasSize(1);
    }

    @Test
    void refusesPasswordsTooShortOrTooLongForBcrypt() {
        assertThatThrownBy(() -> db.users().add("admin", Role.ADMIN, "short".toCharArray()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> db.users().add("admin", Role.ADMIN, "ñ".repeat(40).toCharArray()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("72 bytes"));
        assertThat(db.users().isEmpty()).isTrue();
    }

    @Test
    void changesAPassword() {
        db.users().add("admin", Role.ADMIN, "s3cret-pass".toCharArray());
        db.users().changePassword("admin", "new-s3cret-pass".toCharArray());
        assertThat(db.users().authenticate("admin", "new-s3cret-pass".toCharArray()).username()).isEqualTo("admin");
        assertThatThrownBy(() -> db.users().authenticate("admin", "s3cret-pass".toCharArray()))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesMalformedUsernamesAndRoles() {
        assertThatThrownBy(() -> db.users().add("a b", Role.ADMIN, "s3cret-pass".toCharArray()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> Role.fromCode("root"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("role"));
    }
}

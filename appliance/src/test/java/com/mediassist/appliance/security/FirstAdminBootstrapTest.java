package com.mediassist.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.users.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminBootstrapTest {

    @TempDir
    Path dir;

    private Database open() {
        return Database.open(DatabaseOptions.defaults(dir).withPasswordCost(4));
    }

    @Test
    void freshInstallationGetsAnAdminWhosePasswordIsPrintedOnceAndWorks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database database = open()) {
            boolean created = new FirstAdminBootstrap(database, Optional::empty)
                    .createIfNoUsers(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(created).isTrue();
            String console = out.toString(StandardCharsets.UTF_8);
            Matcher password = Pattern.compile("password: (\\S+)").matcher(console);
            assertThat(password.find()).as(console).isTrue();
            assertThat(password.group(1)).hasSize(20);
            assertThat(database.users().authenticate("admin", password.group(1).toCharArray()).role())
                    .isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void usesTheConfiguredPasswordAndPrintsNoSecret() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database database = open()) {
            new FirstAdminBootstrap(database, () -> Optional.of("Lechuza-Granate-Tambor-48"))
                    .createIfNoUsers(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Lechuza-Granate-Tambor-48");
            assertThat(database.users().authenticate("admin", "Lechuza-Granate-Tambor-48".toCharArray()).username())
                    .isEqualTo("admin");
        }
    }

    @Test
    void refusesAWeakConfiguredPasswordNamingTheRule() {
        try (Database database = open()) {
            for (String weak : new String[] {"password", "admin12345678", "password1234"}) {
                assertThatThrownBy(() -> new FirstAdminBootstrap(database, () -> Optional.of(weak))
                        .createIfNoUsers(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                        .as(weak).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("MEDIASSIST_ADMIN_PASSWORD").hasMessageNotContaining(weak + " ");
            }
            assertThat(database.users().isEmpty()).isTrue();
        }
    }

    @Test
    void doesNothingOnceAnyUserExists() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Database database = open()) {
            database.users().add("dra-sanz", Role.DOCTOR, "a-long-enough-password".toCharArray());
            boolean created = new FirstAdminBootstrap(database, Optional::empty)
                    .createIfNoUsers(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(created).isFalse();
            assertThat(out.size()).isZero();
            assertThat(database.users().find("admin")).isEmpty();
        }
    }
}

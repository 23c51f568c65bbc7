package com.mediassist.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;

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
            new FirstAdminBootstrap(database, () -> Optional.of("chosen-by-clinic-it"))
                    .createIfNoUsers(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("chosen-by-clinic-it");
            assertThat(database.users().authenticate("admin", "chosen-by-clinic-it".toCharArray()).username())
                    .isEqualTo("admin");
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

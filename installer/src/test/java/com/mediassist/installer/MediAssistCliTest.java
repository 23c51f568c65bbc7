package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.store.Database;
import com.mediassist.store.users.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MediAssistCliTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    /** The outcome of one command: exit code and what it printed. */
    record Run(int exit, String out, String err) {
    }

    private Run run(String stdin, Optional<CliContext.PasswordPrompt> terminal, Map<String, String> env, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = MediAssistCli.commandLine(new CliContext(env, in, terminal, clock, 4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run("", Optional.empty(), Map.of(), args);
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void addsAUserWithThePasswordFromStdinAndListsIt() {
        Run add = run("Velero-Quinta-Ambar-2931\n", Optional.empty(), Map.of(),
                "users", "add", "--data-dir", data(), "--username", "admin", "--role", "admin", "--password-stdin");
        assertThat(add.exit()).isZero();
        assertThat(add.out()).contains("added user admin with role admin");
        try (Database db = Database.open(dir.resolve("data"))) {
            assertThat(db.users().authenticate("admin", "Velero-Quinta-Ambar-2931".toCharArray()).role()).isEqualTo(Role.ADMIN);
            assertThat(db.audit().list(null, null, 10)).singleElement()
                    .satisfies(e -> assertThat(e.action()).isEqualTo("user.add"));
        }
        Run list = run("users", "list", "--data-dir", data());
        assertThat(list.out()).contains("admin").contains("active");
    }

    @Test
    void refusesWeakPasswordsNamingTheRule() {
        for (String[] weak : new String[][] {{"password", "at least 12 characters"}, {"12345678", "at least 12"},
                {"dr.ruiz.2026", "must not be the user name"}, {"password1234", "password"}}) {
            Run add = run(weak[0] + "\n", Optional.empty(), Map.of(), "users", "add", "--data-dir", data(),
                    "--username", "dr.ruiz", "--role", "doctor", "--password-stdin");
            assertThat(add.exit()).as(weak[0]).isNotZero();
            assertThat(add.err()).as(weak[0]).contains(weak[1]).doesNotContain(weak[0] + " ");
        }
        try (Database db = Database.open(dir.resolve("data"))) {
            assertThat(db.users().find("dr.ruiz")).isEmpty();
        }
    }

    @Test
    void promptsTwiceForThePasswordOnATerminal() {
        Deque<String> answers = new ArrayDeque<>(List.of("Velero-Quinta-Ambar-2931", "Velero-Quinta-Ambar-2931"));
        CliContext.PasswordPrompt prompt = (format, args) -> answers.pop().toCharArray();
        Run add = run("", Optional.of(prompt), Map.of(),
                "users", "add", "--data-dir", data(), "--username", "dr.ruiz", "--role", "doctor");
        assertThat(add.exit()).isZero();
        Deque<String> mismatch = new ArrayDeque<>(List.of("Velero-Quinta-Ambar-2931", "other-pass"));
        Run differ = run("", Optional.of((f, a) -> mismatch.pop().toCharArray()), Map.of(),
                "users", "add", "--data-dir", data(), "--username", "dr.gil", "--role", "doctor");
        assertThat(differ.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(differ.err()).contains("differ");
    }

    @Test
    void refusesToPromptWithoutATerminal() {
        Run add = run("users", "add", "--data-dir", data(), "--username", "admin", "--role", "admin");
        assertThat(add.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(add.err()).contains("--password-stdin");
    }

    @Test
    void exitsWithUsageErrorsForBadRolesDuplicatesAndUnknownOptions() {
        assertThat(run("x\n", Optional.empty(), Map.of(), "users", "add", "--data-dir", data(), "--username", "admin",
                "--role", "root", "--password-stdin").exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        run("Velero-Quinta-Ambar-2931\n", Optional.empty(), Map.of(), "users", "add", "--data-dir", data(), "--username", "admin",
                "--role", "admin", "--password-stdin");
        Run duplicate = run("Velero-Quinta-Ambar-2931\n", Optional.empty(), Map.of(), "users", "add", "--data-dir", data(),
                "--username", "admin", "--role", "admin", "--password-stdin");
        assertThat(duplicate.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(duplicate.err()).contains("username already exists: admin");
        assertThat(run("users", "frobnicate").exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(run("users", "disable", "--data-dir", data(), "--username", "ghost").exit())
                .isEqualTo(MediAssistCli.EXIT_USAGE);
    }

    @Test
    void disablesAUser() {
        run("Velero-Quinta-Ambar-2931\n", Optional.empty(), Map.of(), "users", "add", "--data-dir", data(), "--username", "dr.ruiz",
                "--role", "doctor", "--password-stdin");
        Run disable = run("users", "disable", "--data-dir", data(), "--username", "dr.ruiz");
        assertThat(disable.exit()).isZero();
        assertThat(run("users", "list", "--data-dir", data()).out()).contains("disabled");
    }

    @Test
    void printsOnlyTheTokenOnStdoutAndItVerifiesUntilRevoked() {
        Run create = run("tokens", "create", "--data-dir", data(), "--name", "ehr");
        assertThat(create.exit()).isZero();
        assertThat(create.out()).matches("mda_[A-Za-z0-9_-]{43}\\R");
        String token = create.out().strip();
        try (Database db = Database.open(dir.resolve("data"))) {
            assertThat(db.tokens().verify(token).role()).isEqualTo(Role.DOCTOR);
        }
        assertThat(run("tokens", "list", "--data-dir", data()).out()).contains("ehr").doesNotContain(token);
        Run revoke = run("tokens", "revoke", "--data-dir", data(), "--name", "ehr");
        assertThat(revoke.exit()).isZero();
        try (Database db = Database.open(dir.resolve("data"))) {
            assertThat(db.tokens().list()).singleElement().satisfies(t -> assertThat(t.live()).isFalse());
        }
        assertThat(run("tokens", "revoke", "--data-dir", data(), "--name", "ehr").exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
    }

    @Test
    void takesTheDataDirectoryFromTheEnvironment() {
        Path fromEnv = dir.resolve("env-data");
        Run create = run("", Optional.empty(), Map.of(CliContext.DATA_DIR_ENV, fromEnv.toString()),
                "tokens", "create", "--name", "ops", "--role", "admin");
        assertThat(create.exit()).isZero();
        assertThat(fromEnv.resolve("mediassist.db")).isRegularFile();
    }

    @Test
    void migratesOnceAndReportsTheSchemaVersion() {
        Run first = run("db", "migrate", "--data-dir", data());
        assertThat(first.exit()).isZero();
        var shipped = com.mediassist.store.migration.MigrationRunner.shipped(java.time.Clock.systemUTC()).migrations();
        int latest = shipped.get(shipped.size() - 1).version();
        assertThat(first.out()).contains("applied migration 1").contains("schema is at version " + latest);
        Run second = run("db", "migrate", "--data-dir", data());
        assertThat(second.out()).doesNotContain("applied migration").contains("schema is at version " + latest);
    }

    @Test
    void backsUpAndRestoresThroughTheCommandLine() {
        run("Velero-Quinta-Ambar-2931\n", Optional.empty(), Map.of(), "users", "add", "--data-dir", data(), "--username", "admin",
                "--role", "admin", "--password-stdin");
        String backup = dir.resolve("backup.db").toString();
        Run b = run("db", "backup", "--data-dir", data(), backup);
        assertThat(b.exit()).isZero();
        assertThat(b.out()).contains("backup written to");
        run("users", "disable", "--data-dir", data(), "--username", "admin");
        Run r = run("db", "restore", "--data-dir", data(), backup);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("restored 0 patients").contains("kept at");
        assertThat(run("users", "list", "--data-dir", data()).out()).contains("active").doesNotContain("disabled");
        assertThat(run("audit", "verify", "--data-dir", data()).exit()).isZero();
        Run bad = run("db", "restore", "--data-dir", data(), dir.resolve("nothing.db").toString());
        assertThat(bad.exit()).isNotZero();
    }

    @Test
    void refusesABackupOverAnExistingFileAndARestoreOfAForeignFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("existing.db"), "keep");
        Run backup = run("db", "backup", "--data-dir", data(), existing.toString());
        assertThat(backup.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(backup.err()).contains("already exists");
        Run restore = run("db", "restore", "--data-dir", data(), existing.toString());
        assertThat(restore.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(restore.err()).contains("not a usable MediAssist database");
        assertThat(Files.readString(existing)).isEqualTo("keep");
    }

    @Test
    void auditVerifyExitsOneAndNamesTheRowOnATamperedDatabase() throws Exception {
        for (String name : List.of("a1", "a2", "a3")) {
            run("tokens", "create", "--data-dir", data(), "--name", name);
        }
        Run ok = run("audit", "verify", "--data-dir", data());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("PASS").contains("3 rows");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/mediassist.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET actor = 'someone-else' WHERE id = 2");
        }
        Run broken = run("audit", "verify", "--data-dir", data());
        assertThat(broken.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(broken.out()).startsWith("FAIL audit chain broken at row 2");
    }

    @Test
    void checkPrintsPassLinesAndExitsZeroOnAGoodMachine() throws Exception {
        int freePort = freePort();
        Run check = run("check", "--data-dir", data(), "--port", String.valueOf(freePort), "--min-disk-mb", "1",
                "--min-memory-mb", "1");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("PASS java:", "PASS data directory:", "PASS disk:", "PASS memory:",
                "PASS port: " + freePort + " is free", "PASS database: none yet", "PASS file modes:", "PASS certificate: no TLS certificate configured", "PASS bundle ddxplus-diagnosis: none on disk yet",
                "PASS bundle mediassist-knowledge ", "all 10 checks passed");
        assertThat(check.out()).doesNotContain("FAIL");
    }

    @Test
    void checkFailsWhenThePortIsTakenOrTheDiskTooSmall() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Run check = run("check", "--data-dir", data(), "--port", String.valueOf(taken.getLocalPort()),
                    "--min-disk-mb", String.valueOf(Long.MAX_VALUE / (1024 * 1024)), "--min-memory-mb", "1");
            assertThat(check.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
            assertThat(check.out()).contains("FAIL port: " + taken.getLocalPort(), "FAIL disk:", "PASS memory:",
                    "2 of 10 checks failed");
        }
    }

    @Test
    void checkReportsWorldReadablePatientData() throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            db.patients().count();
        }
        Path file = dir.resolve("data").resolve(Database.FILE_NAME);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Run check = run("check", "--data-dir", data(), "--port", String.valueOf(freePort()), "--min-disk-mb", "1",
                "--min-memory-mb", "1");
        assertThat(check.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(check.out()).contains("FAIL file modes: " + file + " is rw-r--r--, should be rw-------");
    }

    @Test
    void checkFailsOnADataDirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Run check = run("check", "--data-dir", file.toString(), "--port", String.valueOf(freePort()), "--min-disk-mb", "1",
                "--min-memory-mb", "1");
        assertThat(check.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(check.out()).contains("FAIL data directory:");
    }

    @Test
    void checkRefusesAnImpossiblePort() {
        assertThat(run("check", "--data-dir", data(), "--port", "70000").exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void helpListsEveryCommand() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("users", "tokens", "db", "audit", "check");
    }
}

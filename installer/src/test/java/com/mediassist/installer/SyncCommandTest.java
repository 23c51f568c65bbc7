package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Sex;
import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.sync.upload.FleetReceiver;
import com.mediassist.sync.upload.TestKnowledge;
import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.event.EventCodec;
import com.mediassist.sync.upload.event.EventFactory;
import com.mediassist.sync.upload.event.QueuedEvent;
import com.mediassist.sync.upload.json.CanonicalJson;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SyncCommandTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Run run(String... args) {
        CommandLine cli = MediAssistCli.commandLine(new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
                Optional.empty(), clock, 4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void fiveConsultations() {
        EventFactory factory = new EventFactory(Optional.of(TestKnowledge.knowledge()), ZoneOffset.UTC);
        try (Database db = Database.open(DatabaseOptions.defaults(dir.resolve("data")).withClock(clock).withPasswordCost(4))) {
            for (int i = 0; i < 5; i++) {
                QueuedEvent q = factory.signedOff(new EventFactory.SignOffFacts(Optional.of(LocalDate.of(1960, 1, 1)),
                        Optional.of(Sex.MALE), clock.instant(), List.of("E_201"), List.of(), Optional.of("bronchitis"),
                        Optional.empty(), List.of()));
                db.outbox().enqueue(q.event().type(), EventCodec.write(q), Duration.ofHours(72));
            }
        }
    }

    @Test
    void initCreatesAnOwnerOnlyKeyAndPrintsThePublicKeyLastAndKeepsItOnASecondInit() throws Exception {
        Run init = run("sync", "init", "--data-dir", data(), "--vendor-url", "https://fleet.example.com");
        assertThat(init.exit()).isZero();
        String key = init.lastLine();
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(Files.getPosixFilePermissions(ClinicKey.privateFile(dir.resolve("data"))))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Run again = run("sync", "init", "--data-dir", data(), "--vendor-url", "https://fleet.example.com");
        assertThat(again.lastLine()).isEqualTo(key);
        assertThat(run("sync", "init", "--data-dir", data(), "--vendor-url", "http://fleet.example.com").exit())
                .isEqualTo(MediAssistCli.EXIT_USAGE);
    }

    @Test
    void previewPrintsTheNextPayloadAndRunOnceSendsItThenStatusShowsIt() throws Exception {
        try (FleetReceiver vendor = new FleetReceiver()) {
            Run init = run("sync", "init", "--data-dir", data(), "--vendor-url", vendor.url().toString());
            vendor.register(init.lastLine());
            fiveConsultations();
            assertThat(run("sync", "preview", "--data-dir", data()).out()).as("inside the 72 h delay").isEmpty();
            Run preview = run("sync", "preview", "--data-dir", data(), "--delay", "PT0S");
            Map<String, Object> payload = CanonicalJson.readObject(preview.out().strip());
            assertThat((List<?>) payload.get("events")).hasSize(5);
            assertThat(preview.out()).contains("\"finalDiagnosis\":\"bronchitis\"").doesNotContain("signature");
            assertThat(run("sync", "preview", "--data-dir", data(), "--delay", "PT0S", "--k", "6").out())
                    .as("held for k").isEmpty();

            vendor.mode(FleetReceiver.Mode.FAIL_5XX);
            Run failed = run("sync", "run-once", "--data-dir", data(), "--delay", "PT0S");
            assertThat(failed.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
            assertThat(failed.err()).contains("HTTP 503");
            assertThat(run("sync", "status", "--data-dir", data()).out()).contains("\"inFlight\":5").contains("\"lastError\":\"HTTP 503");

            vendor.mode(FleetReceiver.Mode.OK);
            Run ok = run("sync", "run-once", "--data-dir", data(), "--delay", "PT0S");
            assertThat(ok.exit()).isZero();
            assertThat(vendor.events()).hasSize(5);
            Map<String, Object> status = CanonicalJson.readObject(run("sync", "status", "--data-dir", data()).out());
            assertThat(status).containsEntry("sent", 5L).containsEntry("inFlight", 0L).doesNotContainKey("lastError");
            assertThat(run("sync", "run-once", "--data-dir", data(), "--delay", "PT0S").exit()).as("nothing eligible").isZero();
        }
    }

    @Test
    void refusesABadDuration() {
        Run r = run("sync", "preview", "--data-dir", data(), "--delay", "72h");
        assertThat(r.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(r.err()).contains("ISO-8601");
    }
}

package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.bundle.KnowledgeManifest;
import com.mediassist.sync.ota.KnowledgeFixtures;
import com.mediassist.sync.tuf.TestRepository;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bundles …} against a repository snapshot the test signs itself. */
class BundlesCommandTest {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        CommandLine cli = MediAssistCli.commandLine(new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
                Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC), 4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void importRefusesASnapshotBeforeATrustedRootIsInstalled() throws Exception {
        TestRepository repo = new TestRepository(dir.resolve("usb"), NOW, 1L);
        repo.publish();
        Run r = run("bundles", "import", "--data-dir", data(), repo.dir.toString());
        assertThat(r.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(r.err()).contains("no trusted TUF root");
    }

    @Test
    void importRefusesAnExpiredSnapshotAndKeepsTheShippedBundle() throws Exception {
        TestRepository repo = new TestRepository(dir.resolve("usb"), NOW, 2L);
        repo.publish();
        assertThat(run("bundles", "trust", "--data-dir", data(), repo.metadata.resolve("1.root.json").toString()).exit()).isZero();
        repo.expiries.put("timestamp", NOW.minusSeconds(1));
        repo.bumpAndPublish();
        Run r = run("bundles", "import", "--data-dir", data(), repo.dir.toString());
        assertThat(r.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(r.err()).contains("timestamp metadata expired");
        Run list = run("bundles", "list", "--data-dir", data());
        assertThat(list.out()).contains("active:   shipped").contains("refused");
    }

    @Test
    void importOfASnapshotWithNothingNewerLeavesTheShippedBundleActive() throws Exception {
        TestRepository repo = new TestRepository(dir.resolve("usb"), NOW, 3L);
        repo.publish();
        run("bundles", "trust", "--data-dir", data(), repo.metadata.resolve("1.root.json").toString());
        Run r = run("bundles", "import", "--data-dir", data(), repo.dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("nothing newer");
    }

    @Test
    void rollbackAndActivateNameWhatIsMissing() {
        Run back = run("bundles", "rollback", "--data-dir", data());
        assertThat(back.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(back.err()).contains("no previous bundle");
        Run activate = run("bundles", "activate", "--data-dir", data(), "9.9.9");
        assertThat(activate.exit()).isEqualTo(MediAssistCli.EXIT_USAGE);
        assertThat(activate.err()).contains("9.9.9 is not kept");
    }

    @Test
    void checkWithoutARepositoryAsksForOne() {
        Run r = run("bundles", "check", "--data-dir", data());
        assertThat(r.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(r.err()).contains("no update repository is configured");
    }

    @Test
    void checkNamesEachBundleWithItsSourceAndSignatureAndFailsOnATamperedFileOrForgedMetadata() throws Exception {
        TestRepository repo = new TestRepository(dir.resolve("usb"), NOW, 5L);
        repo.publish();
        run("bundles", "trust", "--data-dir", data(), repo.metadata.resolve("1.root.json").toString());
        KnowledgeFixtures.publish(repo, "2099.4.1", KnowledgeFixtures.pack(dir.resolve("work"), "2099.4.1", d -> { }),
                KnowledgeManifest.FORMAT);
        Run imported = run("bundles", "import", "--data-dir", data(), repo.dir.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        String[] check = {"check", "--data-dir", data(), "--min-disk-mb", "1", "--min-memory-mb", "1",
                "--bundles-dir", dir.resolve("no-package").toString(), "--config-dir", dir.resolve("no-etc").toString()};

        Run ok = run(check);
        assertThat(ok.out()).contains("PASS bundle mediassist-knowledge 2099.4.1: over the air (import usb "
                        + "bundles/mediassist-knowledge-2099.4.1.zip), active; signature verified: targets metadata v2 signed by "
                        + "1 of the 1 required targets key(s) of root v1 (the trusted root)")
                .contains("installed files are the signed target's (bundles/mediassist-knowledge-2099.4.1.zip")
                .contains("PASS bundle mediassist-knowledge " + KnowledgeManifest.shipped().bundleVersion()
                        + ": shipped with the software package")
                .contains("not signed by the update repository")
                .doesNotContain("FAIL bundle");

        Path kept = dir.resolve("data/ota/knowledge/bundles/mediassist-knowledge-2099.4.1");
        Path conditions = kept.resolve("conditions.json");
        String original = Files.readString(conditions);
        Files.writeString(conditions, original.replaceFirst("\\{", "{ "));
        Run tampered = run(check);
        assertThat(tampered.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(tampered.out()).contains("FAIL bundle mediassist-knowledge 2099.4.1: over the air, active: bundle "
                + "mediassist-knowledge-2099.4.1 does not verify: " + conditions + ": differs from the signed bundle");
        Files.writeString(conditions, original);
        assertThat(run(check).out()).doesNotContain("FAIL bundle");

        Path targets = kept.resolve(".tuf/targets.json");
        ObjectNode md = (ObjectNode) TestRepository.JSON.readTree(targets.toFile());
        md.with("signed").put("expires", "2099-01-01T00:00:00Z");
        Files.write(targets, TestRepository.JSON.writeValueAsBytes(md));
        Run forged = run(check);
        assertThat(forged.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(forged.out()).contains("FAIL bundle mediassist-knowledge 2099.4.1: over the air, active: bundle "
                + "mediassist-knowledge-2099.4.1 does not verify: " + targets + ": its signatures do not verify against "
                + "root v", "targets needs 1 valid signature(s) from its keys, found 0", "bundles rollback --knowledge");
    }
}

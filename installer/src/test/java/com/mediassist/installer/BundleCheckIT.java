package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.sync.ota.DiagnosisFixtures;
import com.mediassist.sync.tuf.TestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mediassist check} of the packaged installer on a box with the real diagnosis bundle shipped and a newer
 * one imported from a repository the test signs: one line per bundle with its version, source and signature
 * status; a byte changed in the imported model fails the check naming the file.
 */
class BundleCheckIT {

    static final String NEW = "2.9.7";

    @TempDir
    Path tmp;

    record Run(int exit, String out) {
    }

    Run mediassist(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("installer.jar")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void checkNamesTheShippedAndTheImportedDiagnosisBundleAndFailsOnAChangedModel() throws Exception {
        Path shipped = Path.of(System.getProperty("diagnosis.bundle"));
        Path pkg = Files.createDirectories(tmp.resolve("package/default"));
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.toList()) {
                Files.copy(f, pkg.resolve(f.getFileName()));
            }
        }
        TestRepository repo = new TestRepository(tmp.resolve("usb"), Instant.now(), 12L);
        repo.publish();
        DiagnosisFixtures.publish(repo, NEW, DiagnosisFixtures.variant(shipped, tmp.resolve("new"), NEW, d -> { }));
        String data = tmp.resolve("data").toString();
        assertThat(mediassist("bundles", "trust", "--data-dir", data, repo.metadata.resolve("1.root.json").toString()).exit())
                .isZero();
        Run imported = mediassist("bundles", "import", "--data-dir", data, repo.dir.toString());
        assertThat(imported.exit()).as(imported.out()).isZero();

        String[] check = {"check", "--data-dir", data, "--min-disk-mb", "1", "--min-memory-mb", "1",
                "--bundles-dir", tmp.resolve("package").toString(), "--config-dir", tmp.resolve("no-etc").toString()};
        Run ok = mediassist(check);
        assertThat(ok.out()).contains("PASS bundle ddxplus-diagnosis " + NEW + ": over the air (import usb bundles/"
                        + DiagnosisFixtures.ID + "-" + NEW + ".zip), active; signature verified: targets metadata v2 signed by 1 "
                        + "of the 1 required targets key(s) of root v1 (the trusted root)")
                .containsPattern("PASS bundle ddxplus-diagnosis [^:]+: shipped with the software package \\(" + java.util.regex.Pattern.quote(pkg.toString())
                        + "\\); 4 files match its manifest's SHA-256; not signed by the update repository")
                .containsPattern("PASS bundle mediassist-knowledge [^:]+: shipped with the software package \\(knowledge/ inside "
                        + "[^)]*/lib/inference-core-[^)]*\\.jar\\)")
                .doesNotContain("FAIL bundle");

        Path model = tmp.resolve("data/ota/bundles/" + DiagnosisFixtures.ID + "-" + NEW + "/model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        Run tampered = mediassist(check);
        assertThat(tampered.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(tampered.out()).contains("FAIL bundle ddxplus-diagnosis " + NEW + ": over the air, active: bundle "
                + DiagnosisFixtures.ID + "-" + NEW + " does not verify: " + model + ": differs from the signed bundle",
                "mediassist bundles rollback goes back to the previous bundle");
    }
}

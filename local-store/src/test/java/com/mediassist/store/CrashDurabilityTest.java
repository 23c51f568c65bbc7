package com.mediassist.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CrashDurabilityTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void keepsEveryAcknowledgedWriteWhenTheWriterIsKilledMidStream() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dslf4j.internal.verbosity=ERROR", CrashWriter.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < 60) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            // SIGKILL while the writer is in the middle of further transactions.
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(60);
        try (Database db = Database.open(dir)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            for (String number : acknowledged) {
                assertThat(db.patients().findByNumber(number)).as("acknowledged patient %s", number).isPresent();
            }
            // Every committed patient came with its audit row, and the chain survived the kill.
            assertThat(db.audit().verify().rows()).isEqualTo(db.patients().count());
        }
    }
}

package com.mediassist.appliance.security.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.appliance.status.ModuleHealth;
import com.mediassist.appliance.status.ModuleHealth.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page's certificate row, against certificates made by keytool as the Debian package makes them. */
class TlsCertificateProbeTest {

    @TempDir
    Path dir;

    private Path keyStore(int validityDays) throws Exception {
        Path store = dir.resolve("box-" + validityDays + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "mediassist", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", String.valueOf(validityDays), "-dname", "CN=box.clinic.test", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "store-secret").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return store;
    }

    private static ModuleHealth probe(Path store, String password, Clock clock) {
        return new TlsCertificateProbe(Optional.empty(), Optional.of(store), Optional.of(password), clock).probe();
    }

    @Test
    void showsTheExpiryOfTheServedCertificate() throws Exception {
        ModuleHealth h = probe(keyStore(825), "store-secret", Clock.systemUTC());
        assertThat(h.state()).isEqualTo(State.UP);
        assertThat(h.detail()).contains("CN=box.clinic.test", "valid until", "days left");
    }

    @Test
    void isDegradedWithinThirtyDaysAndDownOnceExpired() throws Exception {
        Path store = keyStore(20);
        assertThat(probe(store, "store-secret", Clock.systemUTC()).state()).isEqualTo(State.DEGRADED);
        ModuleHealth expired = probe(store, "store-secret", Clock.offset(Clock.systemUTC(), Duration.ofDays(21)));
        assertThat(expired.state()).isEqualTo(State.DOWN);
        assertThat(expired.detail()).startsWith("EXPIRED");
    }

    @Test
    void anUnreadableKeyStoreIsDownAndItsPasswordNeverShown() throws Exception {
        ModuleHealth h = probe(keyStore(825), "wrong-secret", Clock.systemUTC());
        assertThat(h.state()).isEqualTo(State.DOWN);
        assertThat(h.detail()).startsWith("cannot read").doesNotContain("wrong-secret");
    }

    @Test
    void readsTheClinicsOwnPemCertificate() throws Exception {
        Path store = keyStore(400);
        Path pem = dir.resolve("clinic.crt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-exportcert", "-rfc", "-alias", "mediassist", "-keystore", store.toString(), "-storepass", "store-secret",
                "-file", pem.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        ModuleHealth h = new TlsCertificateProbe(Optional.of(List.of(pem)), Optional.empty(), Optional.empty(),
                Clock.systemUTC()).probe();
        assertThat(h.state()).isEqualTo(State.UP);
        assertThat(h.detail()).contains("from " + pem);
    }

    @Test
    void plainHttpIsUnknownNotDown() {
        ModuleHealth h = new TlsCertificateProbe(Optional.empty(), Optional.empty(), Optional.empty(), Clock.systemUTC())
                .probe();
        assertThat(h.state()).isEqualTo(State.UNKNOWN);
        assertThat(h.detail()).contains("plain HTTP");
    }
}

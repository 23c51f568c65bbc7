package com.mediassist.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.store.Database;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands an installed box relies on: {@code status} (against a real HTTPS server holding a
 * certificate made by keytool, as the package makes it), the installation checks of {@code check}
 * (certificate expiry, clock, bundle hashes, configuration modes) and {@code db version}.
 */
class InstallationCommandsTest {

    private static final String STORE_PASSWORD = "test-store-password";

    @TempDir
    Path dir;

    private Clock clock = Clock.systemUTC();

    record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        InputStream in = new ByteArrayInputStream(new byte[0]);
        CommandLine cli = MediAssistCli.commandLine(new CliContext(env, in, Optional.empty(), clock, 4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** A PKCS#12 key store with a self-signed EC certificate, made with the JDK's keytool like the postinst does. */
    private Path keyStore(String name, int validityDays) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "mediassist", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", String.valueOf(validityDays), "-dname", "CN=box.clinic.test", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1,dns:box.clinic.test", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return store;
    }

    private Map<String, String> tlsEnv(Path store, int port) {
        Map<String, String> env = new HashMap<>();
        env.put(CliContext.DATA_DIR_ENV, dir.resolve("data").toString());
        env.put(ServerCertificate.KEY_STORE, store.toString());
        env.put(ServerCertificate.KEY_STORE_PASSWORD, STORE_PASSWORD);
        env.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(port));
        return env;
    }

    private static HttpsServer httpsServer(Path store, int readyStatus) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readyStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void statusReportsReadyOverHttpsTrustingOnlyTheBoxCertificate() throws Exception {
        Path store = keyStore("box", 825);
        HttpsServer server = httpsServer(store, 200);
        try {
            Run status = run(tlsEnv(store, server.getAddress().getPort()), "status");
            assertThat(status.exit()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("appliance:   READY https://127.0.0.1:" + server.getAddress().getPort(),
                    "certificate: CN=box.clinic.test", "dns:box.clinic.test", "database:    none yet", "last backup: none");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void statusFailsWhenTheApplianceIsNotReadyOrNotAnswering() throws Exception {
        Path store = keyStore("box", 825);
        HttpsServer server = httpsServer(store, 503);
        int port = server.getAddress().getPort();
        try {
            Run notReady = run(tlsEnv(store, port), "status");
            assertThat(notReady.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
            assertThat(notReady.out()).contains("NOT READY (HTTP 503)");
        } finally {
            server.stop(0);
        }
        Run down = run(tlsEnv(store, port), "status", "--wait", "1");
        assertThat(down.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(down.out()).contains("NOT ANSWERING at https://127.0.0.1:" + port);
    }

    @Test
    void statusRefusesAnotherServersCertificate() throws Exception {
        Path served = keyStore("other", 825);
        Path expected = keyStore("box", 825);
        HttpsServer server = httpsServer(served, 200);
        try {
            Run status = run(tlsEnv(expected, server.getAddress().getPort()), "status");
            assertThat(status.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
            assertThat(status.out()).contains("NOT ANSWERING");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void checkShowsTheCertificateExpiryAndFailsWithinThirtyDaysOfIt() throws Exception {
        ApplianceEndpoint fresh = ApplianceEndpoint.of(tlsEnv(keyStore("fresh", 825), 8443));
        CheckCommand.Result ok = InstallationChecks.certificate(fresh, clock);
        assertThat(ok.pass()).isTrue();
        assertThat(ok.detail()).contains("days left", "ip:127.0.0.1", "dns:box.clinic.test");

        ApplianceEndpoint ending = ApplianceEndpoint.of(tlsEnv(keyStore("ending", 10), 8443));
        CheckCommand.Result soon = InstallationChecks.certificate(ending, clock);
        assertThat(soon.pass()).isFalse();
        assertThat(soon.detail()).startsWith("expires within 30 days");

        clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(900));
        CheckCommand.Result expired = InstallationChecks.certificate(fresh, clock);
        assertThat(expired.pass()).isFalse();
        assertThat(expired.detail()).startsWith("EXPIRED");
    }

    @Test
    void aWrongKeyStorePasswordIsNamedNotGuessed() throws Exception {
        Map<String, String> env = tlsEnv(keyStore("box", 825), 8443);
        env.put(ServerCertificate.KEY_STORE_PASSWORD, "wrong");
        Run check = run(env, "check", "--min-disk-mb", "1", "--min-memory-mb", "1");
        assertThat(check.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(check.out()).contains("FAIL certificate: cannot read the TLS key store",
                ServerCertificate.KEY_STORE_PASSWORD, "PASS memory:").doesNotContain("wrong");
        Run status = run(env, "status");
        assertThat(status.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(status.err()).contains("cannot read the TLS key store").doesNotContain("wrong");
    }

    @Test
    void theClockFailsWhenItIsBehindTheNewestAuditEntry() {
        Instant now = Instant.parse("2026-03-01T09:00:00Z");
        Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
        assertThat(InstallationChecks.clock(fixed, now.minusSeconds(60).toString()).pass()).isTrue();
        CheckCommand.Result behind = InstallationChecks.clock(fixed, now.plus(Duration.ofHours(2)).toString());
        assertThat(behind.pass()).isFalse();
        assertThat(behind.detail()).contains("was set back");
    }

    @Test
    void checkVerifiesTheAuditChainAndClockOfAnExistingDatabase() {
        try (Database db = Database.open(dir.resolve("data"))) {
            db.audit().append("test", "test.event", null, "detail");
        }
        Run check = run(Map.of(CliContext.DATA_DIR_ENV, dir.resolve("data").toString()), "check", "--port", "65000",
                "--min-disk-mb", "1", "--min-memory-mb", "1");
        assertThat(check.out()).contains("PASS audit chain: intact: 1 rows", "PASS clock:");
    }

    @Test
    void aBundleFileThatDiffersFromItsManifestFailsTheCheck() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundles/default"));
        byte[] model = "model bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(bundle.resolve("model.onnx"), model);
        String sha = com.mediassist.core.bundle.BundleLoader.sha256(bundle.resolve("model.onnx"));
        Files.writeString(bundle.resolve("manifest.json"), "{\"format\":\"mediassist-bundle/1\",\"id\":\"b\","
                + "\"version\":\"1.0.0\",\"model\":{\"file\":\"model.onnx\",\"input\":\"features\","
                + "\"output\":\"probabilities\",\"features\":[\"a\"],\"labels\":[\"b\"],\"temperature\":1.0,"
                + "\"encoding\":\"ternary-v2\"},\"files\":[{\"path\":\"model.onnx\",\"size\":" + model.length
                + ",\"sha256\":\"" + sha + "\"}]}");
        CheckCommand.Result good = BundleChecks.shippedDiagnosis(List.of(dir.resolve("bundles"))).get(0);
        assertThat(good.pass()).as(good.detail()).isTrue();
        assertThat(good.name()).isEqualTo("bundle b 1.0.0");
        assertThat(good.detail()).contains("shipped with the software package", "not signed by the update repository");
        Files.writeString(bundle.resolve("model.onnx"), "model bytez");
        CheckCommand.Result bad = BundleChecks.shippedDiagnosis(List.of(dir.resolve("bundles"))).get(0);
        assertThat(bad.pass()).isFalse();
        assertThat(bad.detail()).contains("model.onnx");
    }

    @Test
    void aConfigurationFileReadableByOthersFailsTheCheck() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwxr-x---"));
        Path env = Files.writeString(etc.resolve("mediassist.env"), "X=1\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
        Path cert = Files.writeString(etc.resolve("mediassist.crt"), "public\n");
        Files.setPosixFilePermissions(cert, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(InstallationChecks.configModes(etc).pass()).isTrue();
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        CheckCommand.Result loose = InstallationChecks.configModes(etc);
        assertThat(loose.pass()).isFalse();
        assertThat(loose.detail()).contains(env + " is rw-r--r--");
    }

    @Test
    void dbVersionPrintsTheSchemaVersionAlsoOfANewerDatabase() throws Exception {
        Path data = dir.resolve("data");
        int current;
        try (Database db = Database.open(data)) {
            current = db.schemaVersion();
        }
        Run version = run(Map.of(), "db", "version", "--data-dir", data.toString());
        assertThat(version.exit()).isZero();
        assertThat(version.out()).isEqualTo(current + System.lineSeparator());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description, checksum, applied_at) "
                    + "VALUES (999, 'newer', 'x', '2030-01-01T00:00:00Z')");
        }
        assertThat(run(Map.of(), "db", "version", "--data-dir", data.toString()).out().strip()).isEqualTo("999");
        Run none = run(Map.of(), "db", "version", "--data-dir", dir.resolve("empty").toString());
        assertThat(none.exit()).isEqualTo(MediAssistCli.EXIT_FAILED);
        assertThat(none.err()).contains("no database at");
    }
}

package com.mediassist.appliance.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged appliance ({@code target/quarkus-app/quarkus-run.jar}) started as a child process on
 * a free port of 127.0.0.1 with a fresh data directory and a known first-admin password.
 */
final class ApplianceProcess implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Gaviota-Lienzo-Cobre-7714";

    private final Process process;
    private final int port;
    private final Path log;

    private ApplianceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the appliance with extra environment variables and waits until it is ready. */
    static ApplianceProcess start(String name, Map<String, String> extraEnv) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Packaged appliance not found at " + jar.toAbsolutePath()
                    + "; run the Maven package phase first");
        }
        Path dataDir = Files.createTempDirectory("mediassist-e2e-" + name);
        Path logDir = Files.createDirectories(Path.of("target", "e2e-logs"));
        Path log = logDir.resolve(name + ".log");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MEDIASSIST_DATA_DIR", dataDir.toString());
        env.put("MEDIASSIST_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("ORT_DISABLE_TELEMETRY", "1");
        env.put("QUARKUS_ANALYTICS_DISABLED", "true");
        env.putAll(new HashMap<>(extraEnv));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        ApplianceProcess app = new ApplianceProcess(pb.start(), port, log);
        try {
            app.awaitReady(Duration.ofSeconds(90));
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return app;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The appliance exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The appliance was not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package com.mediassist.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged appliance ({@code appliance/target/quarkus-app/quarkus-run.jar}, path in the system
 * property {@code appliance.jar}) as a child process on a free 127.0.0.1 port, with its own data
 * directory and extra {@code -D} settings; console to a log file; stopped with SIGTERM on close.
 */
final class ApplianceJar implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private ApplianceJar(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("appliance.jar", "../appliance/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package the appliance first "
                    + "(mvn -B -o -pl appliance -am package -DskipTests)");
        }
        return jar;
    }

    /** Starts the jar and waits until {@code /q/health/ready} answers 200. */
    static ApplianceJar start(Path dataDir, Path log, List<String> settings, Duration timeout) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-Dquarkus.analytics.disabled=true",
                "-Dmediassist.data-dir=" + dataDir.toAbsolutePath()));
        settings.forEach(s -> cmd.add("-D" + s));
        cmd.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        pb.environment().put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "system-tests-session-key-0123456789abcdef");
        ApplianceJar a = new ApplianceJar(pb.start(), URI.create("http://127.0.0.1:" + port), log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!a.process.isAlive()) {
                throw new IllegalStateException("the appliance exited with " + a.process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(a.uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return a;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(200);
        }
        a.close();
        throw new IllegalStateException("the appliance was not ready within " + timeout + "; see " + log);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

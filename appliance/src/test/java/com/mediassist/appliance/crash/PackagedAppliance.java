package com.mediassist.appliance.crash;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.Map;

/**
 * The packaged appliance ({@code target/quarkus-app/quarkus-run.jar}) run as a child process on a
 * free loopback port with its own data directory; its console goes to a log file.
 */
public final class PackagedAppliance implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedAppliance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar and waits (at most {@code timeout}) until {@code /q/health/ready} answers 200. */
    static PackagedAppliance start(Path dataDir, Path log, Duration timeout) throws IOException, InterruptedException {
        // As bin/run did: a session key of the installation, the same across restarts.
        return start(dataDir, log, timeout, Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY",
                "crash-it-session-key-" + dataDir.getFileName() + "-0123456789"));
    }

    /**
     * Starts the jar as a service would ({@code java -jar}, no {@code bin/run}) with only
     * {@code env} added to the environment, and waits until it is ready.
     */
    public static PackagedAppliance start(Path dataDir, Path log, Duration timeout, Map<String, String> env)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the package phase first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dmediassist.data-dir=" + dataDir.toAbsolutePath());
        command.add("-Dquarkus.analytics.disabled=true");
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        builder.environment().remove("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        builder.environment().putAll(env);
        PackagedAppliance appliance = new PackagedAppliance(builder.start(), port, log);
        appliance.awaitReady(timeout);
        return appliance;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The appliance exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The appliance was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the process gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

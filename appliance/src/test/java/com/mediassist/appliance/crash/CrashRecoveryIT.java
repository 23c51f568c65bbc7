package com.mediassist.appliance.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.store.Database;
import com.mediassist.store.DatabaseOptions;
import com.mediassist.store.users.Role;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged appliance with SIGKILL in the middle of a stream of patient writes, restarts
 * it on the same data directory, and checks that every write it acknowledged (201) is there and
 * that SQLite's integrity check and the audit chain hold.
 */
class CrashRecoveryIT {

    private static final int WRITERS = 3;
    private static final int ACKS_BEFORE_KILL = 120;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNine() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "crash-it"));
        Path dataDir = Files.createTempDirectory(work, "data-");
        String token;
        try (Database database = Database.open(DatabaseOptions.defaults(dataDir).withPasswordCost(4))) {
            database.users().add("admin", Role.ADMIN, "crash-test-admin-password".toCharArray());
            token = database.tokens().create("crash-it", Role.DOCTOR).secret();
        }

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        PackagedAppliance first = PackagedAppliance.start(dataDir, work.resolve("first-run.log"), START_TIMEOUT);
        CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    while (!stop.get()) {
                        String number = "crash-" + sequence.incrementAndGet();
                        String body = "{\"patientNumber\":\"" + number + "\",\"givenName\":\"Paciente\","
                                + "\"familyName\":\"Choque " + number + "\",\"birthDate\":\"1950-01-01\",\"sex\":\"other\"}";
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(first.uri("/api/v1/patients"))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.add(number);
                                enoughAcks.countDown();
                            } else {
                                throw new IllegalStateException("Unexpected " + response.statusCode() + ": " + response.body());
                            }
                        } catch (java.io.IOException connectionLost) {
                            // The process was killed: this write was never acknowledged.
                            if (!first.process().isAlive()) {
                                return null;
                            }
                        }
                    }
                    return null;
                });
            }
            assertThat(enoughAcks.await(3, TimeUnit.MINUTES)).as("acknowledged writes before the kill").isTrue();
            first.kill();
        } finally {
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            first.close();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (PackagedAppliance second = PackagedAppliance.start(dataDir, work.resolve("second-run.log"), START_TIMEOUT)) {
            HttpResponse<String> search = client.send(HttpRequest.newBuilder(second.uri("/api/v1/patients?q=crash-1&size=1"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(search.statusCode()).isEqualTo(200);
        }
        try (Database database = Database.open(DatabaseOptions.defaults(dataDir).withPasswordCost(4))) {
            assertThat(database.integrityCheck()).isEqualTo("ok");
            List<String> missing = acknowledged.stream()
                    .filter(number -> database.patients().findByNumber(number).isEmpty()).sorted().toList();
            assertThat(missing).as("acknowledged but lost").isEmpty();
            database.audit().verify();
        }
    }
}

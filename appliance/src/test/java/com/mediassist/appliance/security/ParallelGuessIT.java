package com.mediassist.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.appliance.crash.PackagedAppliance;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Password guesses sent all at once to the packaged jar (started with {@code java -jar}): however
 * many arrive together, no more than the per-user (5) and per-address (20) limits have their
 * password checked; the rest get 429 without a check.
 */
class ParallelGuessIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void simultaneousGuessesAreCheckedNoMoreThanTheLimits() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "security-it"));
        Path dataDir = Files.createTempDirectory(work, "guess-");
        try (PackagedAppliance app = PackagedAppliance.start(dataDir, work.resolve(dataDir.getFileName() + ".log"),
                SessionKeyIT.START, Map.of("MEDIASSIST_ADMIN_PASSWORD", SessionKeyIT.ADMIN_PASSWORD))) {
            String csrf = csrfCookie(app);

            List<String> passwords = new ArrayList<>();
            for (int i = 0; i < 59; i++) {
                passwords.add("wrong-guess-" + i);
            }
            passwords.add(SessionKeyIT.ADMIN_PASSWORD);
            List<String> oneUser = all(app, csrf, passwords.stream().map(p -> new String[] {"admin", p}).toList());
            long checkedForUser = oneUser.stream().filter(s -> !s.equals("429")).count();
            assertThat(checkedForUser).as("guesses at 'admin' whose password was checked, of %s", oneUser)
                    .isBetween(1L, 5L);
            long failedForUser = oneUser.stream().filter(s -> s.equals("wrong")).count();

            List<String[]> manyUsers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                manyUsers.add(new String[] {"user" + i, "wrong-guess-" + i});
            }
            List<String> oneAddress = all(app, csrf, manyUsers);
            long checkedForAddress = oneAddress.stream().filter(s -> !s.equals("429")).count();
            // A right password gives its address slot back; every wrong one keeps it.
            assertThat(failedForUser + checkedForAddress).as("wrong guesses from one address checked")
                    .isLessThanOrEqualTo(20);
            assertThat(checkedForAddress).isPositive();
        }
    }

    private String csrfCookie(PackagedAppliance app) throws Exception {
        return SessionKeyIT.cookie(http.send(HttpRequest.newBuilder(app.uri("/login")).build(),
                HttpResponse.BodyHandlers.discarding()), CsrfTokens.COOKIE);
    }

    /**
     * Sends every login at the same moment; each answer is {@code 429}, {@code wrong} (back to the
     * login page with an error) or {@code in}.
     */
    private List<String> all(PackagedAppliance app, String csrf, List<String[]> logins) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(logins.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<String>> sent = new ArrayList<>();
            for (String[] login : logins) {
                sent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        String form = "j_username=" + URLEncoder.encode(login[0], StandardCharsets.UTF_8)
                                + "&j_password=" + URLEncoder.encode(login[1], StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(app.uri("/j_security_check?csrf=" + csrf))
                                .header("Cookie", CsrfTokens.COOKIE + "=" + csrf)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                        go.await();
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 302) {
                            return Integer.toString(r.statusCode());
                        }
                        return r.headers().firstValue("Location").orElse("").contains("error") ? "wrong" : "in";
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            go.countDown();
            List<String> statuses = new ArrayList<>();
            for (CompletableFuture<String> f : sent) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}

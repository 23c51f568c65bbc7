package com.mediassist.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.appliance.crash.PackagedAppliance;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started as a service starts it ({@code java -jar}, no {@code bin/run}, no key in
 * the environment): it makes its own session key in the data directory, never writes it to the log,
 * and a cookie forged with anything the log reveals is refused.
 */
class SessionKeyIT {

    static final Duration START = Duration.ofMinutes(3);
    static final String ADMIN_PASSWORD = "Velero-Quinta-Ambar-2931";

    private final HttpClient http = HttpClient.newBuilder().build();

    @Test
    void makesAPrivateKeyNeverLogsItAndRefusesCookiesForgedFromTheLog() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "security-it"));
        Path dataDir = Files.createTempDirectory(work, "key-");
        Path log = work.resolve(dataDir.getFileName() + ".log");
        try (PackagedAppliance app = PackagedAppliance.start(dataDir, log, START,
                Map.of("MEDIASSIST_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            Path keyFile = dataDir.resolve("session.key");
            assertThat(keyFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            String key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            assertThat(Base64.getDecoder().decode(key)).hasSizeGreaterThanOrEqualTo(32);

            String logText = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(logText).doesNotContain(key).doesNotContainIgnoringCase("temporary key");

            // A real login gives the attacker a live session id of their own to pair a forged cookie with.
            String sid = loginSessionId(app);
            // The forging is right: with the installation's key (which only its owner can read) it passes.
            assertThat(me(app, ForgedSessionCookie.forge(key, "admin", Duration.ofMinutes(10)), sid)).isEqualTo(200);
            // Every key-like word of the log, tried as an attacker would.
            for (String candidate : keyLikeWords(logText)) {
                assertThat(me(app, ForgedSessionCookie.forge(candidate, "admin", Duration.ofMinutes(10)), sid))
                        .as("cookie forged with '%s' from the log", candidate).isEqualTo(401);
            }
            assertThat(me(app, ForgedSessionCookie.forge("a-guessed-key-0123456789abcdef-xyz", "admin",
                    Duration.ofMinutes(10)), sid)).isEqualTo(401);
        }
    }

    @Test
    void refusesToStartWithAKeyFileShorterThan32Bytes() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "security-it"));
        Path dataDir = Files.createTempDirectory(work, "short-key-");
        Files.writeString(dataDir.resolve("session.key"), Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        Path log = work.resolve(dataDir.getFileName() + ".log");
        assertThatThrownBy(() -> PackagedAppliance.start(dataDir, log, START, Map.of()).close())
                .hasMessageContaining("exited");
        assertThat(Files.readString(log)).contains("has 16 bytes; at least 32 are required");
    }

    @Test
    void refusesToStartWithAShortKeyInTheEnvironment() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "security-it"));
        Path dataDir = Files.createTempDirectory(work, "short-env-");
        Path log = work.resolve(dataDir.getFileName() + ".log");
        assertThatThrownBy(() -> PackagedAppliance.start(dataDir, log, START,
                Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "only-twenty-chars-k")).close())
                .hasMessageContaining("exited");
        assertThat(Files.readString(log)).contains("at least 32 are required").doesNotContain("only-twenty-chars-k");
    }

    private int me(PackagedAppliance app, String cookie, String sid) throws Exception {
        return http.send(HttpRequest.newBuilder(app.uri("/api/v1/me"))
                .header("Cookie", "mediassist-session=" + cookie + "; " + SessionCookies.SID_COOKIE + "=" + sid)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Logs in as the admin through the form and returns the session id cookie. */
    private String loginSessionId(PackagedAppliance app) throws Exception {
        String csrf = cookie(http.send(HttpRequest.newBuilder(app.uri("/login")).build(),
                HttpResponse.BodyHandlers.discarding()), CsrfTokens.COOKIE);
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(app.uri("/j_security_check?csrf=" + csrf))
                .header("Cookie", CsrfTokens.COOKIE + "=" + csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=" + ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login, SessionCookies.SID_COOKIE);
    }

    static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(c.indexOf('=') + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    /** Words of 16 or more base64 characters: what a key printed in a log would look like. */
    static Set<String> keyLikeWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[A-Za-z0-9+/=_-]{16,}").matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}

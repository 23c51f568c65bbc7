package com.mediassist.installer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The appliance running on this box, reached over loopback: HTTPS on {@code QUARKUS_HTTP_SSL_PORT}
 * (8443) trusting only the box's own certificate when TLS is configured, else plain HTTP on
 * {@code QUARKUS_HTTP_PORT} (8080), as {@code bin/run} serves it.
 *
 * @param base the scheme, loopback address and port
 * @param certificate the certificate the appliance serves, when it serves HTTPS
 */
record ApplianceEndpoint(URI base, Optional<ServerCertificate> certificate) {

    static ApplianceEndpoint of(Map<String, String> env) {
        Optional<ServerCertificate> cert = ServerCertificate.configured(env);
        if (cert.isPresent()) {
            return new ApplianceEndpoint(URI.create("https://127.0.0.1:" + port(env, "QUARKUS_HTTP_SSL_PORT", 8443)), cert);
        }
        return new ApplianceEndpoint(URI.create("http://127.0.0.1:" + port(env, "QUARKUS_HTTP_PORT", 8080)), cert);
    }

    /** HTTPS on the configured port when the certificate is configured but cannot be read. */
    static ApplianceEndpoint unreadableCertificate(Map<String, String> env) {
        return new ApplianceEndpoint(URI.create("https://127.0.0.1:" + port(env, "QUARKUS_HTTP_SSL_PORT", 8443)),
                Optional.empty());
    }

    int port() {
        return base.getPort();
    }

    /** What {@code /q/health/ready} answered. */
    record Health(int status, String body) {
        boolean up() {
            return status == 200;
        }
    }

    /**
     * @throws IOException when nothing answers (not running, wrong port, TLS refused)
     */
    Health ready() throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        // The certificate is pinned (the only one trusted), so the address need not be among its names:
        // the clinic's own certificate names the box, not 127.0.0.1.
        certificate.ifPresent(c -> {
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            builder.sslContext(c.trustingOnlyThis());
        });
        HttpClient client = builder.build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException("out of range");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new CliFailure(name + " is not a port number: " + value, true);
        }
    }
}

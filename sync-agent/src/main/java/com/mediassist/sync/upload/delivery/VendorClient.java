package com.mediassist.sync.upload.delivery;

import com.mediassist.sync.upload.DeliveryException;
import com.mediassist.sync.upload.VendorUrls;
import com.mediassist.sync.upload.json.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * POSTs envelopes to {@code {vendorUrl}/api/v1/batches}. A 200 whose body names the same content
 * address is acceptance; anything else throws {@link DeliveryException} with what happened in words
 * (status and problem type/detail, or timeout, TLS or connection failure).
 */
public final class VendorClient {

    private static final int MAX_DETAIL = 300;

    private final HttpClient http;
    private final URI batches;
    private final Duration timeout;

    /**
     * @param http      the client (owns its connections; built with a connect timeout by the caller)
     * @param vendorUrl the fleet service's base URL, already checked by {@link VendorUrls#parse}
     * @param timeout   how long to wait for the answer
     */
    public VendorClient(HttpClient http, URI vendorUrl, Duration timeout) {
        this.http = http;
        this.batches = VendorUrls.batches(vendorUrl);
        this.timeout = timeout;
    }

    /** A client with the JDK's default TLS trust and {@code timeout} for connecting and answering. */
    public static VendorClient create(URI vendorUrl, Duration timeout) {
        return new VendorClient(HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build(), vendorUrl, timeout);
    }

    /**
     * Sends one envelope.
     *
     * @return the vendor's {@code status}: {@code stored} or {@code duplicate}
     * @throws DeliveryException on any other answer or no answer
     */
    public String send(String envelopeJson, String contentAddress) {
        HttpRequest request = HttpRequest.newBuilder(batches).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelopeJson, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(0, "timeout: no answer from " + batches + " within " + timeout, e);
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (causedByTls(e) || message.toLowerCase(java.util.Locale.ROOT).contains("ssl")) {
                throw new DeliveryException(0, "TLS failure talking to " + batches + ": " + message, e);
            }
            throw new DeliveryException(0, "connection failed to " + batches + ": " + message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(0, "interrupted while sending to " + batches, e);
        }
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() == 200) {
            Map<String, Object> answer;
            try {
                answer = CanonicalJson.readObject(body);
            } catch (IllegalArgumentException e) {
                throw new DeliveryException(200, "HTTP 200 with a body that is not JSON: " + clip(body), e);
            }
            Object status = answer.get("status");
            if (!contentAddress.equals(answer.get("contentAddress")) || !("stored".equals(status) || "duplicate".equals(status))) {
                throw new DeliveryException(200, "HTTP 200 without acceptance of " + contentAddress + ": " + clip(body), null);
            }
            return (String) status;
        }
        throw new DeliveryException(response.statusCode(), "HTTP " + response.statusCode() + problem(body), null);
    }

    private static String problem(String body) {
        try {
            Map<String, Object> p = CanonicalJson.readObject(body);
            Object type = p.get("type");
            String shortType = type instanceof String t ? t.substring(t.lastIndexOf('/') + 1) : "";
            Object detail = p.getOrDefault("detail", p.getOrDefault("title", ""));
            return (shortType.isEmpty() ? "" : " " + shortType) + (detail instanceof String d && !d.isBlank() ? ": " + clip(d) : "");
        } catch (IllegalArgumentException e) {
            return body.isBlank() ? "" : ": " + clip(body);
        }
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > MAX_DETAIL ? one.substring(0, MAX_DETAIL) + "…" : one;
    }

    /** Whether a TLS failure is anywhere in the cause chain (the JDK client often wraps it twice). */
    private static boolean causedByTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}

package com.mediassist.sync.upload;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mediassist.sync.upload.json.CanonicalJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * A real HTTP fleet service for tests, on 127.0.0.1: it checks each envelope as
 * {@code docs/sync-protocol.md} says (exact keys, RFC 8785 content address, Ed25519 signature by a
 * registered clinic key, event types and values), stores each batch once by content address and
 * keeps every byte received. Its {@link Mode} makes it fail on purpose.
 */
public final class FleetReceiver implements AutoCloseable {

    /** How the receiver answers. */
    public enum Mode {
        /** Verifies and stores. */
        OK,
        /** 503 without looking. */
        FAIL_5XX,
        /** Answers after {@link #slowMillis}. */
        SLOW,
        /** 401 bad-signature without looking (as a vendor with another key on file would answer). */
        REFUSE_SIGNATURE,
        /** Stores the batch, then never answers until closed (the box dies waiting). */
        STORE_THEN_HANG
    }

    private static final Set<String> ENVELOPE = Set.of("schemaVersion", "clinicKey", "contentAddress", "signature", "payload");
    private static final Set<String> PAYLOAD = Set.of("schemaVersion", "batchId", "week", "auditHead", "events");
    private static final Set<String> COMMON = Set.of("eventId", "type", "schemaVersion", "week");
    private static final Set<String> COMMON_V2 = Set.of("eventId", "type", "schemaVersion", "period");
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-W[0-5][0-9]/[0-9]{4}-W[0-5][0-9]");
    private static final Map<String, Set<String>> EVENT_KEYS = Map.of(
            "consultation-signed-off", Set.of("ageBand", "sex", "evidencesPresent", "evidencesDenied", "modelVersion",
                    "suggestions", "finalDiagnosis", "medicationAlerts", "scrubbedNote"),
            "suggestion-feedback", Set.of("kind", "item", "rank", "action", "modelVersion"),
            "medication-alert-outcome", Set.of("ruleId", "severity", "outcome", "overrideCategory"),
            "latency", Set.of("endpoint", "p50Ms", "p95Ms", "count"));
    private static final Pattern WEEK = Pattern.compile("[0-9]{4}-W[0-5][0-9]");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final HttpServer server;
    private final Set<String> clinics = Collections.synchronizedSet(new java.util.HashSet<>());
    private final Map<String, Map<String, Object>> stored = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final CountDownLatch hang = new CountDownLatch(1);
    private volatile Mode mode = Mode.OK;
    private volatile long slowMillis = 6000;

    public FleetReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/batches", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void register(String clinicKeyBase64) {
        clinics.add(clinicKeyBase64);
    }

    public void mode(Mode m) {
        mode = m;
    }

    public void slowMillis(long ms) {
        slowMillis = ms;
    }

    /** Every body received, including refused and repeated ones. */
    public List<byte[]> received() {
        return List.copyOf(received);
    }

    /** Status codes answered, in order. */
    public List<Integer> answers() {
        return List.copyOf(answers);
    }

    /** Stored payloads by content address (each once). */
    public Map<String, Map<String, Object>> stored() {
        synchronized (stored) {
            return new LinkedHashMap<>(stored);
        }
    }

    /** Every event of every stored batch. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> events() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> payload : stored().values()) {
            for (Object e : (List<Object>) payload.get("events")) {
                out.add((Map<String, Object>) e);
            }
        }
        return out;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = readAll(x.getRequestBody());
            received.add(body);
            switch (mode) {
                case FAIL_5XX -> {
                    answer(x, 503, problem("unavailable", "fleet service down for maintenance"));
                    return;
                }
                case REFUSE_SIGNATURE -> {
                    answer(x, 401, problem("bad-signature", "the signature does not verify with the registered key"));
                    return;
                }
                case SLOW -> sleep(slowMillis);
                default -> {
                }
            }
            Map<String, Object> envelope;
            try {
                envelope = JSON.readValue(body, Map.class);
            } catch (IOException e) {
                answer(x, 400, problem("malformed", "not JSON"));
                return;
            }
            String refusal = check(envelope);
            if (refusal != null) {
                int status = refusal.startsWith("bad-signature") ? 401 : refusal.startsWith("unknown-clinic") ? 403 : 400;
                answer(x, status, problem(refusal.substring(0, refusal.indexOf(':')), refusal));
                return;
            }
            String address = (String) envelope.get("contentAddress");
            boolean duplicate;
            synchronized (stored) {
                duplicate = stored.containsKey(address);
                if (!duplicate) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> payload = (Map<String, Object>) envelope.get("payload");
                    stored.put(address, payload);
                }
            }
            if (mode == Mode.STORE_THEN_HANG) {
                hang.await();
                return;
            }
            answer(x, 200, "{\"status\":\"" + (duplicate ? "duplicate" : "stored") + "\",\"contentAddress\":\"" + address + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private String check(Map<String, Object> envelope) {
        if (!envelope.keySet().equals(ENVELOPE)) {
            return "malformed: envelope keys " + envelope.keySet();
        }
        if (!Long.valueOf(1).equals(envelope.get("schemaVersion"))) {
            return "unknown-schema: envelope";
        }
        if (!(envelope.get("payload") instanceof Map<?, ?> p)) {
            return "malformed: payload";
        }
        Map<String, Object> payload = (Map<String, Object>) p;
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(payload);
        } catch (IllegalArgumentException e) {
            return "malformed: payload value " + e.getMessage();
        }
        if (!CanonicalJson.contentAddress(canonical).equals(envelope.get("contentAddress"))) {
            return "malformed: contentAddress mismatch";
        }
        String key = (String) envelope.get("clinicKey");
        if (!clinics.contains(key)) {
            return "unknown-clinic: " + key;
        }
        if (!verifies(key, canonical, Base64.getDecoder().decode((String) envelope.get("signature")))) {
            return "bad-signature: the signature does not verify with clinicKey";
        }
        if (!payload.keySet().equals(PAYLOAD) || !WEEK.matcher(String.valueOf(payload.get("week"))).matches()
                || !UUID.matcher(String.valueOf(payload.get("batchId"))).matches()
                || !String.valueOf(payload.get("auditHead")).matches("[0-9a-f]{64}")) {
            return "malformed: payload " + payload.keySet();
        }
        for (Object o : (List<Object>) payload.get("events")) {
            Map<String, Object> e = (Map<String, Object>) o;
            Set<String> allowed = EVENT_KEYS.get(String.valueOf(e.get("type")));
            if (allowed == null) {
                return "malformed: event type " + e.get("type");
            }
            if (Long.valueOf(2).equals(e.get("schemaVersion"))) {
                // protocol v2: a sign-off released over its 4-week period, the period in place of the week, no age band or sex
                if (!"consultation-signed-off".equals(e.get("type")) || e.containsKey("week") || e.containsKey("ageBand")
                        || e.containsKey("sex") || !PERIOD.matcher(String.valueOf(e.get("period"))).matches()
                        || !UUID.matcher(String.valueOf(e.get("eventId"))).matches()) {
                    return "malformed: event " + e;
                }
                for (String k : e.keySet()) {
                    if (!COMMON_V2.contains(k) && !allowed.contains(k)) {
                        return "malformed: event field " + k;
                    }
                }
                continue;
            }
            for (String k : e.keySet()) {
                if (!COMMON.contains(k) && !allowed.contains(k)) {
                    return "malformed: event field " + k;
                }
            }
            if (!UUID.matcher(String.valueOf(e.get("eventId"))).matches() || !WEEK.matcher(String.valueOf(e.get("week"))).matches()
                    || !Long.valueOf(1).equals(e.get("schemaVersion"))) {
                return "malformed: event " + e;
            }
        }
        return null;
    }

    /** The vendor's check: the raw 32-byte key wrapped in its X.509 prefix. */
    static boolean verifies(String rawKeyBase64, byte[] message, byte[] sig) {
        try {
            byte[] raw = Base64.getDecoder().decode(rawKeyBase64);
            byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
            byte[] x509 = new byte[prefix.length + raw.length];
            System.arraycopy(prefix, 0, x509, 0, prefix.length);
            System.arraycopy(raw, 0, x509, prefix.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(sig);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void answer(HttpExchange x, int status, String body) throws IOException {
        answers.add(status);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String problem(String type, String detail) {
        return "{\"type\":\"https://mediassist.invalid/problems/fleet/" + type + "\",\"title\":\"" + type
                + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static void sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}

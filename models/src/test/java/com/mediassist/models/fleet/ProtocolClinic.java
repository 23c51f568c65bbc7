package com.mediassist.models.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.models.PatientRecord;
import com.mediassist.models.crypto.Ed25519;
import com.mediassist.models.json.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A clinic as the sync protocol v1 sees it, built from the protocol document alone (not from the
 * clinic side's code): an Ed25519 key, envelopes over RFC 8785 payload bytes, and events made from
 * DDXPlus patients the doctor confirmed. Tests and the loop benchmark upload with it; after the
 * merge the real sync agent replaces it in the loop (see docs/fleet.md).
 */
public final class ProtocolClinic {

    static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;
    private final Random rnd;

    public ProtocolClinic(long seed) {
        this.keys = Ed25519.generate();
        this.rnd = new Random(seed);
    }

    /** The line {@code sync init} prints: base64 of the raw public key. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(Ed25519.raw(keys.getPublic()));
    }

    /** A payload of the given events. */
    public ObjectNode payload(String week, List<ObjectNode> events) {
        ObjectNode p = JSON.createObjectNode();
        p.put("schemaVersion", 1);
        p.put("batchId", uuid());
        p.put("week", week);
        p.put("auditHead", "ab".repeat(32));
        ArrayNode a = p.putArray("events");
        events.forEach(a::add);
        return p;
    }

    /** The envelope JSON of a payload: content address and signature over its canonical bytes. */
    public byte[] envelope(ObjectNode payload) {
        byte[] canonical = CanonicalJson.bytes(payload, "payload");
        return envelope(payload, BatchValidator.contentAddress(canonical), Ed25519.sign(keys.getPrivate(), canonical));
    }

    /** An envelope with the given address and signature (for tampering tests). */
    public byte[] envelope(ObjectNode payload, String address, byte[] signature) {
        ObjectNode env = JSON.createObjectNode();
        env.put("schemaVersion", 1);
        env.put("clinicKey", publicKey());
        env.put("contentAddress", address);
        env.put("signature", Base64.getEncoder().encodeToString(signature));
        env.set("payload", payload);
        return env.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A random event id. */
    public String uuid() {
        return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    /**
     * The sign-off of a consultation of a DDXPlus patient, the doctor confirming the true diagnosis:
     * the patient's evidences present, a few evidences of the pathology's list denied, age band and sex,
     * the suggestions the answering model gave (ranked label codes) and one alert outcome.
     */
    public ObjectNode signedOff(PatientRecord p, Knowledge k, String week, String modelVersion, List<String> suggestions) {
        Pathology path = k.pathologyByName(p.pathology()).orElseThrow();
        ObjectNode e = event("consultation-signed-off", week);
        int lo = Math.min(85, p.age() / 5 * 5);
        e.put("ageBand", p.age() >= 90 ? "90+" : lo + "-" + (lo + 4));
        e.put("sex", p.sex().modelCode().orElseThrow());
        ArrayNode present = e.putArray("evidencesPresent");
        p.evidences().forEach(present::add);
        ArrayNode denied = e.putArray("evidencesDenied");
        path.symptoms().stream().map(c -> c.value())
                .filter(c -> p.evidences().stream().noneMatch(x -> x.equals(c) || x.startsWith(c + "_@_")))
                .limit(5).forEach(denied::add);
        e.put("modelVersion", modelVersion);
        ArrayNode s = e.putArray("suggestions");
        for (int i = 0; i < suggestions.size(); i++) {
            s.addObject().put("rank", i + 1).put("pathology", suggestions.get(i))
                    .put("scoreBand", i == 0 ? "80-100" : "0-20").put("modelVersion", modelVersion);
        }
        e.put("finalDiagnosis", path.code().value());
        ArrayNode alerts = e.putArray("medicationAlerts");
        if (rnd.nextInt(4) == 0) {
            alerts.addObject().put("ruleId", "ddi-nsaid-anticoagulant").put("severity", "major")
                    .put("outcome", rnd.nextInt(10) == 0 ? "accepted" : "overridden").put("overrideCategory", "monitoring-planned");
        }
        return e;
    }

    /**
     * The sign-off as the box releases it over its 4-week period (protocol v2): schema version 2,
     * {@code period} in place of {@code week}, without age band and sex.
     */
    public static ObjectNode inPeriod(ObjectNode signedOff, String period) {
        ObjectNode e = signedOff.deepCopy();
        e.remove(List.of("week", "ageBand", "sex"));
        e.put("schemaVersion", 2);
        e.put("period", period);
        return e;
    }

    /** A latency event. */
    public ObjectNode latency(String week, int p50, int p95, int count) {
        ObjectNode e = event("latency", week);
        e.put("endpoint", "diagnosis");
        e.put("p50Ms", p50);
        e.put("p95Ms", p95);
        e.put("count", count);
        return e;
    }

    /** A suggestion-feedback event on a diagnosis. */
    public ObjectNode feedback(String week, String pathology, int rank, String action, String modelVersion) {
        ObjectNode e = event("suggestion-feedback", week);
        e.put("kind", "diagnosis");
        e.put("item", pathology);
        e.put("rank", rank);
        e.put("action", action);
        e.put("modelVersion", modelVersion);
        return e;
    }

    ObjectNode event(String type, String week) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", uuid());
        e.put("type", type);
        e.put("schemaVersion", 1);
        e.put("week", week);
        return e;
    }

    /** POSTs an envelope to {@code base/api/v1/batches}; returns the response. */
    public static HttpResponse<String> post(HttpClient http, String base, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/batches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package com.mediassist.sync.upload.batch;

import com.mediassist.sync.upload.crypto.ClinicKey;
import com.mediassist.sync.upload.event.UploadEvent;
import com.mediassist.sync.upload.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the protocol's envelope from released events: the events are shuffled and each gets a
 * fresh random {@code eventId}; the payload carries the batch's ISO week and the audit chain's head
 * hash, no timestamps; its RFC 8785 bytes are hashed (content address) and signed (Ed25519).
 */
public final class BatchBuilder {

    /** Protocol version of envelope and payload. */
    public static final int SCHEMA_VERSION = 1;

    private final ClinicKey key;
    private final Random random;

    /**
     * @param random source of the shuffle and of batch and event ids ({@link java.security.SecureRandom}
     *               in production, seeded in tests)
     */
    public BatchBuilder(ClinicKey key, Random random) {
        this.key = key;
        this.random = random;
    }

    /** Builds the batch of {@code releases}, prepared in ISO week {@code week}. */
    public PreparedBatch build(List<Plan.Release> releases, String week, String auditHead) {
        List<Plan.Release> shuffled = new ArrayList<>(releases);
        Collections.shuffle(shuffled, random);
        List<Object> events = new ArrayList<>(shuffled.size());
        List<Long> ids = new ArrayList<>(shuffled.size());
        for (Plan.Release r : shuffled) {
            events.add(withId(r.event()));
            ids.add(r.outboxId());
        }
        String batchId = uuid();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("schemaVersion", SCHEMA_VERSION);
        payload.put("batchId", batchId);
        payload.put("week", week);
        payload.put("auditHead", auditHead);
        payload.put("events", events);
        String payloadJson = CanonicalJson.text(payload);
        byte[] canonical = payloadJson.getBytes(StandardCharsets.UTF_8);
        String address = CanonicalJson.contentAddress(canonical);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("schemaVersion", SCHEMA_VERSION);
        envelope.put("clinicKey", key.publicKeyBase64());
        envelope.put("contentAddress", address);
        envelope.put("signature", Base64.getEncoder().encodeToString(key.sign(canonical)));
        envelope.put("payload", payload);
        return new PreparedBatch(batchId, address, payloadJson, CanonicalJson.text(envelope), ids);
    }

    /**
     * Splits releases into batches of at most {@code max} events, in plan order (the members of a
     * k-anonymity group are adjacent, so a group is split only when it crosses a batch boundary).
     */
    public static List<List<Plan.Release>> chunks(List<Plan.Release> releases, int max) {
        List<List<Plan.Release>> out = new ArrayList<>();
        List<Plan.Release> current = new ArrayList<>();
        for (Plan.Release r : releases) {
            if (current.size() >= max) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private Map<String, Object> withId(UploadEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", uuid());
        m.putAll(event.fields());
        return m;
    }

    private String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}

package com.mediassist.sync.upload.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of the sync protocol. Records validate every field on construction; {@link #fields()}
 * is the event as it leaves the box, without its per-batch {@code eventId}.
 */
public sealed interface UploadEvent permits ConsultationSignedOff, SuggestionFeedback, MedicationAlertOutcome, Latency {

    /** The event schema version this code writes. */
    int SCHEMA_VERSION = 1;

    /** The protocol's {@code type}, e.g. {@code consultation-signed-off}. */
    String type();

    /** ISO week of the sign-off or action, {@code 2026-W47}. */
    String week();

    /**
     * Whether the event is part of a consultation's clinical record; non-clinical events (latencies,
     * suggestions merely shown) are the first dropped when the queue is over its disk budget.
     */
    boolean clinical();

    /** The allow-listed fields in protocol names, including {@code type}, {@code schemaVersion}, {@code week}. */
    default Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("week", week());
        putFields(m);
        return m;
    }

    /** Adds the type-specific fields. */
    void putFields(Map<String, Object> out);
}

package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import com.mediassist.sync.upload.json.CanonicalJson;
import java.util.Map;

/** Stores events in the outbox as canonical JSON and reads them back, refusing anything off the allow-list. */
public final class EventCodec {

    private EventCodec() {
    }

    /** The event's stored form: its {@link UploadEvent#fields()} as canonical JSON. */
    public static String write(UploadEvent event) {
        return CanonicalJson.text(event.fields());
    }

    /** The outbox form of a queued event: {@code {"category":…,"event":{…}}}. */
    public static String write(QueuedEvent queued) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("event", queued.event().fields());
        queued.category().ifPresent(c -> m.put("category", c));
        return CanonicalJson.text(m);
    }

    /**
     * Reads the outbox form written by {@link #write(QueuedEvent)}.
     *
     * @throws InvalidEventException when it is not one
     */
    @SuppressWarnings("unchecked")
    public static QueuedEvent readQueued(String json) {
        Map<String, Object> map;
        try {
            map = CanonicalJson.readObject(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("outbox", "a JSON object", json);
        }
        if (!(map.get("event") instanceof Map<?, ?> event)) {
            throw new InvalidEventException("event", "an event object", String.valueOf(map.get("event")));
        }
        StrictFields f = new StrictFields("", map);
        f.markRead("event");
        java.util.Optional<String> category = f.optionalString("category");
        f.requireNoOthers();
        return new QueuedEvent(read((Map<String, Object>) event), category);
    }

    /**
     * Reads a stored event.
     *
     * @throws InvalidEventException when the JSON is not a version-1 event of a known type (or a version-2
     *     {@code consultation-signed-off}, with a period) with only allowed fields
     */
    public static UploadEvent read(String json) {
        try {
            return read(CanonicalJson.readObject(json));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event", "a JSON object", json);
        }
    }

    static UploadEvent read(Map<String, Object> map) {
        StrictFields f = new StrictFields("", map);
        String type = f.string("type");
        long version = f.integer("schemaVersion");
        if (version == ConsultationSignedOff.PERIOD_SCHEMA_VERSION && ConsultationSignedOff.TYPE.equals(type)) {
            String period = ReleasePeriod.check(f.string("period"));
            ConsultationSignedOff event = ConsultationSignedOff.read(f, ReleasePeriod.firstWeek(period), java.util.Optional.of(period));
            f.requireNoOthers();
            return event;
        }
        if (version != UploadEvent.SCHEMA_VERSION) {
            throw new InvalidEventException("schemaVersion", UploadEvent.SCHEMA_VERSION + " (or " + ConsultationSignedOff.PERIOD_SCHEMA_VERSION
                    + " for " + ConsultationSignedOff.TYPE + ")", String.valueOf(version));
        }
        String week = f.string("week");
        UploadEvent event = switch (type) {
            case ConsultationSignedOff.TYPE -> ConsultationSignedOff.read(f, week, java.util.Optional.empty());
            case SuggestionFeedback.TYPE -> SuggestionFeedback.read(f, week);
            case MedicationAlertOutcome.TYPE -> MedicationAlertOutcome.read(f, week);
            case Latency.TYPE -> Latency.read(f, week);
            default -> throw new InvalidEventException("type", "a sync protocol v1 event type", type);
        };
        f.requireNoOthers();
        return event;
    }

    /** Whether an outbox event type is one of the protocol's (older free-form events are not uploaded). */
    public static boolean isUploadType(String type) {
        return switch (type) {
            case ConsultationSignedOff.TYPE, SuggestionFeedback.TYPE, MedicationAlertOutcome.TYPE, Latency.TYPE -> true;
            default -> false;
        };
    }
}

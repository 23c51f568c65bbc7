package com.mediassist.sync.upload.event;

import com.mediassist.sync.upload.InvalidEventException;
import java.util.Map;

/**
 * Response times of one endpoint over a week (non-clinical; the first dropped over the disk budget).
 *
 * @param week     ISO week measured
 * @param endpoint the endpoint's name, e.g. {@code diagnosis}
 * @param p50Ms    median, milliseconds
 * @param p95Ms    95th percentile, milliseconds
 * @param count    requests measured
 */
public record Latency(String week, String endpoint, long p50Ms, long p95Ms, long count) implements UploadEvent {

    public static final String TYPE = "latency";

    public Latency {
        Codes.week(week);
        Codes.require("endpoint", Codes.SLUG, "an endpoint name", endpoint);
        if (p50Ms < 0 || p95Ms < 0 || count < 0) {
            throw new InvalidEventException("latency", "non-negative numbers", p50Ms + "/" + p95Ms + "/" + count);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean clinical() {
        return false;
    }

    @Override
    public void putFields(Map<String, Object> m) {
        m.put("endpoint", endpoint);
        m.put("p50Ms", p50Ms);
        m.put("p95Ms", p95Ms);
        m.put("count", count);
    }

    static Latency read(StrictFields f, String week) {
        return new Latency(week, f.string("endpoint"), f.integer("p50Ms"), f.integer("p95Ms"), f.integer("count"));
    }
}

package com.mediassist.appliance.status;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps the latest {@value #WINDOW} calls of every API endpoint (method and path with ids replaced
 * by {@code {id}}): their durations and status codes. Measured at the HTTP layer, so it includes
 * authentication, (de)serialisation and refusals. Prometheus at {@code /q/metrics} keeps the long
 * history; this is the "what is happening now" view of the status page.
 */
@ApplicationScoped
public class LatencyRecorder {

    /** Calls kept per endpoint. */
    static final int WINDOW = 200;
    /** Runs just inside the security-header filter so it times nearly the whole request. */
    static final int PRIORITY = 950;

    private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d+|[0-9a-fA-F-]{16,})(?=/|$)");

    private final Map<String, Ring> endpoints = new ConcurrentHashMap<>();

    void register(@Observes Filters filters) {
        filters.register(this::time, PRIORITY);
    }

    void time(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/api/")) {
            ctx.next();
            return;
        }
        long start = System.nanoTime();
        String method = ctx.request().method().name();
        ctx.addEndHandler(ignored -> record(method, path, ctx.response().getStatusCode(), System.nanoTime() - start));
        ctx.next();
    }

    /** Records one finished call. */
    public void record(String method, String path, int status, long nanos) {
        String key = method + " " + ID_SEGMENT.matcher(path).replaceAll("/{id}");
        endpoints.computeIfAbsent(key, k -> new Ring(k, path)).add(status, nanos);
    }

    /**
     * Records one answer of a module's engine computed inside another call (the consultation view),
     * as {@code ENGINE <module>}: the module's health then reflects it as it does its own endpoint's calls.
     */
    public void recordEngine(Module module, int status, long nanos) {
        endpoints.computeIfAbsent("ENGINE " + module.id(), k -> new Ring(k, module.examplePath())).add(status, nanos);
    }

    /** Every endpoint called since start, slowest median first. */
    public List<EndpointLatency> snapshot() {
        List<EndpointLatency> out = new ArrayList<>();
        endpoints.values().forEach(r -> out.add(r.summary()));
        out.sort(Comparator.comparingDouble(EndpointLatency::medianMs).reversed());
        return out;
    }

    /** The recent calls of the endpoints a module serves, newest last. */
    public List<Call> recentCalls(Module module) {
        List<Call> out = new ArrayList<>();
        endpoints.values().stream().filter(r -> module.serves(r.samplePath)).forEach(r -> out.addAll(r.calls()));
        out.sort(Comparator.comparingLong(Call::sequence));
        return out;
    }

    /** One finished call: its order of arrival, status code and duration in nanoseconds. */
    public record Call(long sequence, int status, long nanos) {
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private static final class Ring {
        private final String endpoint;
        private final String samplePath;
        private final long[] nanos = new long[WINDOW];
        private final int[] status = new int[WINDOW];
        private final long[] sequence = new long[WINDOW];
        private long total;

        Ring(String endpoint, String samplePath) {
            this.endpoint = endpoint;
            this.samplePath = samplePath;
        }

        synchronized void add(int code, long duration) {
            int i = (int) (total % WINDOW);
            nanos[i] = duration;
            status[i] = code;
            sequence[i] = SEQUENCE.incrementAndGet();
            total++;
        }

        synchronized List<Call> calls() {
            int n = (int) Math.min(total, WINDOW);
            List<Call> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Call(sequence[i], status[i], nanos[i]));
            }
            return out;
        }

        synchronized EndpointLatency summary() {
            int n = (int) Math.min(total, WINDOW);
            double[] ms = new double[n];
            int errors = 0;
            for (int i = 0; i < n; i++) {
                ms[i] = nanos[i] / 1_000_000.0;
                if (status[i] >= 500) {
                    errors++;
                }
            }
            Arrays.sort(ms);
            return new EndpointLatency(endpoint, total, n, percentile(ms, 0.50), percentile(ms, 0.95), errors);
        }

        /** Nearest-rank percentile of sorted values. */
        private static double percentile(double[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }
}

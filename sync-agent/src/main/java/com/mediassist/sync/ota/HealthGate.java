package com.mediassist.sync.ota;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Watches the diagnoses answered after a switch to a new bundle and decides whether it stays: once
 * {@code minRequests} were answered (or the window passed), the error rate, the fallback rate and the
 * 95th-percentile latency must be within their limits. Thread-safe.
 */
public final class HealthGate {

    /**
     * Limits.
     *
     * @param minRequests     answers observed before a verdict (default 50)
     * @param window          the longest the gate stays open; then it decides on what it saw (default 10 min)
     * @param maxErrorRate    failed requests / requests (default 0.01)
     * @param maxFallbackRate answers by the fallback / requests (default 0.2)
     * @param maxP95Latency   95th-percentile time of one diagnosis (default 1 s)
     */
    public record Limits(int minRequests, Duration window, double maxErrorRate, double maxFallbackRate,
                         Duration maxP95Latency) {

        /** The defaults above. */
        public static Limits defaults() {
            return new Limits(50, Duration.ofMinutes(10), 0.01, 0.2, Duration.ofSeconds(1));
        }
    }

    /** The gate's decision. */
    public sealed interface Verdict permits Pending, Passed, Failed {
    }

    /** Not enough observed yet. */
    public record Pending(int observed) implements Verdict {
    }

    /** The bundle stays. */
    public record Passed(int observed) implements Verdict {
    }

    /** The bundle goes: {@code reason} says which limit it broke, with the numbers. */
    public record Failed(String reason) implements Verdict {
    }

    private final BundleRef watched;
    private final Limits limits;
    private final Instant opened;
    private final long[] latencies;
    private int count;
    private int errors;
    private int fallbacks;

    public HealthGate(BundleRef watched, Limits limits, Instant opened) {
        this.watched = watched;
        this.limits = limits;
        this.opened = opened;
        this.latencies = new long[Math.max(1, limits.minRequests())];
    }

    /** The bundle under watch. */
    public BundleRef watched() {
        return watched;
    }

    /** One answered (or failed) request. */
    public synchronized void record(Duration took, boolean fallback, boolean error) {
        if (count < latencies.length) {
            latencies[count] = took.toNanos();
        }
        count++;
        if (fallback) {
            fallbacks++;
        }
        if (error) {
            errors++;
        }
    }

    /** The decision at {@code now}. */
    public synchronized Verdict verdict(Instant now) {
        boolean windowOver = !now.isBefore(opened.plus(limits.window()));
        if (count < limits.minRequests() && !windowOver) {
            return new Pending(count);
        }
        if (count == 0) {
            return new Passed(0);
        }
        double errorRate = (double) errors / count;
        if (errorRate > limits.maxErrorRate()) {
            return new Failed(String.format(Locale.ROOT, "error rate %.3f above %.3f over %d requests",
                    errorRate, limits.maxErrorRate(), count));
        }
        double fallbackRate = (double) fallbacks / count;
        if (fallbackRate > limits.maxFallbackRate()) {
            return new Failed(String.format(Locale.ROOT, "fallback rate %.3f above %.3f over %d requests",
                    fallbackRate, limits.maxFallbackRate(), count));
        }
        long[] sorted = Arrays.copyOf(latencies, Math.min(count, latencies.length));
        Arrays.sort(sorted);
        long p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        if (p95 > limits.maxP95Latency().toNanos()) {
            return new Failed(String.format(Locale.ROOT, "p95 latency %.1f ms above %d ms over %d requests",
                    p95 / 1e6, limits.maxP95Latency().toMillis(), count));
        }
        return new Passed(count);
    }
}

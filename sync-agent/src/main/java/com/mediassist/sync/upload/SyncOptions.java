package com.mediassist.sync.upload;

import com.mediassist.sync.upload.notes.NoteUpload;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How the sync agent batches and delivers. Immutable; {@link #defaults()} then {@code withX}.
 *
 * @param vendorUrl         the fleet service's base URL ({@code https://…}; {@code http://127.0.0.1…} for
 *                          tests); empty: nothing is sent
 * @param delay             time after the sign-off or action before an event may leave; default 72 h
 * @param k                 smallest group of equal quasi-identifiers released; default 5
 * @param hold              how long an event waits for its group after becoming eligible before it
 *                          expires (never sent); default 90 days
 * @param maxEventsPerBatch most events in one batch; default 2,000 (well under the 8 MiB body limit)
 * @param queueBudgetBytes  disk budget of the waiting events; over it the oldest non-clinical events
 *                          are dropped; default 64 MiB
 * @param requestTimeout    connect and answer timeout of one delivery; default 30 s
 * @param backoffBase       wait after the first failed attempt, doubled per attempt; default 1 min
 * @param backoffMax        longest wait between attempts; default 6 h
 * @param zone              the clinic's zone, for ISO weeks; default UTC
 * @param notes             whether scrubbed notes may leave; default off ({@link NoteUpload#off()}). When
 *                          they may not, queued events leave without their note
 */
public record SyncOptions(Optional<URI> vendorUrl, Duration delay, int k, Duration hold, int maxEventsPerBatch,
        long queueBudgetBytes, Duration requestTimeout, Duration backoffBase, Duration backoffMax, ZoneId zone,
        NoteUpload notes) {

    public SyncOptions {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or more, got " + delay);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be 1 or more, got " + k);
        }
        if (maxEventsPerBatch < 1) {
            throw new IllegalArgumentException("maxEventsPerBatch must be 1 or more, got " + maxEventsPerBatch);
        }
        vendorUrl.ifPresent(VendorUrls::check);
        if (notes == null) {
            throw new IllegalArgumentException("notes must be a NoteUpload (NoteUpload.off() for none), got null");
        }
    }

    public static SyncOptions defaults() {
        return new SyncOptions(Optional.empty(), Duration.ofHours(72), 5, Duration.ofDays(90), 2000, 64L << 20,
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofHours(6), ZoneId.of("UTC"), NoteUpload.off());
    }

    public SyncOptions withVendorUrl(URI url) {
        return new SyncOptions(Optional.ofNullable(url), delay, k, hold, maxEventsPerBatch, queueBudgetBytes,
                requestTimeout, backoffBase, backoffMax, zone, notes);
    }

    public SyncOptions withDelay(Duration d) {
        return new SyncOptions(vendorUrl, d, k, hold, maxEventsPerBatch, queueBudgetBytes, requestTimeout, backoffBase,
                backoffMax, zone, notes);
    }

    public SyncOptions withK(int newK) {
        return new SyncOptions(vendorUrl, delay, newK, hold, maxEventsPerBatch, queueBudgetBytes, requestTimeout,
                backoffBase, backoffMax, zone, notes);
    }

    public SyncOptions withHold(Duration newHold) {
        return new SyncOptions(vendorUrl, delay, k, newHold, maxEventsPerBatch, queueBudgetBytes, requestTimeout,
                backoffBase, backoffMax, zone, notes);
    }

    public SyncOptions withBackoff(Duration base, Duration max) {
        return new SyncOptions(vendorUrl, delay, k, hold, maxEventsPerBatch, queueBudgetBytes, requestTimeout, base, max,
                zone, notes);
    }

    public SyncOptions withMaxEventsPerBatch(int max) {
        return new SyncOptions(vendorUrl, delay, k, hold, max, queueBudgetBytes, requestTimeout, backoffBase,
                backoffMax, zone, notes);
    }

    public SyncOptions withQueueBudgetBytes(long budget) {
        return new SyncOptions(vendorUrl, delay, k, hold, maxEventsPerBatch, budget, requestTimeout, backoffBase,
                backoffMax, zone, notes);
    }

    public SyncOptions withRequestTimeout(Duration timeout) {
        return new SyncOptions(vendorUrl, delay, k, hold, maxEventsPerBatch, queueBudgetBytes, timeout, backoffBase,
                backoffMax, zone, notes);
    }

    /** The same options with this note-upload policy. */
    public SyncOptions withNotes(NoteUpload newNotes) {
        return new SyncOptions(vendorUrl, delay, k, hold, maxEventsPerBatch, queueBudgetBytes, requestTimeout,
                backoffBase, backoffMax, zone, newNotes);
    }

    public SyncOptions withZone(ZoneId newZone) {
        return new SyncOptions(vendorUrl, delay, k, hold, maxEventsPerBatch, queueBudgetBytes, requestTimeout,
                backoffBase, backoffMax, newZone, notes);
    }
}

package com.mediassist.sync.upload;

import java.time.Instant;
import java.util.Optional;

/**
 * The upload queue as clinic IT and the status page see it.
 *
 * @param waitingForDelay events still inside the delay
 * @param heldForK        events past the delay whose k-anonymity group is too small
 * @param eligible        events that would leave on the next run
 * @param inFlight        events in batches prepared but not yet accepted
 * @param sent            events the vendor accepted
 * @param expired         events held past the hold limit (never sent)
 * @param dropped         non-clinical events dropped over the disk budget
 * @param queueBytes      bytes waiting on disk
 * @param lastError       the last failed attempt of a batch still open, in words
 * @param nextAttemptAt   when that batch is tried again
 * @param lastBatch       the payload of the batch last accepted, exactly as sent (canonical JSON)
 * @param lastBatchAt     when it was accepted
 * @param vendorUrl       where batches go; empty when not configured
 * @param clinicKey       the clinic's public key (base64), empty before {@code sync init}
 */
public record SyncStatus(long waitingForDelay, long heldForK, long eligible, long inFlight, long sent, long expired,
        long dropped, long queueBytes, Optional<String> lastError, Optional<Instant> nextAttemptAt,
        Optional<String> lastBatch, Optional<Instant> lastBatchAt, Optional<String> vendorUrl,
        Optional<String> clinicKey) {
}

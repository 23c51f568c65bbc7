package com.mediassist.sync.upload.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A prepared batch as stored: the exact envelope bytes (UTF-8 text) and its delivery state.
 *
 * @param id             local row id
 * @param contentAddress {@code sha256:…} of the canonical payload
 * @param envelopeJson   the body POSTed, byte for byte
 * @param eventCount     events inside
 * @param preparedAt     when it was prepared
 * @param attempts       delivery attempts so far
 * @param lastError      the last attempt's failure
 * @param nextAttemptAt  earliest next attempt after a failure
 * @param acceptedAt     when the vendor answered 200
 */
public record StoredBatch(long id, String contentAddress, String envelopeJson, int eventCount, Instant preparedAt,
        int attempts, Optional<String> lastError, Optional<Instant> nextAttemptAt, Optional<Instant> acceptedAt) {
}

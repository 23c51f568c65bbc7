package com.mediassist.sync.upload.batch;

import com.mediassist.sync.upload.event.QueuedEvent;
import java.time.Instant;

/**
 * An event waiting in the outbox, read back.
 *
 * @param outboxId  local row id (never leaves)
 * @param queued    the event and its generalisation category
 * @param createdAt when the sign-off or action happened
 */
public record Candidate(long outboxId, QueuedEvent queued, Instant createdAt) {
}

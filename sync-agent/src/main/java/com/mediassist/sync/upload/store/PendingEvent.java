package com.mediassist.sync.upload.store;

import java.time.Instant;

/**
 * An outbox row of a protocol event type, not yet in a batch.
 *
 * @param outboxId    the local row id (never leaves the box)
 * @param payloadJson the stored {@link com.mediassist.sync.upload.event.QueuedEvent}
 * @param createdAt   when the sign-off or action happened
 */
public record PendingEvent(long outboxId, String payloadJson, Instant createdAt) {
}

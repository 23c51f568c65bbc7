package com.mediassist.store.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * An event waiting for the sync agent.
 *
 * @param id database id, in creation order
 * @param eventType what happened, e.g. {@code feedback.recorded}
 * @param payloadJson the event's JSON document (already de-identified by whoever enqueues it)
 * @param createdAt when it was enqueued
 * @param eligibleForUploadAt not uploaded before this (gives the doctor time to correct or withdraw)
 * @param uploadedAt when the sync agent confirmed the upload, empty until then
 */
public record OutboxEvent(long id, String eventType, String payloadJson, Instant createdAt,
        Instant eligibleForUploadAt, Optional<Instant> uploadedAt) {
}

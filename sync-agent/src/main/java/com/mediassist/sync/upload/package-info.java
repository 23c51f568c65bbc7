/**
 * The upload half of the sync agent: turns the outbox of typed, de-identified events into delayed,
 * k-anonymous, shuffled batches, signs them with the clinic's Ed25519 key and delivers them to the
 * vendor's fleet service as {@code docs/sync-protocol.md} fixes. {@link com.mediassist.sync.upload.SyncAgent}
 * is the entry point; nothing here knows the appliance or the vendor's code.
 */
package com.mediassist.sync.upload;

/**
 * The sync agent's SQL over the outbox and the prepared batches (schema migration 3). A batch and
 * the events in it are written in one transaction before any byte is sent.
 */
package com.mediassist.sync.upload.store;

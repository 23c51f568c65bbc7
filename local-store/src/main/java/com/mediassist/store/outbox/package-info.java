/**
 * The transactional outbox for the later sync agent: events with a creation time, an earliest
 * upload time and an upload confirmation time. Nothing here sends anything.
 */
package com.mediassist.store.outbox;

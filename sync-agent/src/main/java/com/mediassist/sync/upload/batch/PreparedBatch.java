package com.mediassist.sync.upload.batch;

import java.util.List;

/**
 * A batch ready to send.
 *
 * @param batchId        the random batch id of the payload
 * @param contentAddress {@code sha256:<hex>} of the canonical payload bytes
 * @param payloadJson    the canonical payload (what the data-protection officer reads)
 * @param envelopeJson   the whole body POSTed (canonical too)
 * @param outboxIds      the local rows it carries (never sent)
 */
public record PreparedBatch(String batchId, String contentAddress, String payloadJson, String envelopeJson,
        List<Long> outboxIds) {

    public PreparedBatch {
        outboxIds = List.copyOf(outboxIds);
    }
}

package com.mediassist.models.fleet;

import java.util.List;

/**
 * A validated batch as stored: who sent it, its content address and its typed payload.
 *
 * @param clinicId       the registered clinic's id (derived from its key)
 * @param contentAddress {@code sha256:<hex>} of the canonical payload bytes
 * @param batchId        the box's random batch UUID
 * @param week           ISO week the batch was prepared
 * @param auditHead      the box's audit chain head (hex)
 * @param events         the events, in the order sent
 */
public record Batch(String clinicId, String contentAddress, String batchId, String week, String auditHead,
                    List<FleetEvent> events) {
    public Batch {
        events = List.copyOf(events);
    }
}

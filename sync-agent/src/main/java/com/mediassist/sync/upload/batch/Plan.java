package com.mediassist.sync.upload.batch;

import com.mediassist.sync.upload.event.UploadEvent;
import java.util.List;

/**
 * What may leave now and what waits.
 *
 * @param releases events that may leave, possibly generalised, grouped by their quasi-identifiers
 * @param waiting  outbox ids still inside the delay
 * @param held     outbox ids past the delay whose k-anonymity group is still too small
 * @param expired  outbox ids held past the hold limit: they never leave
 */
public record Plan(List<Release> releases, List<Long> waiting, List<Long> held, List<Long> expired) {

    public Plan {
        releases = List.copyOf(releases);
        waiting = List.copyOf(waiting);
        held = List.copyOf(held);
        expired = List.copyOf(expired);
    }

    /**
     * One event that may leave.
     *
     * @param outboxId    the local row
     * @param event       the event as it leaves (its final diagnosis generalised when its group needed it)
     * @param generalised whether it was generalised
     */
    public record Release(long outboxId, UploadEvent event, boolean generalised) {
    }
}

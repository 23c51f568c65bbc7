package com.mediassist.sync.upload;

import java.util.Optional;

/**
 * What one run did.
 *
 * @param batchesAccepted batches the vendor accepted (stored or duplicate)
 * @param eventsSent      events in them
 * @param dropped         non-clinical events dropped over the disk budget before preparing
 * @param expired         events expired after the hold
 * @param failure         the delivery failure that stopped the run; empty when everything eligible left
 */
public record RunResult(int batchesAccepted, int eventsSent, int dropped, int expired, Optional<String> failure) {

    /** Whether everything eligible was accepted (or nothing was eligible). */
    public boolean complete() {
        return failure.isEmpty();
    }
}

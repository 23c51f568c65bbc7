package com.mediassist.sync.upload.event;

import java.util.Optional;

/**
 * An event as the outbox keeps it: the event, plus for a signed-off consultation the category its
 * final diagnosis is generalised to when its k-anonymity group is too small. The category is
 * worked out from the knowledge when the event is built, so that the sync agent needs no knowledge.
 *
 * @param event    the event as it would leave
 * @param category {@code cat:…} of the final diagnosis; empty when there is none
 */
public record QueuedEvent(UploadEvent event, Optional<String> category) {

    public QueuedEvent {
        category.ifPresent(c -> Codes.diagnosis("category", c));
    }

    /** An event that is never generalised. */
    public static QueuedEvent of(UploadEvent event) {
        return new QueuedEvent(event, Optional.empty());
    }
}

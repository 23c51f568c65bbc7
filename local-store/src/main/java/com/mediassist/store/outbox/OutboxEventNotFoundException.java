package com.mediassist.store.outbox;

import com.mediassist.store.RecordNotFoundException;

/** No outbox event has that id. */
public class OutboxEventNotFoundException extends RecordNotFoundException {

    public OutboxEventNotFoundException(long id) {
        super("outbox event", id);
    }
}

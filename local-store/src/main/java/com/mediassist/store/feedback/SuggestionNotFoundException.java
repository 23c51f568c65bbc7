package com.mediassist.store.feedback;

import com.mediassist.store.RecordNotFoundException;

/** No suggestion has that id. */
public class SuggestionNotFoundException extends RecordNotFoundException {

    public SuggestionNotFoundException(long id) {
        super("suggestion", id);
    }
}

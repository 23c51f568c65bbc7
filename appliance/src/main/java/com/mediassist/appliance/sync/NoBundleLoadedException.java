package com.mediassist.appliance.sync;

import com.mediassist.appliance.failure.ApplianceException;
import com.mediassist.store.feedback.SuggestionKind;

/**
 * Feedback on a diagnosis or question suggestion arrived while no diagnosis bundle is loaded, so the
 * appliance cannot have shown that suggestion. Nothing was recorded.
 */
public class NoBundleLoadedException extends ApplianceException {

    private final SuggestionKind kind;

    public NoBundleLoadedException(SuggestionKind kind) {
        super("no diagnosis bundle is loaded, so no " + kind.code() + " suggestion was shown");
        this.kind = kind;
    }

    /** The kind of suggestion reported. */
    public SuggestionKind kind() {
        return kind;
    }
}

package com.mediassist.store.feedback;

import com.mediassist.store.InvalidValueException;
import java.util.Locale;

/** What the doctor did with a suggestion. */
public enum FeedbackAction {
    /** Took it (ordered the test, recorded the diagnosis). */
    ACCEPTED,
    /** Looked and set it aside. */
    DISMISSED,
    /** Did something else on purpose, e.g. prescribed despite an alert; a reason is expected. */
    OVERRIDDEN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValueException naming {@code action} for an unknown code */
    public static FeedbackAction fromCode(String code) {
        if (code != null) {
            for (FeedbackAction a : values()) {
                if (a.code().equalsIgnoreCase(code.strip())) {
                    return a;
                }
            }
        }
        throw new InvalidValueException("action", "must be accepted, dismissed or overridden, got " + code);
    }
}

package com.mediassist.store.feedback;

import com.mediassist.store.InvalidValueException;
import java.util.Locale;

/** What the appliance suggested. */
public enum SuggestionKind {
    DIAGNOSIS,
    TEST,
    ALERT,
    QUESTION,
    TREATMENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValueException naming {@code kind} for an unknown code */
    public static SuggestionKind fromCode(String code) {
        if (code != null) {
            for (SuggestionKind k : values()) {
                if (k.code().equalsIgnoreCase(code.strip())) {
                    return k;
                }
            }
        }
        throw new InvalidValueException("kind", "must be diagnosis, test, alert, question or treatment, got " + code);
    }
}

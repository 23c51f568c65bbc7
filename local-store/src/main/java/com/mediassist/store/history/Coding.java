package com.mediassist.store.history;

import com.mediassist.store.sql.Fields;

/**
 * A coded concept as it came from the record: code system URI (e.g. {@code http://snomed.info/sct}),
 * code, and the human-readable display. Free-text entries typed by a doctor have no system or code.
 *
 * @param system code system URI, {@code null} for free text (at most 200 characters)
 * @param code the code in that system, {@code null} for free text (at most 100 characters)
 * @param display what a person reads, required (at most 500 characters)
 * @throws com.mediassist.store.InvalidValueException naming {@code display}, {@code code} or {@code system}
 */
public record Coding(String system, String code, String display) {

    public Coding {
        system = Fields.optional("system", system, 200);
        code = Fields.optional("code", code, 100);
        display = Fields.required("display", display, 500);
    }

    /** A free-text concept without a code. */
    public static Coding text(String display) {
        return new Coding(null, null, display);
    }
}

package com.mediassist.sync.upload.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A medication alert the rule engine raised and what became of it.
 *
 * @param ruleId           the rule that fired (from the medication knowledge, never typed by a user)
 * @param severity         as the rule states it
 * @param outcome          shown, accepted or overridden
 * @param overrideCategory the reason's category when one was picked; the reason's text never leaves
 */
public record MedicationAlert(String ruleId, AlertSeverity severity, AlertOutcome outcome,
        Optional<OverrideCategory> overrideCategory) {

    public MedicationAlert {
        Codes.require("ruleId", Codes.RULE, "a rule id of the medication knowledge", ruleId);
        if (severity == null || outcome == null || overrideCategory == null) {
            throw new com.mediassist.sync.upload.InvalidEventException("medicationAlert", "severity and outcome", "nothing");
        }
    }

    void putFields(Map<String, Object> m) {
        m.put("ruleId", ruleId);
        m.put("severity", severity.code());
        m.put("outcome", outcome.code());
        overrideCategory.ifPresent(c -> m.put("overrideCategory", c.code()));
    }

    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        putFields(m);
        return m;
    }

    static MedicationAlert read(StrictFields f) {
        return new MedicationAlert(f.string("ruleId"), Coded.parse(AlertSeverity.class, "severity", f.string("severity")),
                Coded.parse(AlertOutcome.class, "outcome", f.string("outcome")),
                f.optionalString("overrideCategory").map(c -> Coded.parse(OverrideCategory.class, "overrideCategory", c)));
    }
}

package com.mediassist.core.prevention;

import com.fasterxml.jackson.annotation.JsonValue;
import com.mediassist.core.knowledge.Bilingual;
import com.mediassist.core.knowledge.Language;

/** Where a patient stands on a preventive item. */
public enum PreventiveStatus {
    /** Due now: newly eligible, a series in progress, or the due date passed less than three months ago. */
    DUE("due", new Bilingual("pendiente", "due")),
    /** The due date passed more than three months ago. */
    OVERDUE("overdue", new Bilingual("atrasado", "overdue")),
    /** Done within its interval; see the next date. */
    UP_TO_DATE("up-to-date", new Bilingual("al día", "up to date")),
    /** Outside the age, sex or risk criteria, or excluded by a condition. */
    NOT_APPLICABLE("not-applicable", new Bilingual("no aplica", "not applicable")),
    /** No record in the history, or a missing fact (sex, smoking, BMI) decides eligibility. */
    UNKNOWN("unknown", new Bilingual("desconocido", "unknown"));

    private final String code;
    private final Bilingual label;

    PreventiveStatus(String code, Bilingual label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** @return a display label */
    public String label(Language language) {
        return label.in(language);
    }
}

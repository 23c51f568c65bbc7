package com.mediassist.core.prevention;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A condition from the patient's record with what its status and dates say about whether it still
 * applies. Only current conditions count for a recommendation, except where the guideline names a
 * history of the condition (a past gestational diabetes, a colorectal cancer, a hysterectomy).
 *
 * @param condition text, ICD-10 or SNOMED CT code (as {@code ConditionCatalog} resolves it)
 * @param state     the recorded clinical status
 * @param onset     when it began, or {@code null}
 * @param abatement when it ended, or {@code null}; on or before "today" it is no longer current
 */
public record ConditionFact(String condition, State state, LocalDate onset, LocalDate abatement) {

    /** Clinical status as far as preventive care is concerned. */
    public enum State {
        /** Active, recurrence or relapse. */
        ACTIVE,
        /** Resolved, inactive or in remission: a history of it. */
        RESOLVED,
        /** Not recorded: current unless its dates say otherwise. */
        UNKNOWN
    }

    public ConditionFact {
        Objects.requireNonNull(condition, "condition");
        state = state == null ? State.UNKNOWN : state;
    }

    /** @return a current condition without dates */
    public static ConditionFact active(String condition) {
        return new ConditionFact(condition, State.ACTIVE, null, null);
    }
}

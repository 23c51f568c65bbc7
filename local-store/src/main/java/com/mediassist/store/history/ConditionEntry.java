package com.mediassist.store.history;

import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A diagnosis or problem.
 *
 * @param coding the condition (e.g. SNOMED CT 44054006 "Diabetes mellitus type 2")
 * @param status clinical status; {@code null} becomes {@link ConditionStatus#UNKNOWN}
 * @param onsetDate when it began, may be {@code null}
 * @param abatementDate when it resolved, may be {@code null}; not before {@code onsetDate}
 * @param sourceId id in the source record, may be {@code null}
 */
public record ConditionEntry(Coding coding, ConditionStatus status, LocalDate onsetDate, LocalDate abatementDate,
        String sourceId) implements HistoryEntry {

    public ConditionEntry {
        Objects.requireNonNull(coding, "coding");
        status = status == null ? ConditionStatus.UNKNOWN : status;
        sourceId = Fields.optional("sourceId", sourceId, 200);
        if (onsetDate != null && abatementDate != null && abatementDate.isBefore(onsetDate)) {
            throw new InvalidValueException("abatementDate",
                    "must not be before onsetDate " + onsetDate + ", got " + abatementDate);
        }
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.CONDITION;
    }
}

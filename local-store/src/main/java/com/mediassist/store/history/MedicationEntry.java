package com.mediassist.store.history;

import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A medication the patient takes or took.
 *
 * @param coding the medication (e.g. RxNorm 860975 "metformin 500 MG")
 * @param status {@code null} becomes {@link MedicationStatus#UNKNOWN}
 * @param startDate may be {@code null}
 * @param endDate may be {@code null}; not before {@code startDate}
 * @param dosage free-text dosage instruction, may be {@code null} (at most 500 characters)
 * @param sourceId id in the source record, may be {@code null}
 */
public record MedicationEntry(Coding coding, MedicationStatus status, LocalDate startDate, LocalDate endDate,
        String dosage, String sourceId) implements HistoryEntry {

    public MedicationEntry {
        Objects.requireNonNull(coding, "coding");
        status = status == null ? MedicationStatus.UNKNOWN : status;
        dosage = Fields.optional("dosage", dosage, 500);
        sourceId = Fields.optional("sourceId", sourceId, 200);
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new InvalidValueException("endDate", "must not be before startDate " + startDate + ", got " + endDate);
        }
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.MEDICATION;
    }
}

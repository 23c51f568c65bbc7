package com.mediassist.store.history;

import com.mediassist.store.InvalidValueException;
import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A measurement or finding (blood pressure, HbA1c, smoking status).
 *
 * @param coding what was observed (e.g. LOINC 4548-4 "Hemoglobin A1c")
 * @param valueNumber numeric value, {@code null} for a textual one; finite
 * @param valueText textual or coded value, {@code null} for a numeric one (at most 500 characters)
 * @param unit unit of {@code valueNumber} (UCUM where known), may be {@code null}
 * @param date when it was observed, may be {@code null}
 * @param sourceId id in the source record, may be {@code null}
 */
public record ObservationEntry(Coding coding, Double valueNumber, String valueText, String unit, LocalDate date,
        String sourceId) implements HistoryEntry {

    public ObservationEntry {
        Objects.requireNonNull(coding, "coding");
        if (valueNumber != null && (valueNumber.isNaN() || valueNumber.isInfinite())) {
            throw new InvalidValueException("valueNumber", "must be a finite number, got " + valueNumber);
        }
        valueText = Fields.optional("valueText", valueText, 500);
        unit = Fields.optional("unit", unit, 50);
        sourceId = Fields.optional("sourceId", sourceId, 200);
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.OBSERVATION;
    }
}

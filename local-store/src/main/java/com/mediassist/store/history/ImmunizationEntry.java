package com.mediassist.store.history;

import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A vaccine dose given.
 *
 * @param coding the vaccine (e.g. CVX 140 "Influenza, seasonal, injectable")
 * @param date when it was given, may be {@code null}
 * @param sourceId id in the source record, may be {@code null}
 */
public record ImmunizationEntry(Coding coding, LocalDate date, String sourceId) implements HistoryEntry {

    public ImmunizationEntry {
        Objects.requireNonNull(coding, "coding");
        sourceId = Fields.optional("sourceId", sourceId, 200);
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.IMMUNIZATION;
    }
}

package com.mediassist.store.history;

import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A vaccine dose given, or recorded as not given.
 *
 * @param coding the vaccine (e.g. CVX 140 "Influenza, seasonal, injectable")
 * @param date when it was given (or when it was recorded as not done), may be {@code null}
 * @param sourceId id in the source record, may be {@code null}
 * @param status {@code null} becomes {@link ImmunizationStatus#COMPLETED}
 */
public record ImmunizationEntry(Coding coding, LocalDate date, String sourceId, ImmunizationStatus status)
        implements HistoryEntry {

    public ImmunizationEntry {
        Objects.requireNonNull(coding, "coding");
        sourceId = Fields.optional("sourceId", sourceId, 200);
        status = status == null ? ImmunizationStatus.COMPLETED : status;
    }

    /** A dose given. */
    public ImmunizationEntry(Coding coding, LocalDate date, String sourceId) {
        this(coding, date, sourceId, ImmunizationStatus.COMPLETED);
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.IMMUNIZATION;
    }
}

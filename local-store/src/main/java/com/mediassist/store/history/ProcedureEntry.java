package com.mediassist.store.history;

import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A procedure done or a screening performed.
 *
 * @param coding the procedure (e.g. SNOMED CT 268556000 "Screening for malignant neoplasm of cervix")
 * @param category {@code null} becomes {@link ProcedureCategory#PROCEDURE}
 * @param date when it was done, may be {@code null}
 * @param sourceId id in the source record, may be {@code null}
 */
public record ProcedureEntry(Coding coding, ProcedureCategory category, LocalDate date, String sourceId)
        implements HistoryEntry {

    public ProcedureEntry {
        Objects.requireNonNull(coding, "coding");
        category = category == null ? ProcedureCategory.PROCEDURE : category;
        sourceId = Fields.optional("sourceId", sourceId, 200);
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.PROCEDURE;
    }
}

package com.mediassist.store.history;

import com.mediassist.store.sql.Fields;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An allergy or intolerance.
 *
 * @param coding the substance (e.g. SNOMED CT 373270004 "Penicillin")
 * @param reaction what happens, free text, may be {@code null} (at most 500 characters)
 * @param criticality may be {@code null} when not assessed
 * @param recordedDate when it was recorded, may be {@code null}
 * @param sourceId id in the source record, may be {@code null}
 */
public record AllergyEntry(Coding coding, String reaction, Criticality criticality, LocalDate recordedDate,
        String sourceId) implements HistoryEntry {

    public AllergyEntry {
        Objects.requireNonNull(coding, "coding");
        reaction = Fields.optional("reaction", reaction, 500);
        sourceId = Fields.optional("sourceId", sourceId, 200);
    }

    @Override
    public HistoryKind kind() {
        return HistoryKind.ALLERGY;
    }
}

package com.mediassist.store.history;

/**
 * One item of a patient's history, without its database identity. Each variant is one table.
 * {@link #sourceId()} is the id the item had in the record it was imported from (e.g. a FHIR
 * resource id); re-importing an item with the same source id updates it instead of adding a copy.
 */
public sealed interface HistoryEntry
        permits ConditionEntry, MedicationEntry, AllergyEntry, ImmunizationEntry, ProcedureEntry, ObservationEntry {

    /** Which table this entry belongs to. */
    HistoryKind kind();

    /** What the entry is about. */
    Coding coding();

    /** Id in the source record, {@code null} for items entered by hand. */
    String sourceId();
}

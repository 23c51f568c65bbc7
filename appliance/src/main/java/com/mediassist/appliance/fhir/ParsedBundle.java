package com.mediassist.appliance.fhir;

import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.patients.PatientDetails;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a FHIR bundle holds that the appliance uses, mapped to the store's records and checked.
 *
 * @param patient  the one patient's demographics
 * @param entries  the history items, each with its source id (the FHIR resource id)
 * @param skipped  resource types the appliance does not use (or entries it ignores, such as
 *                 entered-in-error ones) with how many of each, sorted by type
 */
public record ParsedBundle(PatientDetails patient, List<HistoryEntry> entries, Map<String, Integer> skipped) {

    public ParsedBundle {
        entries = List.copyOf(entries);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }
}

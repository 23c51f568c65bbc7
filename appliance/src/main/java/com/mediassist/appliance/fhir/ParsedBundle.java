package com.mediassist.appliance.fhir;

import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.notes.SignedNote;
import com.mediassist.store.patients.PatientDetails;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a FHIR bundle holds that the appliance uses, mapped to the store's records and checked.
 *
 * @param patient  the one patient's demographics (with the date of death, if any)
 * @param items    the history items, each with the appliance uid it carried (if any) and its source id
 * @param notes    the signed notes (Compositions)
 * @param skipped  resource types the appliance does not use (or entries it ignores, such as
 *                 entered-in-error ones) with how many of each, sorted by type
 */
public record ParsedBundle(PatientDetails patient, List<Item> items, List<SignedNote> notes,
        Map<String, Integer> skipped) {

    public ParsedBundle {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    /** The history entries, in bundle order. */
    public List<HistoryEntry> entries() {
        return items.stream().map(Item::entry).toList();
    }

    /**
     * One history item of the bundle.
     *
     * @param uid   the appliance's stable identifier ({@link FhirBundleWriter#ITEM_SYSTEM}), {@code null}
     *              when the record did not come from an appliance
     * @param entry the item
     */
    public record Item(String uid, HistoryEntry entry) {
    }
}

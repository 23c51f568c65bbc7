package com.mediassist.appliance.medication.service;

import com.mediassist.core.knowledge.ConditionCatalog;
import com.mediassist.store.history.AllergyEntry;
import com.mediassist.store.history.Coding;
import com.mediassist.store.history.ConditionEntry;
import com.mediassist.store.history.ConditionStatus;
import com.mediassist.store.history.HistoryEntry;
import com.mediassist.store.history.HistoryItem;
import com.mediassist.store.history.HistoryKind;
import com.mediassist.store.history.MedicationEntry;
import com.mediassist.store.history.MedicationStatus;
import com.mediassist.store.history.ObservationEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the knowledge engines need from a stored history: current medications, allergies, active
 * conditions (as a code the catalogue recognises, else their display text) and the latest eGFR.
 */
public record PatientClinicalData(List<String> medications, List<String> allergies, List<String> conditions,
                                  Double egfr) {

    private static final Set<MedicationStatus> CURRENT = Set.of(MedicationStatus.ACTIVE, MedicationStatus.ON_HOLD,
            MedicationStatus.INTENDED);
    private static final Set<ConditionStatus> ACTIVE = Set.of(ConditionStatus.ACTIVE, ConditionStatus.RECURRENCE,
            ConditionStatus.RELAPSE);

    /** Extracts the data from a patient's history as returned by the store. */
    public static PatientClinicalData from(Map<HistoryKind, List<HistoryItem>> history, ConditionCatalog catalog) {
        List<String> meds = new ArrayList<>();
        List<String> allergies = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Double egfr = null;
        LocalDate egfrDate = null;
        for (List<HistoryItem> items : history.values()) {
            for (HistoryItem item : items) {
                HistoryEntry entry = item.entry();
                if (entry instanceof MedicationEntry m) {
                    if (m.status() == null || CURRENT.contains(m.status())) {
                        meds.add(m.coding().display());
                    }
                } else if (entry instanceof AllergyEntry a) {
                    allergies.add(a.coding().display());
                } else if (entry instanceof ConditionEntry c) {
                    if (c.status() == null || ACTIVE.contains(c.status())) {
                        conditions.add(conditionText(c.coding(), catalog));
                    }
                } else if (entry instanceof ObservationEntry o && o.valueNumber() != null && o.coding().code() != null
                        && ConditionCatalog.EGFR_LOINC.contains(o.coding().code())) {
                    LocalDate when = o.date() == null ? LocalDate.MIN : o.date();
                    if (egfrDate == null || when.isAfter(egfrDate)) {
                        egfr = o.valueNumber();
                        egfrDate = when;
                    }
                }
            }
        }
        return new PatientClinicalData(List.copyOf(meds), List.copyOf(allergies), List.copyOf(conditions), egfr);
    }

    /** The code when the catalogue recognises it (SNOMED CT, ICD-10), otherwise the display text. */
    static String conditionText(Coding coding, ConditionCatalog catalog) {
        if (coding.code() != null) {
            String code = (coding.system() == null ? "" : coding.system() + "|") + coding.code();
            if (catalog.resolve(code).recognised()) {
                return code;
            }
        }
        return coding.display();
    }
}

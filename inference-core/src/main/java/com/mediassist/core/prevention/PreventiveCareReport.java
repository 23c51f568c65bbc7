package com.mediassist.core.prevention;

import java.time.LocalDate;
import java.util.List;

/**
 * Preventive care for a patient on a date.
 *
 * @param asOf             the "today" the report was computed for
 * @param ageYears         completed years of age on that date
 * @param programme        the programme used
 * @param items            one per recommendation, applicable or not
 * @param knowledgeVersion version of the preventive-care knowledge
 * @param deceased         {@code true} when the patient has died: then there are no items
 */
public record PreventiveCareReport(LocalDate asOf, int ageYears, Programme programme, List<PreventiveItem> items,
                                   String knowledgeVersion, boolean deceased) {

    public PreventiveCareReport {
        items = List.copyOf(items);
    }
}

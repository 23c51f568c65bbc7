package com.mediassist.appliance.prevention.rest;

import com.mediassist.core.prevention.PreventiveItem;
import java.time.LocalDate;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/patients/{id}/preventive-care}.
 *
 * @param patientId        the patient
 * @param asOf             the date the statuses refer to
 * @param ageYears         the patient's age on that date
 * @param programme        {@code papps} or {@code uspstf}
 * @param items            one per recommendation, with status and dates
 * @param knowledgeVersion version of the preventive-care knowledge
 * @param language         language of the texts
 * @param notice           reminder that the appliance advises and the doctor decides
 * @param deceased         {@code true} when the patient has died: no preventive care, {@code items} is empty
 */
public record PreventiveCareResponse(long patientId, LocalDate asOf, int ageYears, String programme,
                                     List<PreventiveItem> items, String knowledgeVersion, String language,
                                     String notice, boolean deceased) {
}

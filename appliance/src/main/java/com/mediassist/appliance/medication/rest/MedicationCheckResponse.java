package com.mediassist.appliance.medication.rest;

import com.mediassist.core.medication.Alert;
import com.mediassist.core.medication.MedicationMatch;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/medication-check}.
 *
 * @param medications            every medication checked (typed first, then stored), with its ingredients
 * @param unknown                names that were not recognised
 * @param alerts                 most severe first
 * @param interrupt              whether any alert should interrupt prescribing
 * @param storedMedications      the stored medications that were added for {@code patientId}
 * @param unrecognisedAllergies  allergy entries that named no known drug or class
 * @param unrecognisedConditions condition entries that mapped to no known concept
 * @param knowledgeVersion       version of the knowledge that produced the alerts
 * @param language               language of the texts
 * @param notice                 reminder that the appliance advises and the doctor decides
 */
public record MedicationCheckResponse(List<MedicationMatch> medications, List<String> unknown, List<Alert> alerts,
                                      boolean interrupt, List<String> storedMedications,
                                      List<String> unrecognisedAllergies, List<String> unrecognisedConditions,
                                      String knowledgeVersion, String language, String notice) {
}

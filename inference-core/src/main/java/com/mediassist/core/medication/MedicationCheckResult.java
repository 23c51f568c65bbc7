package com.mediassist.core.medication;

import java.util.List;

/**
 * Result of a medication check.
 *
 * @param medications            one match per requested medication, in order
 * @param unknown                the medications that were not recognised (never dropped silently)
 * @param alerts                 alerts, most severe first
 * @param unrecognisedAllergies  allergy entries that named no known drug or class
 * @param unrecognisedConditions condition entries that mapped to no known concept
 * @param knowledgeVersion       version of the medication knowledge that produced the alerts
 */
public record MedicationCheckResult(List<MedicationMatch> medications, List<String> unknown, List<Alert> alerts,
                                    List<String> unrecognisedAllergies, List<String> unrecognisedConditions,
                                    String knowledgeVersion) {

    public MedicationCheckResult {
        medications = List.copyOf(medications);
        unknown = List.copyOf(unknown);
        alerts = List.copyOf(alerts);
        unrecognisedAllergies = List.copyOf(unrecognisedAllergies);
        unrecognisedConditions = List.copyOf(unrecognisedConditions);
    }

    /** @return whether any alert asks to interrupt the prescriber */
    public boolean interrupts() {
        return alerts.stream().anyMatch(Alert::interrupt);
    }
}

package com.mediassist.appliance.fhir;

import java.util.Map;

/**
 * What an import did.
 *
 * @param patientId      the patient's id in the appliance
 * @param patientNumber  the patient number taken from the bundle (the MR identifier, else the first)
 * @param patientCreated {@code true} for a new patient, {@code false} when the number was known and
 *                       the demographics were updated
 * @param imported       per history kind ({@code conditions}, …): how many items were added and how
 *                       many already present (same source id) were updated
 * @param skipped        resource types not used, with counts
 */
public record ImportReport(long patientId, String patientNumber, boolean patientCreated,
        Map<String, Counts> imported, Map<String, Integer> skipped) {

    /**
     * @param created items added by this import
     * @param updated items that were already there and were refreshed
     */
    public record Counts(int created, int updated) {
    }
}

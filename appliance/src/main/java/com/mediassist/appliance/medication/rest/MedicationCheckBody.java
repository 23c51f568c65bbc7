package com.mediassist.appliance.medication.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/medication-check}. Bound strictly: unknown fields and wrong types are 400 problems naming the field.
 *
 * @param medications  what is being prescribed or taken, as typed (required unless {@code patientId})
 * @param patientId    a stored patient whose medications, allergies, conditions and eGFR are added
 * @param allergies    allergies as free text
 * @param conditions   conditions as text, ICD-10 or SNOMED CT codes
 * @param egfr         eGFR in mL/min/1.73 m²
 * @param observations lab observations; eGFR LOINC codes (e.g. 62238-1, 33914-3) or {@code "egfr"}
 * @param language     {@code es} (default) or {@code en}
 */
public record MedicationCheckBody(List<String> medications, Long patientId, List<String> allergies,
                                  List<String> conditions, Double egfr, List<Observation> observations,
                                  String language) {

    /** A lab value: code and numeric value (unit mL/min/1.73 m² for eGFR). */
        public record Observation(String code, Double value, String unit) {
    }
}

package com.mediassist.core.medication;

import com.mediassist.core.knowledge.Language;
import java.util.List;
import java.util.Objects;

/**
 * Input of a medication check.
 *
 * @param medications what was typed or stored, one medication per entry
 * @param allergies   the patient's allergies as free text ("penicilina", "AINE", "Augmentin")
 * @param conditions  the patient's conditions as text, ICD-10 or SNOMED CT codes
 * @param egfr        latest estimated glomerular filtration rate in mL/min/1.73 m², or {@code null}
 * @param language    language of the alert texts
 */
public record MedicationCheckRequest(List<String> medications, List<String> allergies, List<String> conditions,
                                     Double egfr, Language language) {

    public MedicationCheckRequest {
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(language, "language");
    }

    /** @return a request with only medications, in Spanish */
    public static MedicationCheckRequest of(List<String> medications) {
        return new MedicationCheckRequest(medications, List.of(), List.of(), null, Language.ES);
    }
}

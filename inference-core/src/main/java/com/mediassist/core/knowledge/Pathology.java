package com.mediassist.core.knowledge;

import java.util.List;

/**
 * One DDXPlus pathology.
 *
 * @param code        the stable code
 * @param ddxplusName the DDXPlus condition name (the label used in DDXPlus patient files)
 * @param name        the name in both languages
 * @param icd10       the ICD-10 code as given by DDXPlus
 * @param severity    DDXPlus severity, 1 (most severe) to 5
 * @param symptoms    the symptoms this pathology can present
 * @param antecedents the antecedents (history, risk factors) associated with it
 */
public record Pathology(PathologyCode code, String ddxplusName, Text name, String icd10, int severity,
                       List<EvidenceCode> symptoms, List<EvidenceCode> antecedents) {

    public Pathology {
        symptoms = List.copyOf(symptoms);
        antecedents = List.copyOf(antecedents);
    }

    /** Whether DDXPlus lists the evidence among this pathology's symptoms or antecedents. */
    public boolean canPresent(EvidenceCode evidence) {
        return symptoms.contains(evidence) || antecedents.contains(evidence);
    }
}

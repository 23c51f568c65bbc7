package com.mediassist.models;

import com.mediassist.core.knowledge.Sex;
import java.util.List;

/**
 * One DDXPlus patient row.
 *
 * @param age       years
 * @param sex       sex
 * @param pathology DDXPlus condition name (ground truth)
 * @param evidences present evidences in DDXPlus notation ({@code E_54_@_V_161})
 * @param initial   the chief complaint (an evidence code)
 */
public record PatientRecord(int age, Sex sex, String pathology, List<String> evidences, String initial) {

    public PatientRecord {
        evidences = List.copyOf(evidences);
    }
}

package com.mediassist.core.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What is known about a patient: age, sex, the findings present and the evidences asked and denied.
 * An evidence in neither list was not asked. Built and validated by
 * {@link Knowledge#findings(Integer, String, List, List)}.
 *
 * @param age     age in years, 0–120
 * @param sex     sex, female or male (the model knows no other); {@code null} in training data that lacks it
 * @param present the positive findings, in the order given
 * @param absent  the evidences asked and answered "no"
 */
public record PatientFindings(int age, Sex sex, List<Finding> present, Set<EvidenceCode> absent) {

    /** @throws IllegalArgumentException for a sex the model does not know (other, unknown) */
    public PatientFindings {
        if (sex != null && !sex.knownToModel()) {
            throw new IllegalArgumentException("the model knows female and male only, found " + sex.code());
        }
        present = List.copyOf(present);
        absent = Set.copyOf(new LinkedHashSet<>(absent));
    }

    /** Whether the evidence has been answered, either with a positive finding or denied. */
    public boolean answered(EvidenceCode evidence) {
        return absent.contains(evidence) || present.stream().anyMatch(f -> f.evidence().equals(evidence));
    }

    /** Whether the evidence has at least one positive finding. */
    public boolean isPresent(EvidenceCode evidence) {
        return present.stream().anyMatch(f -> f.evidence().equals(evidence));
    }

    /** A copy with more positive findings. */
    public PatientFindings withPresent(List<Finding> more) {
        List<Finding> all = new ArrayList<>(present);
        all.addAll(more);
        return new PatientFindings(age, sex, all, absent);
    }

    /** A copy with one more denied evidence. */
    public PatientFindings withAbsent(EvidenceCode evidence) {
        Set<EvidenceCode> all = new LinkedHashSet<>(absent);
        all.add(evidence);
        return new PatientFindings(age, sex, present, all);
    }
}

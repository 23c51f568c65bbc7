package com.mediassist.core.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * One DDXPlus evidence: a symptom or antecedent question.
 *
 * @param code         the evidence code
 * @param type         binary, categorical or multi-choice
 * @param parent       the question that must be answered "yes" before this one is asked (e.g. the pain
 *                     location {@code E_55} follows {@code E_53} "do you have pain"); {@code null} when none
 * @param antecedent   whether it is part of the history rather than a current symptom
 * @param question     the question in both languages
 * @param defaultValue for categorical and multi-choice evidences, the value that means "none"
 *                     (e.g. {@code V_123} "nowhere", {@code 0}); {@code null} for binary ones
 * @param values       the possible values in knowledge order; empty for binary evidences
 */
public record Evidence(EvidenceCode code, EvidenceType type, EvidenceCode parent, boolean antecedent,
                       Text question, String defaultValue, List<EvidenceValue> values) {

    public Evidence {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The value with the given code, if this evidence has it. */
    public Optional<EvidenceValue> value(String valueCode) {
        return values.stream().filter(v -> v.code().equals(valueCode)).findFirst();
    }

    /** Whether answers are yes/no. */
    @JsonIgnore
    public boolean isBinary() {
        return type == EvidenceType.BINARY;
    }

    /** The parent question, when this one is asked only after a "yes" to it. */
    public Optional<EvidenceCode> parentCode() {
        return Optional.ofNullable(parent);
    }
}

package com.mediassist.core.medication;

import com.fasterxml.jackson.annotation.JsonValue;

/** The check that produced an alert. */
public enum AlertKind {
    DRUG_DRUG("drug-drug"), DRUG_ALLERGY("drug-allergy"), DRUG_CONDITION("drug-condition"), DUPLICATE("duplicate");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}

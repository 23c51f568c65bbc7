package com.mediassist.appliance.consult.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coded reason a doctor gives for keeping a prescription despite an interrupting alert. The codes
 * are shared with the fleet's override analytics; free text may accompany any of them and is required
 * with {@link #OTHER}.
 */
public enum OverrideReason {
    /** The benefit of the combination outweighs its risk for this patient. */
    BENEFIT_OUTWEIGHS_RISK("benefit-outweighs-risk"),
    /** The risk is handled by planned monitoring (INR, potassium, ECG ...). */
    MONITORING_PLANNED("monitoring-planned"),
    /** The patient has taken the combination before without harm. */
    PATIENT_TOLERATED_BEFORE("patient-tolerated-before"),
    /** The alert does not apply to this patient or prescription. */
    NOT_RELEVANT("not-relevant"),
    /** Another reason, given in the free text. */
    OTHER("other");

    private final String code;

    OverrideReason(String code) {
        this.code = code;
    }

    /** @return the code as sent and stored ({@code benefit-outweighs-risk} ...) */
    public String code() {
        return code;
    }

    /** @return every code, in declaration order */
    public static List<String> codes() {
        return Arrays.stream(values()).map(OverrideReason::code).toList();
    }

    /** @return the reason with this code (case-insensitive, trimmed), or empty for an unknown one */
    public static Optional<OverrideReason> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.code.equals(c)).findFirst();
    }
}

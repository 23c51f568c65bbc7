package com.mediassist.sync.upload.event;

/** Why an alert was overridden, as a category the doctor picks; the reason text never leaves. */
public enum OverrideCategory implements Coded {
    BENEFIT_OUTWEIGHS_RISK, MONITORING_PLANNED, PATIENT_TOLERATED_BEFORE, NOT_RELEVANT, OTHER;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

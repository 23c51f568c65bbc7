package com.mediassist.sync.upload.event;

/** A medication alert's severity as the rule that fired states it. */
public enum AlertSeverity implements Coded {
    CONTRAINDICATED, MAJOR, MODERATE, MINOR;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

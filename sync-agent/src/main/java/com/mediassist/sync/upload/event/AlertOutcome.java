package com.mediassist.sync.upload.event;

/** What became of a medication alert: shown, accepted (prescription changed) or overridden. */
public enum AlertOutcome implements Coded {
    SHOWN, ACCEPTED, OVERRIDDEN;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

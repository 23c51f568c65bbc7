package com.mediassist.sync.upload.event;

/** What the doctor did with a suggestion ({@code shown}: nothing yet). */
public enum FeedbackAction implements Coded {
    SHOWN, ACCEPTED, DISMISSED, OVERRIDDEN;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

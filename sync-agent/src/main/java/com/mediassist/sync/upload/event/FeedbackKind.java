package com.mediassist.sync.upload.event;

/** What kind of suggestion the feedback is about. */
public enum FeedbackKind implements Coded {
    DIAGNOSIS, TEST, QUESTION, PREVENTION;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package com.mediassist.core.summary;

/** The note is longer than {@link SummaryOptions#maxChars()}. */
public final class NoteTooLongException extends SummaryException {

    private final int maxChars;
    private final int foundChars;

    public NoteTooLongException(int maxChars, int foundChars) {
        super("note text must be at most " + maxChars + " characters, found " + foundChars);
        this.maxChars = maxChars;
        this.foundChars = foundChars;
    }

    public int maxChars() {
        return maxChars;
    }

    public int foundChars() {
        return foundChars;
    }
}

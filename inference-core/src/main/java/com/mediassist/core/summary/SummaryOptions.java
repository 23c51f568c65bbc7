package com.mediassist.core.summary;

/**
 * Options of the extractor.
 *
 * @param maxChars longest note accepted, in characters; default 100 000 (about 15 000 words)
 */
public record SummaryOptions(int maxChars) {

    public static final int DEFAULT_MAX_CHARS = 100_000;

    public SummaryOptions {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, found " + maxChars);
        }
    }

    public static SummaryOptions defaults() {
        return new SummaryOptions(DEFAULT_MAX_CHARS);
    }
}

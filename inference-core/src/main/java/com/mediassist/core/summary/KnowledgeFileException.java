package com.mediassist.core.summary;

/** A knowledge resource of the extractor (lexicon, rules) is missing or has a malformed line. */
public final class KnowledgeFileException extends SummaryException {

    public KnowledgeFileException(String message) {
        super(message);
    }

    public KnowledgeFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

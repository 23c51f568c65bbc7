package com.mediassist.appliance.summary.service;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryExtractor;
import com.mediassist.core.summary.SummaryOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds the extractor (its knowledge files are read once, at start-up) and runs it. Thread-safe.
 */
@ApplicationScoped
public class SummaryService {

    private final SummaryExtractor extractor;

    public SummaryService(SummaryConfig config) {
        this.extractor = SummaryExtractor.load(new SummaryOptions(config.maxChars()));
    }

    /**
     * @param language the note's language, {@code null} to detect it
     * @throws com.mediassist.core.summary.SummaryException for empty, binary or too long text
     */
    public StructuredNote extract(String text, Language language) {
        return extractor.extract(text, language);
    }

    public int maxChars() {
        return extractor.options().maxChars();
    }
}

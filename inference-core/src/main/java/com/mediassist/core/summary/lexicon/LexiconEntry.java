package com.mediassist.core.summary.lexicon;

import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.summary.FindingStatus;

import java.util.List;

/**
 * What a lexicon surface form stands for.
 *
 * @param evidence the primary evidence, {@code null} for a finding DDXPlus has no evidence for
 * @param values   extra coded values the form implies (lumbalgia: pain in the lumbar spine)
 * @param inherent a status the word itself carries ("afebril" denies fever), else {@code null}
 * @param concept  for a finding DDXPlus has no evidence for, its concept in
 *                 {@link com.mediassist.core.fit.UnmappedConcepts} ({@code dysuria}); else {@code null}
 */
public record LexiconEntry(Finding evidence, List<Finding> values, FindingStatus inherent, String concept) {

    public LexiconEntry {
        values = List.copyOf(values);
    }

    /** An entry that is not an unmapped concept. */
    public LexiconEntry(Finding evidence, List<Finding> values, FindingStatus inherent) {
        this(evidence, values, inherent, null);
    }

    /** Pain findings take location, character, intensity and onset from the words after them. */
    public boolean isPain() {
        return evidence != null && "E_53".equals(evidence.evidence().value());
    }
}

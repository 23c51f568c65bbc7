package com.mediassist.core.summary;

import com.mediassist.core.summary.lexicon.Tokenizer;
import com.mediassist.core.summary.sections.SectionDetector;

/** Test access to the section detector's onset rule, on folded words as the detector sees them. */
final class SectionDetectorAccess {

    private SectionDetectorAccess() {
    }

    static boolean opensWithOnset(String sentence) {
        return SectionDetector.opensWithOnset(Tokenizer.words(sentence));
    }
}

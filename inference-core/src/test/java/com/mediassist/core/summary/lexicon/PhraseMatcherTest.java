package com.mediassist.core.summary.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static String[] words(String text) {
        return Tokenizer.words(text);
    }

    @Test
    void numberWordMatchesAnyNumberIncludingADecimalSplitInTwoWords() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("perdida de num kg", "weight-loss");
        String[] w = words("perdida de 4,5 kg en un mes");
        PhraseMatcher.Match<String> match = m.longestAt(w, 0);
        assertEquals("weight-loss", match.payload());
        assertEquals(5, match.length());
    }

    @Test
    void numberWordDoesNotMatchAWord() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("lost num lb", "weight-loss");
        assertNull(m.longestAt(words("lost some lb"), 0));
    }

    @Test
    void longestActualMatchWinsOverALongerPhraseThatFails() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("lost weight", "short");
        m.add("lost about num lb", "long");
        assertEquals("long", m.longestAt(words("lost about 8 lb"), 0).payload());
        assertEquals("short", m.longestAt(words("lost weight"), 0).payload());
    }
}

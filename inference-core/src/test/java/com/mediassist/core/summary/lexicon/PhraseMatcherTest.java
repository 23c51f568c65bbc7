package com.mediassist.core.summary.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void insertableWordsMayStandInsideAPhraseButNotBeyondTheLimit() {
        PhraseMatcher<String> m = new PhraseMatcher<>(java.util.Set.of("derecho", "muy", "leve"));
        m.add("timpano abombado", "bulging");
        assertEquals(3, m.longestAt(words("timpano derecho abombado"), 0).length());
        assertEquals(4, m.longestAt(words("timpano derecho muy abombado"), 0).length());
        assertNull(m.longestAt(words("timpano derecho muy leve abombado"), 0));
        PhraseMatcher<String> plain = new PhraseMatcher<>();
        plain.add("timpano abombado", "bulging");
        assertNull(plain.longestAt(words("timpano derecho abombado"), 0));
    }

    @Test
    void anInterchangeablePrepositionStandsForAnotherOnlyInsideAPhrase() {
        PhraseMatcher<String> m = new PhraseMatcher<>(java.util.Set.of(), java.util.Set.of("on", "when"));
        m.add("burning when passing urine", "dysuria");
        m.add("worse when", "worse");
        assertThat(m.findAll(Tokenizer.words("burning on passing urine"))).extracting(PhraseMatcher.Match::payload)
                .containsExactly("dysuria");
        assertThat(m.findAll(Tokenizer.words("worse on"))).isEmpty();
    }
}

package com.mediassist.core.summary.lexicon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InflectionTest {

    private static String key(String word) {
        return Inflection.key(word);
    }

    @Test
    void numberAndGenderFormsShareAKey() {
        assertThat(key("vomitos")).isEqualTo(key("vomito"));
        assertThat(key("hinchada")).isEqualTo(key("hinchado")).isEqualTo(key("hinchados"));
        assertThat(key("dolores")).isEqualTo("dolor").isEqualTo(key("dolor"));
        assertThat(key("palidos")).isEqualTo(key("palido"));
        assertThat(key("allergies")).isEqualTo(key("allergy"));
        assertThat(key("swells")).isEqualTo(key("swell"));
    }

    @Test
    void spanishVerbFormsShareTheNounsKey() {
        assertThat(key("vomita")).isEqualTo(key("vomito")).isEqualTo(key("vomitando"));
        assertThat(key("sangrando")).isEqualTo(key("sangre"));
        assertThat(key("tosiendo")).isEqualTo("tos");
    }

    @Test
    void englishIngAndEdFormsShareTheVerbsKey() {
        assertThat(key("wheezing")).isEqualTo(key("wheeze")).isEqualTo(key("wheezed"));
        assertThat(key("vomited")).isEqualTo(key("vomiting")).isEqualTo(key("vomit"));
        assertThat(key("swelling")).isEqualTo(key("swell"));
        assertThat(key("stopped")).isEqualTo(key("stop"));
        assertThat(key("during")).as("a stem shorter than four letters is no verb").isEqualTo("during");
    }

    @Test
    void englishNessNounsShareTheAdjectivesKey() {
        assertThat(key("dizziness")).isEqualTo(key("dizzy"));
        assertThat(key("stiffness")).isEqualTo(key("stiff"));
        assertThat(key("numbness")).isEqualTo(key("numb"));
    }

    @Test
    void spanishPastFormsShareThePresentsKey() {
        assertThat(key("vomitaba")).isEqualTo(key("vomita")).isEqualTo(key("vomitaron"));
        assertThat(key("mareaban")).isEqualTo(key("mareo"));
    }

    @Test
    void aConditionAndItsAdjectiveShareAKey() {
        assertThat(key("hipotiroidismo")).isEqualTo(key("hipotiroidea"));
        assertThat(key("hypothyroidism")).isEqualTo(key("hypothyroid"));
    }

    @Test
    void shortWordsNumbersAndLatinEndingsAreTheirOwnKey() {
        assertThat(key("tos")).isEqualTo("tos");
        assertThat(key("ojos")).isEqualTo("ojos");
        assertThat(key("gota")).isEqualTo("gota");
        assertThat(key("num")).isEqualTo("num");
        assertThat(key("38c5")).isEqualTo("38c5");
        assertThat(key("crisis")).isEqualTo("crisis");
        assertThat(key("virus")).isEqualTo("virus");
        assertThat(key(null)).isNull();
    }

    @Test
    void keysKeepPunctuationMarks() {
        assertThat(Inflection.keys(new String[] {"vomitos", null, "fiebres"})).containsExactly("vomit", null, "fiebr");
    }
}

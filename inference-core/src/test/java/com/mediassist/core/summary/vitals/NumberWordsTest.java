package com.mediassist.core.summary.vitals;

import org.junit.jupiter.api.Test;

import com.mediassist.core.summary.Span;
import com.mediassist.core.summary.Vital;
import com.mediassist.core.summary.VitalKind;

import static org.assertj.core.api.Assertions.assertThat;

class NumberWordsTest {

    @Test
    void spanishAndEnglishDictatedNumbersBecomeDigits() {
        assertThat(NumberWords.digitise("tension ciento cuarenta y ocho sesenta y ocho").text()).isEqualTo("tension 148 68");
        assertThat(NumberWords.digitise("temperatura treinta y siete con ocho").text()).isEqualTo("temperatura 37,8");
        assertThat(NumberWords.digitise("BP one forty over ninety-two").text()).isEqualTo("BP 140 over 92");
        assertThat(NumberWords.digitise("one hundred and ten").text()).isEqualTo("110");
    }

    @Test
    void aLoneArticleAndTheEnglishOnceStayWords() {
        String text = "Tiene un hijo; ibuprofen once daily, one tablet.";
        assertThat(NumberWords.digitise(text).text()).isEqualTo(text);
    }

    @Test
    void aDigitisedSpanPointsBackToTheWordsItCameFrom() {
        String text = "la tension es de ciento cuarenta y ocho sesenta y ocho, pulso noventa";
        NumberWords.Digitised d = NumberWords.digitise(text);
        int at = d.text().indexOf("148");
        assertThat(d.original(new Span(at, at + 3)).of(text)).isEqualTo("ciento cuarenta y ocho");
    }

    @Test
    void vitalsDictatedInWordsAreReadWithSpansInTheOriginalText() {
        String text = "la tension es de ciento cuarenta y ocho sesenta y ocho y frecuencia cardiaca de noventa y dos";
        var vitals = new VitalsExtractor().extract(text);
        assertThat(vitals).extracting(Vital::kind, Vital::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(VitalKind.SYSTOLIC, 148.0),
                org.assertj.core.groups.Tuple.tuple(VitalKind.DIASTOLIC, 68.0),
                org.assertj.core.groups.Tuple.tuple(VitalKind.HEART_RATE, 92.0));
        assertThat(vitals.get(0).text()).isEqualTo("tension es de ciento cuarenta y ocho sesenta y ocho");
        assertThat(vitals.get(2).text()).startsWith("frecuencia cardiaca de noventa y dos");
    }
}

package com.mediassist.core.summary.vitals;

import com.mediassist.core.summary.Vital;
import com.mediassist.core.summary.VitalKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VitalsExtractorTest {

    private final VitalsExtractor vitals = new VitalsExtractor();

    private List<Vital> of(String text, VitalKind kind) {
        return vitals.extract(text).stream().filter(v -> v.kind() == kind).toList();
    }

    @Test
    void aHeightInFeetAndInchesIsReadInCentimetres() {
        assertThat(of("BP 146/90, Wt 196 lb, Ht 5'4\".", VitalKind.HEIGHT)).extracting(Vital::value).containsExactly(162.6);
        assertThat(of("height 5 ft 5 in, weight 150 lb", VitalKind.HEIGHT)).extracting(Vital::value).containsExactly(165.1);
        assertThat(of("Ht 6'", VitalKind.HEIGHT)).extracting(Vital::value).containsExactly(182.9);
        assertThat(of("Talla 1,70 m. Ht 170 cm", VitalKind.HEIGHT)).extracting(Vital::value).containsExactly(170.0, 170.0);
    }

    @Test
    void aLonePLabelsAPulseOnlyWithItsNumberRightAfterIt() {
        assertThat(of("BP 146/90, P 80, Wt 196 lb", VitalKind.HEART_RATE)).extracting(Vital::value).containsExactly(80.0);
        assertThat(of("P: paracetamol 1 g cada 8 horas, control en 10 dias", VitalKind.HEART_RATE)).isEmpty();
        assertThat(of("G2P1, p 0,05", VitalKind.HEART_RATE)).isEmpty();
    }

    @Test
    void aRepeatedBloodPressureRightAfterTheFirstIsAlsoABloodPressure() {
        assertThat(of("O/ BP 152/98, repeat 148/94. HR 76.", VitalKind.SYSTOLIC)).extracting(Vital::value)
                .containsExactly(152.0, 148.0);
        assertThat(of("TA 158/104, repetida 162/100. Peso 78 kg", VitalKind.DIASTOLIC)).extracting(Vital::value)
                .containsExactly(104.0, 100.0);
        assertThat(of("TA 164/102 y 158/98 (brazo izdo), FC 78", VitalKind.SYSTOLIC)).extracting(Vital::value)
                .containsExactly(164.0, 158.0);
        assertThat(of("Fostair 100/6 y 200/6 en casa", VitalKind.SYSTOLIC)).isEmpty();
    }

    @Test
    void aTemperatureWithoutUnitBetween90And110IsInFahrenheit() {
        assertThat(of("Vitals: T 98.9, HR 96, RR 22.", VitalKind.TEMPERATURE)).extracting(Vital::value).containsExactly(37.2);
        assertThat(of("Tª 37,8, FC 90.", VitalKind.TEMPERATURE)).extracting(Vital::value).containsExactly(37.8);
        assertThat(of("T 120 mg", VitalKind.TEMPERATURE)).isEmpty();
    }
}

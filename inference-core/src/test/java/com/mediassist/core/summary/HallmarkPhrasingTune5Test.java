package com.mediassist.core.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hallmark findings of in-scope pathologies as a fifth hand writes them (issue 21, fit ninth pass): haemoptysis as
 * blood streaks, epiglottitis' muffled voice, stridor and inability to swallow saliva, an infant's laboured breathing,
 * and a test whose result is unknown is no finding. Every sentence here was written for the test.
 */
class HallmarkPhrasingTune5Test {

    private static List<String> codes(StructuredNote n) {
        return n.evidences().stream().map(Object::toString).toList();
    }

    @Test
    void bloodStreaksInTheSputumAreHaemoptysis() {
        assertThat(codes(en("Cough for weeks, now blood streaks in sputum."))).contains("E_45");
        assertThat(codes(es("Alguna vez esputo con hilos de sangre."))).contains("E_45");
        assertThat(codes(en("Productive cough, twice streaked with blood."))).contains("E_45");
    }

    @Test
    void aStatusOfUnknownResultIsNoFinding() {
        assertThat(codes(en("Smoker. HIV status unknown."))).doesNotContain("E_2");
        assertThat(codes(en("Cough 2 months.\nCXR urgent, sputum x3 AFB, HIV test."))).doesNotContain("E_2");
    }

    @Test
    void theMuffledVoiceStridorAndDroolingOfEpiglottitisAreRead() {
        assertThat(codes(es("No traga ni la saliva, babea."))).contains("E_65", "E_190");
        assertThat(codes(es("Voz apagada, de patata caliente."))).contains("E_212");
        assertThat(codes(en("Muffled hot-potato voice."))).contains("E_212");
        assertThat(codes(es("Ruido inspiratorio suave."))).contains("E_194");
    }

    @Test
    void anInfantsLabouredBreathingAndWheezeOnAuscultationAreRead() {
        assertThat(codes(es("Desde ayer respiracion rapida y mas trabajo al respirar."))).contains("E_66");
        assertThat(codes(es("FR 56, Sat 94%. AP: crepitantes finos y sibilancias bilaterales."))).contains("E_214");
        // the same label before a history stays the past history
        assertThat(codes(es("AP: asma en la infancia. Tos desde ayer."))).doesNotContain("E_214");
    }
}

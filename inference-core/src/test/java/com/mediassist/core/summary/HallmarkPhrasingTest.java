package com.mediassist.core.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How doctors write the hallmark findings of some in-scope pathologies (issue 21, fit eighth pass), with the codes
 * DDXPlus' French questions give them: E_202 "toux aboyante" is croup's barking cough (listed by croup only),
 * E_112 "inspiration sifflante après vos quintes de toux" the whoop of whooping cough (listed by it only), E_214
 * the wheeze of asthma, COPD and bronchitis; from a fifth hand: haemoptysis as blood streaks, epiglottitis' muffled
 * voice, stridor and inability to swallow saliva, an infant's laboured breathing, and an HIV test or an unknown HIV
 * status is no HIV. Every sentence here was written for the test.
 */
class HallmarkPhrasingTest {

    private static List<String> codes(StructuredNote n) {
        return n.evidences().stream().map(Object::toString).toList();
    }

    @Test
    void aBarkingCoughIsCroupsBarkNotAPlainCough() {
        assertThat(codes(en("Barking cough like a seal since last night."))).contains("E_202").doesNotContain("E_201");
        assertThat(codes(en("Croupy cough, hoarse cry."))).contains("E_202");
        assertThat(codes(es("Tos perruna y afonía desde anoche."))).contains("E_202");
        assertThat(codes(es("Tos de foca por la noche."))).contains("E_202");
    }

    @Test
    void theWhoopAfterACoughingFitIsWhoopingCoughsNotCroupsBark() {
        assertThat(codes(es("Accesos de tos que acaban en un gallo al coger aire."))).contains("E_112").doesNotContain("E_202");
        assertThat(codes(es("Al final coge aire con un ruido como un gallo."))).contains("E_112");
        assertThat(codes(en("Paroxysms of cough ending in an inspiratory whoop."))).contains("E_203", "E_112");
        assertThat(codes(es("Ahora son accesos de tos muy\nintensos."))).contains("E_203");
        assertThat(codes(es("A veces vomita despues de toser."))).contains("E_166");
        assertThat(codes(en("Post-tussive vomiting twice."))).contains("E_166");
        // the disease's name is the doctor's assessment, not a finding of the patient
        assertThat(codes(es("Sospecha de tos ferina."))).doesNotContain("E_202", "E_112");
    }

    @Test
    void aWheezeIsTheWheezeOfAsthmaAndBronchitis() {
        assertThat(codes(en("Wheezing and a tight chest."))).contains("E_214").doesNotContain("E_112");
        assertThat(codes(es("Sibilancias en ambos campos."))).contains("E_214").doesNotContain("E_112");
    }

    @Test
    void aRegularRacingHeartAndLightheadednessAreRead() {
        assertThat(codes(en("Sudden-onset rapid regular heartbeat, mild lightheadedness."))).contains("E_155", "E_76");
    }

    @Test
    void aToddlerTuggingAtHisEarHasEarPain() {
        assertThat(codes(en("Fever, crying, tugging at L ear."))).contains("E_53", "E_55_@_V_130");
    }

    @Test
    void theAutonomicSignsOfClusterHeadacheAreRead() {
        assertThat(codes(en("During attacks the L eye waters and the L nostril runs."))).contains("E_127", "E_181");
        // high-flow oxygen is its treatment, not a vaginal discharge
        assertThat(codes(es("Oxígeno de alto flujo y sumatriptán."))).doesNotContain("E_163");
    }

    @Test
    void perioralTinglingIsThePanicAttacksTingling() {
        assertThat(codes(en("Tingling in both hands and around the mouth."))).contains("E_157");
        assertThat(codes(es("Hormigueo alrededor de la boca."))).contains("E_157");
    }

    @Test
    void exertionalChestTightnessIsReadAndARestingEcgIsNoChestPainAtRest() {
        assertThat(codes(es("Opresión en el centro del pecho al subir la cuesta."))).contains("E_53", "E_55_@_V_101", "E_218");
        assertThat(codes(es("ECG de reposo normal."))).doesNotContain("E_14");
        assertThat(codes(en("Resting ECG normal."))).doesNotContain("E_14");
        assertThat(codes(en("Chest pain at rest for 20 min."))).contains("E_14");
    }

    // a fifth hand (tune5, fit ninth pass)
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

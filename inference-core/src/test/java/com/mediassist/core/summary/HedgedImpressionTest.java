package com.mediassist.core.summary;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diagnosis the clinician writes as considered in the assessment ("probable", "likely", "impresiona de",
 * "X vs Y", "?X") is hypothetical, and so is what the considered impression comes with (issue 16, fifth pass).
 * Every note here was written for the test.
 */
class HedgedImpressionTest {

    /** The status of the first finding whose text holds {@code words}, listing the findings when none does. */
    private static Optional<FindingStatus> status(StructuredNote n, String words) {
        Optional<FindingStatus> s = n.findings().stream()
                .filter(f -> f.text().toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT)))
                .map(Finding::status).findFirst();
        assertThat(s).as("a finding holding \"%s\" among %s", words, n.findings()).isPresent();
        return s;
    }

    @Test
    void aHedgeOnTheImpressionReachesWhatTheImpressionComesWith() {
        StructuredNote n = en("Impression: probable UTI with delirium. Plan: nitrofurantoin 100 mg bd.");
        assertThat(status(n, "delirium")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(en("Fever with cough since Monday."), "cough")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aQueryMarkReachesTheWordsStuckToIt() {
        StructuredNote n = en("Imp: prepatellar bursitis ?septic ?gout flare.");
        assertThat(status(n, "flare")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(en("Fever? no. Cough for 3 days."), "Cough")).contains(FindingStatus.PRESENT);
    }

    @Test
    void spanishHedgedImpressionsAreConsidered() {
        assertThat(status(es("JC: probable neumonía adquirida en la comunidad."), "neumonía"))
                .contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Impresiona de faringitis vírica."), "faringitis")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Sospecha de apendicitis aguda."), "apendicitis")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Cuadro compatible con gastroenteritis aguda."), "gastroenteritis"))
                .contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Probablemente neumonía."), "neumonía")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Posiblemente migraña."), "migraña")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aHedgedCauseIsNoConsideredDiagnosisOfTheCause() {
        // the clinician hedges why the reflux got worse, not whether the patient takes the NSAID
        assertThat(status(es("Impresión: ERGE, agravada probablemente por el AINE."), "AINE"))
                .contains(FindingStatus.PRESENT);
    }

    @Test
    void englishHedgedImpressionsAreConsidered() {
        assertThat(status(en("A: likely viral pharyngitis."), "pharyngitis")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(en("Possibly pneumonia."), "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(en("Looks like otitis media."), "otitis media")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(en("Findings in keeping with pneumonia."), "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(en("Query appendicitis, surgical review."), "appendicitis")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void bothSidesOfAnXVersusYImpressionAreConsidered() {
        StructuredNote n = en("Imp: pneumonia vs pulmonary embolism.");
        assertThat(status(n, "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "pulmonary embolism")).contains(FindingStatus.HYPOTHETICAL);
        StructuredNote s = es("JC: otitis media vs otitis externa.");
        assertThat(status(s, "otitis media")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void anIllnessSomeDaysBeforeTheComplaintIsHistory() {
        assertThat(status(en("24M, 4 days after a flu-like illness, sharp central chest pain."), "flu"))
                .contains(FindingStatus.HISTORICAL);
        assertThat(status(es("Dolor torácico 3 días después de un cuadro gripal."), "cuadro gripal"))
                .contains(FindingStatus.HISTORICAL);
        assertThat(status(en("One admission for asthma in March this year."), "asthma")).contains(FindingStatus.HISTORICAL);
    }
}

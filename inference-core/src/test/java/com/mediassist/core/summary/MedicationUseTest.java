package com.mediassist.core.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mediassist.core.knowledge.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Which medicines of a note answer the "do you take…" evidences: taken ones do; new, stopped or clinic-given ones do not. */
class MedicationUseTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static List<String> evidences(String text, Language language) {
        return EXTRACTOR.extract(text, language).evidences().stream().map(Object::toString).toList();
    }

    @Test
    void aMedicineTheNoteSaysThePatientTakesAnswersItsClassEvidence() {
        assertThat(evidences("Medicación habitual: ibuprofeno 600 mg cada 8 horas.", Language.ES)).contains("E_10");
        assertThat(evidences("DH: Fostair 100/6 2 puffs BD.", Language.EN)).contains("E_44");
        assertThat(evidences("Toma Diane 35 desde hace un año.", Language.ES)).contains("E_100");
    }

    @Test
    void aMedicinePrescribedWithoutAPlanHeadingAnswersNothing() {
        assertThat(evidences("Se pauta ibuprofeno 600 mg cada 8 horas.", Language.ES)).doesNotContain("E_10");
        assertThat(evidences("Start naproxen 500 mg BD with food.", Language.EN)).doesNotContain("E_10");
        assertThat(evidences("Gout R 1st MTPJ. Naproxen 500mg BD 7/7.", Language.EN)).doesNotContain("E_10");
        assertThat(evidences("Discharge medications: apixaban 5 mg BID.", Language.EN)).doesNotContain("E_146");
        assertThat(evidences("Tratamiento al alta:\n- apixabán 5 mg cada 12 horas", Language.ES)).doesNotContain("E_146");
    }

    @Test
    void aStartDatedInThePastIsAMedicineTaken() {
        assertThat(evidences("Started on amlodipine 5 mg 2 years ago.", Language.EN)).contains("E_149");
    }

    @Test
    void aStoppedOrLongAgoMedicineAnswersNothingButARecentCourseDoes() {
        assertThat(evidences("Dejó de tomar ibuprofeno hace 2 semanas.", Language.ES)).doesNotContain("E_10");
        assertThat(evidences("Used Flonase last spring.", Language.EN)).doesNotContain("E_44");
        assertThat(evidences("Meds: Symbicort 160/4.5 2 puffs BID (admits not taking it).", Language.EN))
                .doesNotContain("E_44");
        assertThat(evidences("Was on amoxicillin for an ear infection two weeks ago.", Language.EN)).contains("E_1");
    }

    @Test
    void aSingleDoseGivenIntoAMuscleAnswersNothingButADepotTakenRegularlyDoes() {
        assertThat(evidences("Cólico renal. Enantyum 50 mg im.", Language.ES)).doesNotContain("E_10");
        assertThat(evidences("Contraception: Depo-Provera 150 mg IM q3 months.", Language.EN)).contains("E_100");
    }
}

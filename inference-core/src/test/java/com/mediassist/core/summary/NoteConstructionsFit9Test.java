package com.mediassist.core.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mediassist.core.knowledge.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * General constructions of the note reader found on a new hand's notes (issue 21, branch fit9): a complaint told after an
 * inline past history, a medicine given or written in this visit's plan, a barking cough named after the animal, and a
 * pregnancy that is the mother's.
 */
class NoteConstructionsFit9Test {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static List<String> evidences(String text, Language language) {
        return EXTRACTOR.extract(text, language).evidences().stream().map(Object::toString).toList();
    }

    @Test
    void aSentenceOpeningWithTheComplaintsDurationEndsAnInlinePastHistory() {
        assertThat(evidences("71M. PMH: T2DM on metformin, HTN, BPH. Ex-smoker, no known lung disease.\n"
                + "4/7 cough, now productive of rusty sputum, fevers and rigors overnight.", Language.EN))
                .contains("E_201", "E_91");
        assertThat(evidences("67M. PMH: HTN, hypercholesterolaemia, gout, ex-smoker. 2 months of chest tightness when "
                + "walking up the hill.", Language.EN)).contains("E_53");
        assertThat(evidences("78F. PMH: hypothyroidism, HTN, OA hips. Lives alone.\n3 days heart fluttering and more "
                + "breathless on the stairs.", Language.EN)).contains("E_155");
        assertThat(evidences("Mujer 69a. AP: DM2, HTA, angor estable conocido desde 2023. Esta ultima semana el dolor "
                + "torácico le viene con menos esfuerzo.", Language.ES)).contains("E_53");
    }

    @Test
    void anEarlierEpisodeDatedAgoStaysInThePastHistory() {
        assertThat(SectionDetectorAccess.opensWithOnset("2 months ago appendicectomy")).isFalse();
        assertThat(SectionDetectorAccess.opensWithOnset("hace 2 años IAM")).isFalse();
        assertThat(SectionDetectorAccess.opensWithOnset("20 pack yrs")).isFalse();
        assertThat(SectionDetectorAccess.opensWithOnset("hace 12 dias resfriado")).isTrue();
        assertThat(SectionDetectorAccess.opensWithOnset("3 days heart fluttering")).isTrue();
    }

    @Test
    void aMedicineGivenInTheClinicOrWrittenInThePlanAfterTheExaminationIsNotOneTheyTake() {
        assertThat(evidences("Barking cough and stridor when upset.\nSats 97%, T 37.9.\n"
                + "Dexamethasone 0.15 mg/kg PO given in surgery.", Language.EN)).doesNotContain("E_44");
        assertThat(evidences("Hace 12 dias congestion nasal y moco verdoso.\nDolor a la palpacion de senos maxilares. "
                + "Tª 37,7.\nLavados con suero, Rhinocort spray.", Language.ES)).doesNotContain("E_44");
        assertThat(evidences("Sibilancias desde ayer.\nExploración: sibilancias espiratorias.\nToma Pulmicort 200 cada 12 "
                + "horas.", Language.ES)).contains("E_44");
        assertThat(evidences("Asthmatic on Clenil 100 2 puffs BD, wheezy for 2 days.", Language.EN)).contains("E_44");
    }

    @Test
    void aBarkingCoughNamedAfterTheSealOrAsAnAdjectiveIsTheBarkingCough() {
        assertThat(evidences("Woke at 2am with a \"barking seal\" cough and noisy breathing.", Language.EN))
                .contains("E_202");
        assertThat(evidences("Seen 9am: coughing barky, stridor when upset.", Language.EN)).contains("E_202");
        assertThat(evidences("Niño de 2 años que tose como un perro desde anoche.", Language.ES)).contains("E_202");
    }

    @Test
    void aVaccineInPregnancyOrTheMothersPregnancyIsNoPregnancyOfThePatient() {
        assertThat(evidences("Baby girl 10 weeks old (mum declined pertussis vaccine in pregnancy). Coughing fits.",
                Language.EN)).doesNotContain("E_167");
        assertThat(evidences("Lactante de 2 meses, madre no recibió la vacuna en el embarazo. Tos en accesos.",
                Language.ES)).doesNotContain("E_167");
        assertThat(evidences("28F, 10 weeks pregnant, cough for 3 days.", Language.EN)).contains("E_167");
    }

    @Test
    void vomitingAfterTheCoughsFitsAndASwellingThatGrowsWithCoughingOrLiftingAreTheirEvidences() {
        assertThat(evidences("Coughing fits, vomits after the fits.", Language.EN)).contains("E_166");
        assertThat(evidences("Lump R groin that appears when he lifts. Reducible swelling, cough impulse +.", Language.EN))
                .contains("E_221");
        assertThat(evidences("Bulto inguinal derecho que aumenta al coger peso.", Language.ES)).contains("E_221");
    }

    @Test
    void theSpanishSideAbbreviationsIzqdoAndDrchoPlaceAPairedPain() {
        assertThat(evidences("Llora por dolor de oido izqdo desde esta noche.", Language.ES)).contains("E_55_@_V_130");
        assertThat(evidences("Dolor de oido drcho desde ayer.", Language.ES)).contains("E_55_@_V_129");
    }
}

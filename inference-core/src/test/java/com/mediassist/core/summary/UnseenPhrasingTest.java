package com.mediassist.core.summary;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.HeldOutFailureKindsTest.status;
import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classes of phrasing that no lexicon form writes out, read by general rules (issue 16, fourth pass): typing
 * slips, inflected verb forms, and the safeguards that keep those rules from reading other words as findings.
 * Every note here was written for the test.
 */
class UnseenPhrasingTest {

    @Test
    void twoSwappedLettersInALongWordAreATypo() {
        StructuredNote n = es("Refiere dsinea de esfuerzo y vomtios desde ayer.");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_64", "E_211");
        assertThat(n.findings()).allMatch(Finding::typo);
    }

    @Test
    void englishIngEdAndNessFormsOfAFormAreRead() {
        assertThat(en("He vomited twice overnight.").evidences()).extracting(Object::toString).contains("E_211");
        assertThat(en("Wheezed all night.").evidences()).extracting(Object::toString).contains("E_214");
        assertThat(en("Neck stiffness since Monday.").findings()).extracting(Finding::text).contains("Neck stiffness");
        assertThat(en("Feet feel numbed.").findings()).extracting(Finding::text).contains("numbed");
    }

    @Test
    void spanishPastFormsOfAVerbAreRead() {
        assertThat(status(es("El niño vomitaba todo lo que comía."), "vomitaba")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aPainCharacterWordIsNotReadAsAnInflectedFinding() {
        StructuredNote n = en("Burning epigastric pain after meals.");
        assertThat(n.findings()).noneMatch(f -> f.text().equalsIgnoreCase("burning"));
    }

    @Test
    void aResultMarkAfterAFindingDeniesOrAffirmsIt() {
        StructuredNote n = es("Disfagia (-), pérdida de peso (-), vómitos ( - ). EF: Murphy (-), Blumberg (+).");
        assertThat(status(n, "Disfagia")).contains(FindingStatus.DENIED);
        assertThat(status(n, "pérdida de peso")).contains(FindingStatus.DENIED);
        assertThat(n.absent()).extracting(Object::toString).contains("E_65", "E_162");
        assertThat(status(es("Niega disuria, hematuria (+)."), "hematuria")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aQuestionMarkStuckToADiagnosisMakesItAConsideredOne() {
        StructuredNote n = en("Imp: COPD exacerbation ?pneumonia for CXR. Fever?");
        assertThat(status(n, "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(n.evidences()).extracting(Object::toString).doesNotContain("E_118");
    }

    @Test
    void aReadingBetweenANegationAndAFindingEndsTheNegation() {
        StructuredNote n = en("no cp no fever sats 91 ra rr 26 hr 110 t 37.9 widespread wheeze");
        assertThat(status(n, "fever")).contains(FindingStatus.DENIED);
        assertThat(status(n, "wheeze")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aRelativeStatingAConditionIsBeyondTheNegationBeforeIt() {
        StructuredNote n = es("se le quitó con una crema que no recuerda su padre tiene psoriasis y no ha tenido fiebre");
        assertThat(status(n, "psoriasis")).contains(FindingStatus.FAMILY);
        assertThat(status(es("No antecedentes familiares de asma."), "asma")).contains(FindingStatus.DENIED);
    }

    @Test
    void aRelativeWhoReportsTheFindingIsTheInformantNotItsSubject() {
        StructuredNote n = es("La madre refiere fiebre de hasta 39,2 desde hace 48 h.");
        assertThat(status(n, "fiebre")).contains(FindingStatus.PRESENT);
        assertThat(n.evidences()).extracting(Object::toString).contains("E_91");
    }

    @Test
    void aWhenWordQualifiesTheFindingBeforeIt() {
        StructuredNote n = es("Tos perruna de predominio nocturno. No disnea en reposo.");
        assertThat(n.findings()).extracting(Finding::text).containsExactly("Tos perruna de predominio nocturno", "disnea en reposo");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_202", "E_219").doesNotContain("E_14");
        assertThat(en("Worse at night.").findings()).extracting(Finding::text).containsExactly("Worse at night");
    }

    @Test
    void anExertionOrPostureWordQualifiesTheFindingBeforeIt() {
        StructuredNote n = es("Fiebre y tos al tumbarse.");
        assertThat(n.findings()).extracting(Finding::text).containsExactly("Fiebre", "tos al tumbarse");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_201", "E_217");
    }

    @Test
    void anEpisodeDatedToALastSeasonIsHistory() {
        assertThat(status(en("Had a UTI last spring treated with nitrofurantoin."), "UTI")).contains(FindingStatus.HISTORICAL);
        assertThat(status(es("Tuvo una neumonía el invierno pasado. Ahora tos."), "neumonía")).contains(FindingStatus.HISTORICAL);
    }

    @Test
    void anInlineFamilyHistoryHeadingMakesItsRelativesConditionsFamily() {
        StructuredNote n = en("• PMH: nil. No meds.\n• FHx: father MI at 44, mother hypothyroid\n• Obs: T 37.8");
        assertThat(status(n, "MI")).contains(FindingStatus.FAMILY);
    }

    @Test
    void aConsideringTriggerClosingItsSentenceReachesBack() {
        StructuredNote n = es("JC: ERGE sin signos de alarma. Gastropatía por AINE a descartar.");
        assertThat(status(n, "AINE")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "ERGE")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aBareNegationStopsAtAVerbAfterTheFindingItDenies() {
        StructuredNote n = es("sin fiebre no flujo vaginal fur hace 2 semanas no embarazo toma anticonceptivos");
        assertThat(status(n, "embarazo")).contains(FindingStatus.DENIED);
        assertThat(status(n, "anticonceptivos")).contains(FindingStatus.PRESENT);
        assertThat(status(es("No tiene fiebre ni tos."), "tos")).contains(FindingStatus.DENIED);
    }

    @Test
    void standardAbbreviationsAndLayParaphrasesAreFindings() {
        assertThat(es("Antecedentes: HTA, FA anticoagulada. Orina menos desde ayer.").findings()).extracting(Finding::text)
                .contains("FA", "Orina menos");
        StructuredNote n = en("PMH: HLD. c/o LBP x 2 weeks, trouble falling asleep.");
        assertThat(n.findings()).extracting(Finding::text).contains("HLD", "LBP", "trouble falling asleep");
    }

    @Test
    void aTriggerEndingInIfReachesThroughItsListLikeAnyCondition() {
        StructuredNote n = en("Seek care if periorbital swelling, double vision or confusion.");
        assertThat(status(n, "double vision")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "confusion")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void noImprovementOfAFindingIsNoDenialOfIt() {
        assertThat(status(es("Sin mejoría de la disnea con el salbutamol."), "disnea")).contains(FindingStatus.PRESENT);
        assertThat(status(en("No improvement in cough despite inhaler."), "cough")).contains(FindingStatus.PRESENT);
        assertThat(status(es("Sin disnea."), "disnea")).contains(FindingStatus.DENIED);
    }

    @Test
    void anEventAtAStatedAgeIsHistory() {
        assertThat(status(en("Had a collapsed lung on the right at age 22."), "collapsed lung")).contains(FindingStatus.HISTORICAL);
        assertThat(status(es("Neumonía a los 30 años. Ahora tos."), "Neumonía")).contains(FindingStatus.HISTORICAL);
    }

    @Test
    void aFormWithAnotherPrepositionInsideIsRead() {
        assertThat(en("Burning on passing urine since Monday.").findings()).extracting(Finding::text)
                .contains("Burning on passing urine");
    }

    @Test
    void aHistoryOfSomeDaysIsThePresentIllness() {
        StructuredNote n = en("3/7 hx of burning on passing urine. 2 week history of cough. Hx of asthma.");
        assertThat(status(n, "burning on passing urine")).contains(FindingStatus.PRESENT);
        assertThat(status(n, "cough")).contains(FindingStatus.PRESENT);
        assertThat(status(n, "asthma")).contains(FindingStatus.HISTORICAL);
    }

    @Test
    void aFindingToScreenForOrToExcludeIsConsideredNotDenied() {
        StructuredNote n = en("CXR to exclude pneumonia. Screen for diabetes.");
        assertThat(status(n, "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "diabetes")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Cribado de diabetes."), "diabetes")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aSiClosingItsClauseIsAYesWithoutItsAccent() {
        StructuredNote n = es("Tos: si. Fiebre: si, disnea: no. Si fiebre, volver.");
        assertThat(n.findings()).filteredOn(f -> f.text().equals("Fiebre")).extracting(Finding::status)
                .containsExactly(FindingStatus.PRESENT);
        assertThat(status(n, "Tos")).contains(FindingStatus.PRESENT);
        assertThat(status(n, "disnea")).contains(FindingStatus.DENIED);
        assertThat(n.findings()).filteredOn(f -> f.text().equals("fiebre")).extracting(Finding::status)
                .containsExactly(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aSideLetterBeforeThePlaceOfAPainGivesItsSide() {
        assertThat(en("Stabbing pain behind the L eye and L temple at night.").evidences()).extracting(Object::toString)
                .contains("E_53", "E_55_@_V_126", "E_55_@_V_167");
        assertThat(en("Throbbing pain in the Rt temple.").evidences()).extracting(Object::toString).contains("E_55_@_V_166");
        assertThat(en("Pain behind the eye.").evidences()).extracting(Object::toString)
                .doesNotContain("E_55_@_V_125", "E_55_@_V_126");
    }

    @Test
    void aDeniedTenderLymphNodeIsNotADeniedPain() {
        StructuredNote n = en("Sore throat x2d. Throat mildly red, no exudate. No tender anterior cervical nodes.");
        assertThat(n.absent()).extracting(Object::toString).contains("E_9").doesNotContain("E_53");
        assertThat(en("Fever, tender anterior cervical lymph nodes.").evidences()).extracting(Object::toString).contains("E_9");
        assertThat(es("Odinofagia sin adenopatías dolorosas.").absent()).extracting(Object::toString)
                .contains("E_9").doesNotContain("E_53");
    }

    @Test
    void theLightReflexOfAnEardrumIsNotReflux() {
        assertThat(en("Exam: L TM bulging, no light reflex. R TM grey with light reflex present.").findings())
                .noneMatch(f -> "E_125".equals(String.valueOf(f.evidence())));
        assertThat(en("History of reflux.").evidences()).extracting(Object::toString).contains("E_125");
    }
}

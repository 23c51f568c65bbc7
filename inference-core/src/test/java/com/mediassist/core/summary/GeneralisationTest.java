package com.mediassist.core.summary;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.mediassist.core.summary.HeldOutFailureKindsTest.status;
import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error classes of the note reader on blind development notes written by a second hand (issue 16), each
 * fixed by a general rule and shown here on notes written for this test.
 */
class GeneralisationTest {

    private static Optional<Finding> finding(StructuredNote n, String text) {
        return n.findings().stream().filter(f -> f.text().equalsIgnoreCase(text)).findFirst();
    }

    @Test
    void anExaminationFindingIsPresentEvenUnderAnAbbreviationThatMeansPastHistoryElsewhere() {
        StructuredNote n = es("EA: tos y fiebre de 3 dias.\nEF: TA 120/70, Tª 38,6. AP: crepitantes en base derecha.");
        assertThat(status(n, "crepitantes en base derecha")).contains(FindingStatus.PRESENT);
        StructuredNote h = es("AP: asma. EA: tos de 3 dias.");
        assertThat(status(h, "asma")).contains(FindingStatus.HISTORICAL);
    }

    @Test
    void aFindingPhraseNamingARelativeIsTheRelativesCondition() {
        StructuredNote n = es("Convive con gato. Madre asmática.");
        assertThat(status(n, "Madre asmática")).contains(FindingStatus.FAMILY);
        assertThat(n.evidences()).extracting(Object::toString).doesNotContain("E_124");
        assertThat(status(en("No family asthma."), "family asthma")).contains(FindingStatus.DENIED);
    }

    @Test
    void aLoneAbbreviationSpelledLikeARelativeStaysThePatients() {
        StructuredNote n = en("PMH: TIA 2019. Now dizzy.");
        assertThat(status(n, "TIA")).isNotEqualTo(Optional.of(FindingStatus.FAMILY));
    }

    @Test
    void anotherNumberGenderOrVerbFormOfALexiconFormIsRead() {
        assertThat(es("Paciente hipotiroidea en tratamiento.").evidences()).extracting(Object::toString).contains("E_158");
        assertThat(en("Known hypothyroid, on levothyroxine.").evidences()).extracting(Object::toString).contains("E_158");
        assertThat(finding(es("Ganglio inflamado laterocervical."), "Ganglio inflamado")).isPresent();
        assertThat(finding(es("Adenopatía cervical derecha."), "Adenopatía cervical")).isPresent();
        Finding swollen = finding(es("Tobillo izquierdo hinchado desde ayer. Tobillo hinchado."), "Tobillo hinchado").orElseThrow();
        assertThat(swollen.typo()).isFalse();
    }

    @Test
    void anInflectedFormThatIsAnotherWordIsNoFinding() {
        StructuredNote n = es("Colirio 2 gotas cada 8 horas.");
        assertThat(n.findings()).noneMatch(f -> f.text().equalsIgnoreCase("gotas"));
        assertThat(finding(es("Antecedente de gota."), "gota")).isPresent();
    }

    @Test
    void aLateralityOrDegreeWordInsideAFormStillMatchesIt() {
        assertThat(finding(es("Otoscopia: tímpano derecho abombado."), "tímpano derecho abombado")).isPresent();
        assertThat(finding(en("Exam: pharynx mildly erythematous."), "pharynx mildly erythematous")).isPresent();
        assertThat(finding(es("Tos y fiebre."), "Tos y fiebre")).isEmpty();
    }

    @Test
    void examinationSignsAndCommonConditionsAreRead() {
        StructuredNote n = en("Exam: clubbing of fingers, decreased breath sounds R base, hyperresonant.\nA: knee OA.");
        assertThat(finding(n, "clubbing of fingers")).isPresent();
        assertThat(finding(n, "decreased breath sounds")).isPresent();
        assertThat(finding(n, "knee OA")).isPresent();
        StructuredNote e = es("EF: subcrepitantes bilaterales, espiración alargada.\nJC: crisis de pánico.");
        assertThat(finding(e, "subcrepitantes")).isPresent();
        assertThat(finding(e, "espiración alargada")).isPresent();
        assertThat(finding(e, "crisis de pánico")).isPresent();
    }

    @Test
    void paraphrasesOfDdxplusEvidencesCarryTheirCode() {
        assertThat(en("Feels feverish since Monday. Reduced sense of smell.").evidences()).extracting(Object::toString).contains("E_91", "E_103");
        assertThat(es("Miedo a morirse durante la crisis.").evidences()).extracting(Object::toString).contains("E_111");
        assertThat(en("No LOC.").absent()).extracting(Object::toString).contains("E_159");
        assertThat(en("Queasy, lost her voice.").evidences()).extracting(Object::toString).contains("E_148", "E_212");
        assertThat(es("Retortijones y heces con sangre.").evidences()).extracting(Object::toString).contains("E_53", "E_179");
        assertThat(en("Gained 7 lb in a week, difficulty chewing.").evidences()).extracting(Object::toString).contains("E_96", "E_38");
        assertThat(es("A sus hijos les duele la garganta.").findings()).noneMatch(f -> f.text().equalsIgnoreCase("les"));
    }

    @Test
    void aKnownConditionIsAPresentOne() {
        assertThat(status(en("46F, known hypertension on amlodipine."), "hypertension")).contains(FindingStatus.PRESENT);
        assertThat(status(en("PMH: hypertension."), "hypertension")).contains(FindingStatus.HISTORICAL);
    }

    @Test
    void bothSidesOfADifferentialAreHypothetical() {
        StructuredNote n = es("JC: artritis gotosa vs artritis séptica.");
        assertThat(n.findings()).isNotEmpty().allMatch(f -> f.status() == FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aClosingDenialDeniesTheFindingBeforeItButNotAcrossAComma() {
        assertThat(status(es("Parestesias no. Fiebre tampoco."), "Fiebre")).contains(FindingStatus.DENIED);
        StructuredNote n = es("EF: contractura paravertebral lumbar, Lasègue negativo.");
        assertThat(status(n, "contractura paravertebral")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aPlanCueBeforeTheExaminationIsStillTheHistory() {
        StructuredNote n = en("44F, facial pain for 10 days. Started with a cold, then worse. Feels feverish.\n"
                + "Dx: acute sinusitis. Seek care if double vision.");
        assertThat(status(n, "Feels feverish")).contains(FindingStatus.PRESENT);
        assertThat(status(n, "double vision")).contains(FindingStatus.HYPOTHETICAL);
        StructuredNote plan = en("Diarrhoea for 2 days. Advised oral fluids, watch for blood in stools.");
        assertThat(status(plan, "blood in stools")).isNotEqualTo(java.util.Optional.of(FindingStatus.PRESENT));
    }

    @Test
    void soapLettersHeadTheirSectionsAndHistoryOpensThePresentIllness() {
        StructuredNote n = en("S/ cough for 3 days. O/ wheeze both bases. A: viral bronchitis. P: return if fever.");
        assertThat(status(n, "fever")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "cough")).contains(FindingStatus.PRESENT);
        assertThat(status(en("History: 55M with chronic pancreatitis, poor appetite."), "poor appetite"))
                .contains(FindingStatus.PRESENT);
        StructuredNote imp = en("Chest tightness at rest. Start aspirin. Imp: unstable angina.");
        assertThat(status(imp, "angina")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aFollowUpHeadingOpeningTheNoteIsTheVisitNotItsPlan() {
        StructuredNote n = en("Follow-up: 38M, asthma, nocturnal cough and chest tightness. Neg for fever, sputum or weight loss.");
        assertThat(status(n, "chest tightness")).contains(FindingStatus.PRESENT);
        assertThat(n.absent()).extracting(Object::toString).contains("E_91");
    }

    @Test
    void probableAfterTheDiagnosisMakesItHypothetical() {
        assertThat(status(es("JC: tosferina probable."), "tosferina")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aBareNegationDoesNotReachAcrossAClauseJoinedByACoordinator() {
        StructuredNote n = es("Odinofagia intensa, no puede abrir bien la boca y babea.");
        assertThat(status(n, "babea")).contains(FindingStatus.PRESENT);
        StructuredNote list = es("No tiene fiebre ni tos. Sin dolor abdominal intenso y vómitos.");
        assertThat(status(list, "tos")).contains(FindingStatus.DENIED);
        assertThat(status(list, "vómitos")).contains(FindingStatus.DENIED);
    }

    @Test
    void aConditionReachesThroughItsCommas() {
        StructuredNote n = es("Plan: derivo a cirugía. Si bulto duro, doloroso que no se reduce o vómitos, acudir a urgencias.");
        assertThat(status(n, "vómitos")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aSpouseOrTheChildrenNamedAsSubjectsAreFamily() {
        assertThat(status(en("Cough for 2 weeks. Husband had a cold last week."), "a cold")).contains(FindingStatus.FAMILY);
        assertThat(status(en("Child 5 yo with ear pain."), "ear pain")).contains(FindingStatus.PRESENT);
    }

    @Test
    void anEventDatedWeeksAgoIsHistoryButAnOngoingOrStartingOneIsNot() {
        assertThat(status(es("Mujer 41a, hace 2 semanas gastroenteritis con diarrea."), "gastroenteritis"))
                .contains(FindingStatus.HISTORICAL);
        assertThat(status(es("Tos desde hace 2 semanas."), "Tos")).contains(FindingStatus.PRESENT);
        assertThat(status(es("Hace 2 semanas comenzó con tos."), "tos")).contains(FindingStatus.PRESENT);
        assertThat(status(es("Hace 3 días, dolor urente en hemitórax."), "dolor urente")).contains(FindingStatus.PRESENT);
    }

    @Test
    void anAbbreviationNoFormWritesIsReadAsItsWord() {
        assertThat(finding(es("JC: sd de Guillain-Barré."), "sd de Guillain-Barré")).isPresent();
        assertThat(finding(es("Sospecha de TBC pulmonar."), "TBC pulmonar")).isPresent();
        assertThat(en("Abd pain since yesterday.").evidences()).extracting(Object::toString).contains("E_53");
    }

    @Test
    void aWeightNeedsItsNumberRightAfterTheWord() {
        assertThat(es("Dolor lumbar al coger peso hace 3 dias. Peso: 70 kg.").vitals())
                .extracting(v -> v.kind() + "=" + v.value()).containsExactly("WEIGHT=70.0");
        assertThat(en("Unable to weight bear 4 days. Weight today 198 lb.").vitals())
                .extracting(v -> v.kind() + "=" + v.value()).containsExactly("WEIGHT=89.8");
    }

    @Test
    void relativesWithTheSameSymptomsAreFamilyContactsAndAFlatmateIsThePatientsContact() {
        StructuredNote n = es("Diarrea desde ayer. Su mujer y su hija están igual.");
        assertThat(status(n, "están igual")).contains(FindingStatus.FAMILY);
        assertThat(n.evidences()).extracting(Object::toString).contains("E_41");
        StructuredNote flat = es("Tos de 3 semanas. Un compañero de piso tiene la misma tos.");
        assertThat(status(flat, "la misma tos")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aRelativeHeadingAClauseMakesItFamilyEvenBeforeAVerbThatEndsScopes() {
        assertThat(status(en("No limb numbness. Mom has asthma."), "asthma")).contains(FindingStatus.FAMILY);
        assertThat(status(en("Patient has asthma. Dad is fine."), "asthma")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aNonSmokerIsNoSmoker() {
        StructuredNote n = en("Non-smoker, 2 glasses wine/week.");
        assertThat(n.evidences()).extracting(Object::toString).doesNotContain("E_79");
        assertThat(n.absent()).extracting(Object::toString).contains("E_79");
    }

    @Test
    void aDifferentialListIsHypothetical() {
        StructuredNote n = en("Cough and fever for 3 days.\nDDx: pneumonia, pleural effusion.");
        assertThat(status(n, "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "pleural effusion")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(n, "fever")).contains(FindingStatus.PRESENT);
    }

    @Test
    void episodesCountedOverThePastYearAreHistory() {
        StructuredNote n = es("EPOC grave, exfumador, con 2 agudizaciones el último año. Hoy disnea.");
        assertThat(status(n, "agudizaciones")).contains(FindingStatus.HISTORICAL);
        assertThat(status(n, "disnea")).contains(FindingStatus.PRESENT);
    }
}

package com.mediassist.core.summary;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds of error the note reader made on held-out notes (issue 16), each with notes written for this
 * test rather than taken from a gold set: lists, relatives, pseudo-negations, abbreviations and
 * paraphrases, typos, brand names and imperial units.
 */
class HeldOutFailureKindsTest {

    private static StructuredNote es(String text) {
        return NoteReaderScopeTest.es(text);
    }

    private static StructuredNote en(String text) {
        return NoteReaderScopeTest.en(text);
    }

    static Optional<FindingStatus> status(StructuredNote n, String text) {
        return n.findings().stream().filter(f -> f.text().equalsIgnoreCase(text)).map(Finding::status).findFirst();
    }

    @Test
    void aDenialReachesEveryCoordinatedFindingPastAQualifier() {
        StructuredNote n = es("Niega disfagia, niega vómitos con sangre y heces negras.");
        assertThat(n.evidences()).extracting(Object::toString).doesNotContain("E_140");
        assertThat(n.absent()).extracting(Object::toString).contains("E_140", "E_65");
        StructuredNote e = en("Denies chest pain with exertion and palpitations.");
        assertThat(status(e, "palpitations")).contains(FindingStatus.DENIED);
    }

    @Test
    void withAfterACommaStillStartsANewAssertion() {
        StructuredNote n = es("Sin fiebre, con tos productiva.");
        assertThat(n.absent()).extracting(Object::toString).contains("E_91");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_201");
    }

    @Test
    void aHistoryTriggerDoesNotReachPastAListItemThatIsNoFinding() {
        StructuredNote n = en("76 yo F w/ hx HTN, DM2 and prior TIA, here for palpitations and fatigue.");
        assertThat(status(n, "palpitations")).contains(FindingStatus.PRESENT);
        assertThat(status(n, "HTN")).contains(FindingStatus.HISTORICAL);
    }

    @Test
    void aRelativeHeadingItsClauseMakesTheFindingFamily() {
        assertThat(status(es("Padre diabético. Tos de 3 días."), "diabético")).contains(FindingStatus.FAMILY);
        StructuredNote n = en("His brother had a heart attack at 46. Chest tightness on exertion.");
        assertThat(status(n, "heart attack")).contains(FindingStatus.FAMILY);
        assertThat(es("Hermana asmática.").evidences()).extracting(Object::toString).contains("E_87").doesNotContain("E_124");
    }

    @Test
    void aRelativeWhoBringsOrReportsIsNoFamilyHistory() {
        assertThat(status(es("Niño traído por su madre por fiebre y tos."), "fiebre")).contains(FindingStatus.PRESENT);
        assertThat(status(en("Mom says he has had a fever since yesterday."), "fever")).contains(FindingStatus.PRESENT);
    }

    @Test
    void aConditionNotRuledOutIsHypotheticalNotDenied() {
        StructuredNote n = es("Crepitantes en base derecha. No se descarta neumonía.");
        assertThat(status(n, "neumonía")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(n.absent()).extracting(Object::toString).doesNotContain("E_118");
        assertThat(status(en("Cannot rule out pneumonia."), "pneumonia")).contains(FindingStatus.HYPOTHETICAL);
        assertThat(status(es("Si fiebre, volver."), "fiebre")).contains(FindingStatus.HYPOTHETICAL);
    }

    @Test
    void aReasonGivenForAnInstructionIsNotHypothetical() {
        assertThat(status(en("Avoid NSAIDs given CKD stage 3."), "CKD")).contains(FindingStatus.PRESENT);
    }

    @Test
    void clinicalParaphrasesAndAbbreviationsMapToTheirEvidence() {
        assertThat(es("Refiere ardor retroesternal tras las comidas.").evidences()).extracting(Object::toString).contains("E_173", "E_215");
        assertThat(en("c/o SOB, worse lying flat. LAD present.").evidences()).extracting(Object::toString).contains("E_66", "E_217", "E_9");
        assertThat(en("Pain at rest, worse climbing stairs.").evidences()).extracting(Object::toString).contains("E_14", "E_218");
    }

    @Test
    void typosWithinOneEditOfALexiconWordAreRead() {
        assertThat(es("Disnena y tos de 2 días.").evidences()).extracting(Object::toString).contains("E_66");
        assertThat(en("Wheezng at night.").evidences()).extracting(Object::toString).contains("E_214");
    }

    @Test
    void brandNamesImplyTheirDrugClassEvidence() {
        StructuredNote n = en("Meds: Norvasc 5 mg daily, Lipitor 20 mg, Synthroid 50 mcg, Spiriva, ProAir prn.");
        assertThat(n.medications()).hasSize(5);
        assertThat(n.evidences()).extracting(Object::toString).contains("E_149");
        assertThat(es("Toma ibuprofeno a diario por lumbalgia.").evidences()).extracting(Object::toString).contains("E_10");
    }

    @Test
    void fahrenheitAndPoundsAreConverted() {
        StructuredNote n = en("T 101.3 F, wt 180 lb.");
        assertThat(n.vitals()).extracting(Vital::kind).containsExactly(VitalKind.TEMPERATURE, VitalKind.WEIGHT);
        assertThat(n.vitals().get(0).value()).isEqualTo(38.5);
        assertThat(n.vitals().get(1).value()).isEqualTo(81.6);
    }

    @Test
    void seasonalAllergiesAreNoAllergenStatementAndKeepTheMedicineThatFollows() {
        StructuredNote n = en("Hx seasonal allergies, used Flonase last spring only.");
        assertThat(n.allergies()).isEmpty();
        assertThat(n.medications()).extracting(NoteMedication::name).contains("Flonase");
        assertThat(es("Alergia a penicilina.").allergies()).hasSize(1);
    }
}

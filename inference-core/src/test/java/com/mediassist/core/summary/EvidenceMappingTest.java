package com.mediassist.core.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which DDXPlus question a finding answers (issue 16, seventh pass), by the question's own words in
 * release_evidences.json: general mappings, each checked on sentences written for this test.
 */
class EvidenceMappingTest {

    private static List<String> codes(StructuredNote n) {
        return n.evidences().stream().map(Object::toString).toList();
    }

    private static List<String> absent(StructuredNote n) {
        return n.absent().stream().map(Object::toString).toList();
    }

    @Test
    void aWheezeIsTheExpiratoryWheezeAndOnlyAnInspiratoryOneIsE112() {
        assertThat(codes(es("Sibilancias y tos."))).contains("E_214").doesNotContain("E_112");
        assertThat(codes(en("Wheezy since Sunday."))).contains("E_214").doesNotContain("E_112");
        assertThat(codes(en("Inspiratory wheeze after coughing fits."))).contains("E_112");
    }

    @Test
    void orthopnoeaIsWorseLyingDownNotNocturnalDyspnoea() {
        assertThat(codes(es("Ortopnea de dos almohadas."))).contains("E_217").doesNotContain("E_67");
        assertThat(absent(en("No orthopnea or PND."))).contains("E_217", "E_67");
    }

    @Test
    void vomitingAlsoAnswersTheNauseaQuestionButItsDenialDoesNot() {
        assertThat(codes(es("Vómitos desde ayer."))).contains("E_211", "E_148");
        StructuredNote denied = en("No vomiting.");
        assertThat(absent(denied)).contains("E_211").doesNotContain("E_148");
    }

    @Test
    void aPoorAppetiteAnswersBothAppetiteQuestions() {
        assertThat(codes(es("Falta de apetito."))).contains("E_32", "E_161");
        assertThat(codes(en("Feeding less since Monday."))).contains("E_32", "E_161");
        assertThat(codes(en("Early satiety."))).contains("E_161").doesNotContain("E_32");
    }

    @Test
    void exertionalDyspnoeaIsAlsoSignificantDyspnoea() {
        assertThat(codes(es("Disnea de esfuerzo."))).contains("E_64", "E_66");
        assertThat(codes(es("Se ahoga al caminar."))).contains("E_64", "E_66");
        assertThat(codes(en("More breathless than usual walking to the mailbox."))).contains("E_64", "E_66");
        assertThat(codes(en("SOB on exertion."))).contains("E_64", "E_66");
        assertThat(codes(en("SOB. Walking normally."))).contains("E_66").doesNotContain("E_64");
    }

    @Test
    void restAnswersChestPainAtRestOnlyAfterAPain() {
        assertThat(codes(en("Breathless at rest."))).contains("E_66").doesNotContain("E_14");
        assertThat(codes(es("Disnea de reposo."))).doesNotContain("E_14");
        assertThat(codes(es("Dolor torácico incluso en reposo."))).contains("E_53", "E_14");
    }

    @Test
    void relievedByRestIsExertionalSymptoms() {
        assertThat(codes(es("El dolor cedió con el reposo."))).contains("E_218");
        assertThat(codes(en("Chest pressure relieved with rest."))).contains("E_218");
    }

    @Test
    void aRelativesAcuteInfectiousComplaintIsContactWithSimilarSymptoms() {
        assertThat(codes(es("Madre con tos y fiebre."))).contains("E_41").doesNotContain("E_201", "E_91");
        assertThat(codes(en("Tired and coughing. Husband had a cold last week."))).contains("E_41").doesNotContain("E_116");
    }

    @Test
    void inhaledAndNasalCorticosteroidsStatinsAndBloodPressureMedicinesAnswerTheirQuestions() {
        assertThat(codes(en("Takes Symbicort 2 puffs bd."))).contains("E_44");
        assertThat(codes(es("Tratamiento habitual: fluticasona nasal."))).contains("E_44");
        assertThat(codes(en("On ramipril 5 mg od and atorvastatin 20 mg."))).contains("E_104", "E_71");
    }

    @Test
    void painOnSwallowingIsAlsoDiscomfortSwallowing() {
        assertThat(codes(en("It hurts to swallow."))).contains("E_97", "E_65");
        assertThat(codes(es("Odinofagia."))).contains("E_97", "E_65");
    }

    @Test
    void aFeelingOfSuffocationIsBothDyspnoeaAndChoking() {
        assertThat(codes(es("Refiere sensación de ahogo."))).contains("E_66", "E_75");
    }

    @Test
    void aContactsAcuteInfectionOrTheSameComplaintInSomeoneElseIsTheContactQuestion() {
        assertThat(codes(en("Roommate had the flu last week. Dry cough."))).contains("E_41", "E_201").doesNotContain("E_116");
        assertThat(codes(es("Va a guardería, varios compañeros con catarro."))).contains("E_41").doesNotContain("E_116");
        assertThat(codes(en("Wife had the same thing last week."))).contains("E_41");
        assertThat(codes(es("Ha estado de guardia con compañeros con el mismo cuadro."))).contains("E_41");
        assertThat(codes(en("Flu since Monday; my friend drove me here."))).contains("E_116").doesNotContain("E_41");
    }

    @Test
    void aFluLikeIllnessIsARecentViralInfection() {
        assertThat(codes(en("Recent flu-like illness 2 weeks ago."))).contains("E_0");
    }

    @Test
    void aLocalOrClinicGivenCorticosteroidIsNotTakingCorticosteroids() {
        assertThat(codes(en("Hydrocortisone 1% cream BID for 2 weeks."))).doesNotContain("E_44");
        assertThat(codes(en("Methylprednisolone 125 mg IV given."))).doesNotContain("E_44");
        assertThat(codes(en("On prednisolone 5 mg daily."))).contains("E_44");
    }

    @Test
    void anAntibioticAnswersTheEarInfectionQuestionOnlyInANoteAboutAnEar() {
        assertThat(codes(en("Had amoxicillin for an ear infection 3 weeks ago."))).contains("E_1");
        assertThat(codes(en("Took amoxicillin for a chest infection last week."))).doesNotContain("E_1");
    }

    @Test
    void nightShiftsAreNotSymptomsWorseAtNight() {
        assertThat(codes(es("Palpitaciones. Toma mucho café por turnos de noche."))).doesNotContain("E_219");
        assertThat(codes(en("Cough worse at night."))).contains("E_219");
    }

    @Test
    void chestPressureAndEarTuggingArePainsWithTheirPlace() {
        assertThat(codes(en("Substernal chest pressure on exertion."))).contains("E_53", "E_55_@_V_101", "E_54_@_V_183");
        assertThat(codes(en("4 yo with fever and L ear tugging."))).contains("E_53", "E_55_@_V_130")
                .noneMatch(c -> c.startsWith("E_54"));
        assertThat(codes(es("Se toca la oreja derecha."))).contains("E_53", "E_55_@_V_129");
    }

    @Test
    void vaccinationStatusPrematurityAndTradesAreRead() {
        assertThat(absent(en("Immunisations behind."))).contains("E_209");
        assertThat(codes(es("Vacunación al día. Nació a las 34 semanas."))).contains("E_209", "E_160");
        assertThat(codes(en("Works as a plasterer."))).contains("E_199");
    }
}

package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The note reader's errors seen on primary-care notes (issue 21) and the findings it reports although
 * DDXPlus has no evidence for them.
 */
class NoteReaderScopeTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    static StructuredNote es(String text) {
        return EXTRACTOR.extract(text, Language.ES);
    }

    static StructuredNote en(String text) {
        return EXTRACTOR.extract(text, Language.EN);
    }

    @Test
    void auscultacionRespiratoriaIsNotRheumatoidArthritis() {
        assertThat(es("EF: buen estado general. AR: MVC sin ruidos añadidos. AC: rítmica.").evidences()).extracting(Object::toString).doesNotContain("E_20");
        assertThat(es("Exploración\nAR crepitantes en base derecha").evidences()).extracting(Object::toString).doesNotContain("E_20");
        assertThat(es("Tos y fiebre. AR normal.").evidences()).extracting(Object::toString).doesNotContain("E_20");
        assertThat(en("RR 22, sats 94% RA. Chest: wheeze.").evidences()).extracting(Object::toString).doesNotContain("E_20");
    }

    @Test
    void rheumatoidArthritisWrittenAsARInTheHistoryIsStillRead() {
        assertThat(es("Antecedentes: AR en tratamiento con metotrexato.").evidences()).extracting(Object::toString).contains("E_20");
    }

    @Test
    void anEcgPrDepressionIsNoHistoryOfDepression() {
        assertThat(en("ECG: diffuse ST elevation with PR depression.").evidences()).extracting(Object::toString).doesNotContain("E_80");
        assertThat(es("ECG: elevación difusa del ST con descenso del PR y depresión del PR.").evidences()).extracting(Object::toString).doesNotContain("E_80");
        assertThat(en("PMH: depression on sertraline.").evidences()).extracting(Object::toString).contains("E_80");
    }

    @Test
    void aDenialHeadsEveryItemOfItsList() {
        StructuredNote n = en("Denies exertional component, leg swelling, hemoptysis.");
        assertThat(n.evidences()).isEmpty();
        assertThat(n.absent()).extracting(Object::toString).contains("E_151");
        assertThat(n.findings()).extracting(Finding::status).containsOnly(FindingStatus.DENIED);
        StructuredNote s = es("Niega relación con el esfuerzo, hinchazón de piernas, hemoptisis.");
        assertThat(s.findings()).extracting(Finding::status).containsOnly(FindingStatus.DENIED);
    }

    @Test
    void aListDenialStopsAtANewAssertion() {
        StructuredNote n = en("Denies fever, reports productive cough.");
        assertThat(n.absent()).extracting(Object::toString).contains("E_91");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_201");
        StructuredNote s = es("Niega fiebre, refiere tos.");
        assertThat(s.evidences()).extracting(Object::toString).contains("E_201");
    }

    @Test
    void palatalPetechiaeAreNoUnusualBleeding() {
        assertThat(en("Palatal petechiae, tonsillar exudate.").evidences()).extracting(Object::toString).doesNotContain("E_178");
        assertThat(es("Petequias en el paladar.").evidences()).extracting(Object::toString).doesNotContain("E_178");
        assertThat(en("Palatal petechiae, tonsillar exudate.").unmappedFindings())
                .containsExactly("palatal petechiae", "tonsillar exudate");
        assertThat(es("Petequias en piernas y sangrado de encías.").evidences()).extracting(Object::toString).contains("E_178");
    }

    @Test
    void bloatingIsNotBodySwelling() {
        assertThat(en("Crampy pain with bloating.").evidences()).extracting(Object::toString).contains("E_30").doesNotContain("E_151");
        assertThat(es("Distensión abdominal e hinchazón por las tardes.").evidences()).extracting(Object::toString).contains("E_30").doesNotContain("E_151");
        assertThat(es("Hinchazón de tobillos por las tardes.").evidences()).extracting(Object::toString).contains("E_151");
    }

    @Test
    void reportsPresentFindingsWithoutADdxplusCodeAsLabelsInTheNotesLanguage() {
        StructuredNote n = es("Disuria y polaquiuria desde hace 2 días. Dolor en el primer dedo del pie. Prurito. Otalgia. Ictericia.");
        assertThat(n.unmappedFindings())
                .containsExactly("disuria", "polaquiuria", "dolor en el primer dedo del pie", "prurito", "otalgia", "ictericia");
        assertThat(en("Burning when passing urine, itchy rash, jaundiced.").unmappedFindings())
                .containsExactly("dysuria", "itching", "jaundice");
    }

    @Test
    void deniedOrHypotheticalUnmappedFindingsAreNotReported() {
        StructuredNote n = es("Fiebre y tos. Niega disuria. No ictericia. Volver si otalgia.");
        assertThat(n.unmappedFindings()).isEmpty();
        assertThat(en("No dysuria or haematuria.").unmappedFindings()).isEmpty();
    }

    @Test
    void unmappedFindingsNeverHideADdxplusEvidence() {
        StructuredNote n = es("Tos, fiebre y ojo rojo.");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_201", "E_91", "E_74");
        assertThat(n.unmappedFindings()).isEmpty();
    }
}

package com.mediassist.core.summary;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.HeldOutFailureKindsTest.status;
import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lay and verbal phrasings of the evidences most often annotated in the development gold (issue 16, sixth
 * pass): how patients say the common symptoms one at a time, in both languages. Every note here was written
 * for the test.
 */
class LayPhrasingTest {

    @Test
    void englishLayPhrasingsOfCommonSymptomsAreReadAsTheirEvidence() {
        assertThat(en("Last night she could not breathe.").evidences()).extracting(Object::toString).contains("E_66");
        assertThat(en("Has been running a fever since Sunday.").evidences()).extracting(Object::toString)
                .contains("E_91");
        assertThat(en("Puking all night, sick to his stomach.").evidences()).extracting(Object::toString)
                .contains("E_211", "E_148");
        assertThat(en("Sleeps on 3 pillows, cannot lie flat. Puffy ankles.").evidences())
                .extracting(Object::toString).contains("E_217", "E_151");
        assertThat(en("Snotty nose, throat hurts, black poo since Monday.").evidences())
                .extracting(Object::toString).contains("E_181", "E_97", "E_140");
        assertThat(en("Food gets stuck. Gave up smoking in 2019.").evidences()).extracting(Object::toString)
                .contains("E_65", "E_191");
    }

    @Test
    void spanishLayPhrasingsOfCommonSymptomsAreReadAsTheirEvidence() {
        assertThat(es("Refiere que no podía respirar.").evidences()).extracting(Object::toString).contains("E_66");
        assertThat(es("Ha devuelto el biberón dos veces y tiene arcadas.").evidences()).extracting(Object::toString)
                .contains("E_211");
        assertThat(es("Tose sangre desde ayer, le gotea la nariz.").evidences()).extracting(Object::toString)
                .contains("E_45", "E_181");
        assertThat(es("Duerme con 3 almohadas; se le hinchan los pies.").evidences()).extracting(Object::toString)
                .contains("E_217", "E_151");
        assertThat(es("Se quedó inconsciente en casa. Heces como alquitrán.").evidences())
                .extracting(Object::toString).contains("E_159", "E_140");
        assertThat(es("Se le atasca la comida y está sin energía.").evidences()).extracting(Object::toString)
                .contains("E_65", "E_89");
    }

    @Test
    void blueLipsAreAFindingWithoutADdxplusEvidence() {
        StructuredNote n = en("Mum says his lips went blue.");
        assertThat(n.findings()).extracting(Finding::text).contains("lips went blue");
        assertThat(es("Labios morados durante el episodio.").findings()).extracting(Finding::text)
                .contains("Labios morados");
    }

    @Test
    void aNegatedLayPhrasingIsDenied() {
        assertThat(status(en("Not struggling to breathe."), "struggling to breathe")).contains(FindingStatus.DENIED);
        assertThat(status(es("No refiere arcadas ni flemas con sangre."), "flemas con sangre"))
                .contains(FindingStatus.DENIED);
        assertThat(es("No refiere arcadas ni flemas con sangre.").evidences()).extracting(Object::toString)
                .doesNotContain("E_45", "E_211");
    }
}

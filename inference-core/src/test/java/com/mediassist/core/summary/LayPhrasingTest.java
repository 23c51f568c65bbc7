package com.mediassist.core.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.HeldOutFailureKindsTest.status;
import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lay and verbal phrasings of the evidences most often annotated in the development gold (issue 16, sixth
 * pass): how patients and parents say the common symptoms one at a time, in both languages. Every note here
 * was written for the test.
 */
class LayPhrasingTest {

    private static List<String> codes(StructuredNote n) {
        return n.evidences().stream().map(Object::toString).toList();
    }

    @Test
    void englishLayPhrasingsOfCommonSymptomsAreReadAsTheirEvidence() {
        assertThat(codes(en("Last night she could not breathe."))).contains("E_66");
        assertThat(codes(en("I can't catch my breath."))).contains("E_66");
        assertThat(codes(en("Has been running a fever since Sunday."))).contains("E_91");
        assertThat(codes(en("Puking all night, sick to his stomach."))).contains("E_211", "E_148");
        assertThat(codes(en("Sleeps on 3 pillows, cannot lie flat. Puffy ankles."))).contains("E_217", "E_151");
        assertThat(codes(en("Snotty nose, throat hurts, black poo since Monday."))).contains("E_181", "E_97", "E_140");
        assertThat(codes(en("Food gets stuck. Gave up smoking in 2019."))).contains("E_65", "E_191");
        assertThat(codes(en("Wakes up gasping for air; thought she was going to die."))).contains("E_67", "E_111");
        assertThat(codes(en("Off his food, threw up blood, blood when wiping."))).contains("E_32", "E_210", "E_179");
        assertThat(codes(en("Episodes of fast heartbeat lasting minutes."))).contains("E_155");
    }

    @Test
    void spanishLayPhrasingsOfCommonSymptomsAreReadAsTheirEvidence() {
        assertThat(codes(es("Refiere que no podía respirar."))).contains("E_66");
        assertThat(codes(es("Ha devuelto el biberón dos veces y tiene arcadas."))).contains("E_211");
        assertThat(codes(es("Tose sangre desde ayer, le gotea la nariz."))).contains("E_45", "E_181");
        assertThat(codes(es("Duerme con 3 almohadas; se le hinchan los pies."))).contains("E_217", "E_151");
        assertThat(codes(es("Se quedó inconsciente en casa. Heces como alquitrán."))).contains("E_159", "E_140");
        assertThat(codes(es("Se le atasca la comida y está sin energía."))).contains("E_65", "E_89");
        assertThat(codes(es("Se despierta ahogándose; pensó que se iba a morir."))).contains("E_67", "E_111");
        assertThat(codes(es("Ha perdido el apetito, se le duermen las manos."))).contains("E_32", "E_177");
        assertThat(codes(es("Mejora sentado hacia delante."))).contains("E_33").doesNotContain("E_217");
        assertThat(codes(es("Nota el corazón acelerado de forma brusca."))).contains("E_155");
    }

    @Test
    void blueLipsAreAFindingWithoutADdxplusEvidence() {
        assertThat(en("Mum says his lips went blue.").findings()).extracting(Finding::text).contains("lips went blue");
        assertThat(es("Labios morados durante el episodio.").findings()).extracting(Finding::text)
                .contains("Labios morados");
    }

    @Test
    void aNegatedLayPhrasingIsDenied() {
        assertThat(status(en("Not struggling to breathe."), "struggling to breathe")).contains(FindingStatus.DENIED);
        StructuredNote n = es("No refiere arcadas ni flemas con sangre.");
        assertThat(status(n, "flemas con sangre")).contains(FindingStatus.DENIED);
        assertThat(codes(n)).doesNotContain("E_45", "E_211");
    }
}

package com.mediassist.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.TinyKnowledge;
import com.mediassist.core.summary.SummaryExtractor;
import org.junit.jupiter.api.Test;

/** What the note's author states as the current impression, through the real note reader. */
class AssessmentReaderTest {

    private static final SummaryExtractor NOTES = SummaryExtractor.loadDefault();
    private static final AssessmentReader READER = AssessmentReader.load(TinyKnowledge.knowledge());
    private static final PathologyCode PHARYNGITIS = new PathologyCode("viral-pharyngitis");
    private static final PathologyCode INFARCTION = new PathologyCode("possible-nstemi-stemi");

    private static StatedAssessment read(String text, Language lang) {
        return READER.read(text, NOTES.extract(text, lang));
    }

    @Test
    void anOutsideConditionInTheAssessmentSectionIsStated() {
        StatedAssessment a = read("Motivo de consulta: dolor lumbar.\nJuicio clínico: cólico renal.\nPlan: analgesia.",
                Language.ES);
        assertThat(a.outside()).containsExactly("cólico renal");
        assertThat(a.outsideSignal()).isEqualTo(1.0);
        assertThat(a.inScopeSignal()).isEqualTo(0.0);
    }

    @Test
    void theSameConditionInThePastHistoryStatesNothing() {
        StatedAssessment a = read("Antecedentes personales: cólico renal en 2019.\nEnfermedad actual: dolor de garganta y fiebre.",
                Language.ES);
        assertThat(a.outside()).isEmpty();
        assertThat(a.pathologies()).isEmpty();
    }

    @Test
    void aConditionToRuleOutInTheAssessmentStatesNothing() {
        assertThat(read("Dolor torácico opresivo.\nJC: descartar IAM.", Language.ES).pathologies()).isEmpty();
        assertThat(read("Chest pain.\nAssessment: chest pain, r/o MI.", Language.EN).pathologies()).isEmpty();
    }

    @Test
    void aConditionOfTheModelNamedInTheAssessmentSupportsIt() {
        StatedAssessment es = read("Odinofagia y fiebre de 2 días.\nJC: faringitis vírica.", Language.ES);
        assertThat(es.pathologies()).containsExactly(PHARYNGITIS);
        assertThat(es.inScopeSignal()).isEqualTo(1.0);
        assertThat(read("Sore throat for two days.\nAssessment: viral pharyngitis.", Language.EN).pathologies())
                .containsExactly(PHARYNGITIS);
        assertThat(read("Dolor torácico opresivo.\nImpresión diagnóstica: IAM.", Language.ES).pathologies())
                .containsExactly(INFARCTION);
    }

    @Test
    void aSuspicionWrittenWithoutAPrepositionIsAHedgedImpression() {
        assertThat(read("Odinofagia y fiebre alta. Sospecha faringitis vírica.", Language.ES).pathologies())
                .containsExactly(PHARYNGITIS);
        assertThat(read("Dolor torácico opresivo de 30 min. Sospecho IAM, traslado.", Language.ES).pathologies())
                .containsExactly(INFARCTION);
        assertThat(read("Dolor torácico. Sin sospecha de IAM.", Language.ES).pathologies()).isEmpty();
    }

    @Test
    void aHedgedImpressionIsStatedButARuleOutOrAConditionIsNot() {
        assertThat(read("Odinofagia y fiebre. Sospecha de faringitis vírica.", Language.ES).pathologies())
                .containsExactly(PHARYNGITIS);
        assertThat(read("Sore throat and fever. Likely viral pharyngitis.", Language.EN).pathologies())
                .containsExactly(PHARYNGITIS);
        assertThat(read("Dolor torácico. Probable IAM, derivo a urgencias.", Language.ES).pathologies())
                .containsExactly(INFARCTION);
        assertThat(read("Dolor torácico. Posible IAM: descartar IAM en urgencias.", Language.ES).pathologies())
                .containsExactly(INFARCTION);
        assertThat(read("Chest pain. Possible MI vs costochondritis, r/o MI.", Language.EN).pathologies()).isEmpty();
        assertThat(read("Dolor torácico. Descartar IAM.", Language.ES).pathologies()).isEmpty();
        assertThat(read("Odinofagia. Si fiebre, sospecha de faringitis vírica.", Language.ES).pathologies()).isEmpty();
    }

    @Test
    void aDiagnosticCueStatesTheConditionAfterItOutsideAnAssessmentSection() {
        assertThat(read("Dolor e inflamación del primer dedo del pie compatible con gota.", Language.ES).outside())
                .isNotEmpty();
        assertThat(read("Dolor e inflamación del primer dedo del pie. Gota en su padre.", Language.ES).outside()).isEmpty();
    }

    @Test
    void aNoteWithoutAnAssessmentStatesNothingAndIsNeutral() {
        StatedAssessment a = read("Odinofagia y fiebre de 2 días. Faringitis hace un año.", Language.ES);
        assertThat(a).isEqualTo(StatedAssessment.none());
        assertThat(a.outsideSignal()).isZero();
        assertThat(a.inScopeSignal()).isZero();
    }

    @Test
    void anAssessmentNamingBothKindsIsNoSupportForTheModel() {
        StatedAssessment a = read("Assessment: viral pharyngitis; renal colic.", Language.EN);
        assertThat(a.pathologies()).containsExactly(PHARYNGITIS);
        assertThat(a.outside()).isNotEmpty();
        assertThat(a.inScopeSignal()).isZero();
        assertThat(a.withoutOutside().inScopeSignal()).isEqualTo(1.0);
    }
}

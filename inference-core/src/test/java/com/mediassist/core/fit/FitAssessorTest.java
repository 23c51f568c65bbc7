package com.mediassist.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.TinyKnowledge;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fit assessment over the tiny knowledge: pharyngitis (pain 0.9, fever 0.9, cough 0.3) and infarction
 * (pain 0.95, fever 0.02, cough 0.1).
 */
class FitAssessorTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final EvidenceFrequencies freq = TinyKnowledge.frequencies(k);
    private final FitAssessor assessor = new FitAssessor(k, new FeatureSpace(k), freq, FitOptions.defaults(),
            UnmappedConcepts.loadDefault());
    private static final double[] PHARYNGITIS = {0.9, 0.1};

    private FitAssessor.Assessment assess(List<String> present) {
        PatientFindings p = k.findings(30, "F", present, List.of());
        return assessor.assess(p, PHARYNGITIS, List.of(), Language.EN, Finding::toString);
    }

    @Test
    void coverageIsTheFrequencyWeightedShareOfTheCharacteristicSymptomsNamed() {
        // pharyngitis' characteristic yes/no symptoms: pain (0.9) and fever (0.9); cough (0.3) is not one
        assertThat(assessor.coverage(k.findings(30, "F", List.of("E_91"), List.of()), 0)).isCloseTo(0.5, within(1e-9));
        assertThat(assessor.coverage(k.findings(30, "F", List.of("E_91", "E_53"), List.of()), 0)).isEqualTo(1.0);
        assertThat(assessor.coverage(k.findings(30, "F", List.of("E_201"), List.of()), 0)).isZero();
        // infarction's only one is pain
        assertThat(assessor.coverage(k.findings(30, "F", List.of("E_91"), List.of()), 1)).isZero();
    }

    @Test
    void findingsThatNameNoneOfTheBestCandidatesCharacteristicSymptomsSpeakAgainstTheModel() {
        FitAssessor.Assessment typical = assess(List.of("E_91", "E_53"));
        FitAssessor.Assessment cough = assess(List.of("E_201"));
        assertThat(typical.factors().coverage()).isEqualTo(1.0);
        assertThat(typical.fit().reasons()).extracting(FitReason::code).doesNotContain("uncharacteristic-findings");
        assertThat(cough.factors().coverage()).isZero();
        assertThat(cough.fit().verdict()).isNotEqualTo(FitVerdict.IN_SCOPE);
        assertThat(cough.fit().reasons()).filteredOn(r -> r.code().equals("uncharacteristic-findings")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("Viral pharyngitis").contains("E_53").contains("E_91"));
        // exp(−5 · 0.4): the fit loses seven eighths for the missing characteristic symptoms alone
        assertThat(cough.otherMass()).isGreaterThan(0.9);
    }

    @Test
    void anUncodedFindingWhoseNearestEvidenceIsCharacteristicOfTheBestCandidateCountsAsARelatedSign() {
        PatientFindings p = k.findings(30, "F", List.of("E_91", "E_53", "E_55_@_V_148"), List.of());
        // pretend itching's nearest DDXPlus evidence were fever, characteristic of pharyngitis (the best candidate)
        FitAssessor near = new FitAssessor(k, new FeatureSpace(k), freq, FitOptions.defaults(), UnmappedConcepts.loadDefault(),
                (e, path) -> false, new RelatedEvidences(java.util.Map.of("itching",
                        java.util.Set.of(new com.mediassist.core.knowledge.EvidenceCode("E_91")))));
        FitAssessor.Assessment related = near.assess(p, PHARYNGITIS, List.of("itching"), Language.EN, Finding::toString);
        FitAssessor.Assessment outside = assessor.assess(p, PHARYNGITIS, List.of("itching"), Language.EN, Finding::toString);
        assertThat(related.fit().verdict()).isEqualTo(FitVerdict.IN_SCOPE);
        assertThat(related.factors().unmapped()).isCloseTo(Math.exp(-1.2 * 0.1), within(1e-9));
        assertThat(outside.fit().verdict()).isNotEqualTo(FitVerdict.IN_SCOPE);
        assertThat(outside.fit().reasons().get(0).text()).isEqualTo("Outside what I know: itching");
        // under infarction, whose characteristic symptoms do not include fever, itching is outside again
        FitAssessor.Assessment infarction = near.assess(p, new double[]{0.1, 0.9}, List.of("itching"), Language.EN,
                Finding::toString);
        assertThat(infarction.factors().unmapped()).isCloseTo(Math.exp(-1.2), within(1e-9));
    }

    @Test
    void offTopicSymptomsAreNeverCharacteristic() {
        FitAssessor noFever = new FitAssessor(k, new FeatureSpace(k), freq, FitOptions.defaults(), UnmappedConcepts.loadDefault(),
                (e, path) -> e.value().equals("E_91"), RelatedEvidences.none());
        assertThat(noFever.coverage(k.findings(30, "F", List.of("E_53"), List.of()), 0)).isEqualTo(1.0);
    }

    @Test
    void theShippedTableRelatesItchingToSkinLesionsAndAnItchyNose() {
        assertThat(RelatedEvidences.loadDefault().of("itching")).extracting(com.mediassist.core.knowledge.EvidenceCode::value)
                .contains("E_129", "E_169");
        assertThat(RelatedEvidences.loadDefault().of("dysuria")).isEmpty();
    }
}

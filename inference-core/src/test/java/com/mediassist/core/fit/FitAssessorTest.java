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
    void coverageIsTheSpecificityWeightedShareOfTheCharacteristicSymptomsNamed() {
        // pharyngitis' characteristic yes/no symptoms: pain (0.9) and fever (0.9); cough (0.3) is not one. Fever weighs
        // 0.9 − 0.05 (infarction's), pain, which infarction has more often, a quarter of its 0.9
        assertThat(assessor.coverage(k.findings(30, "F", List.of("E_91"), List.of()), 0))
                .isCloseTo(0.85 / (0.85 + 0.225), within(1e-9));
        assertThat(assessor.coverage(k.findings(30, "F", List.of("E_53"), List.of()), 0))
                .isCloseTo(0.225 / (0.85 + 0.225), within(1e-9));
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
    void anAssessmentNamingASignOfTheBestCandidatesPictureNamesNoOutsideCondition() {
        PatientFindings p = k.findings(30, "F", List.of("E_91", "E_53"), List.of());
        // pretend itching's nearest DDXPlus evidence were fever, characteristic of pharyngitis but not of infarction
        FitAssessor near = new FitAssessor(k, new FeatureSpace(k), freq, FitOptions.defaults(), UnmappedConcepts.loadDefault(),
                (e, path) -> false, new RelatedEvidences(java.util.Map.of("itching",
                        java.util.Set.of(new com.mediassist.core.knowledge.EvidenceCode("E_91")))));
        StatedAssessment stated = new StatedAssessment(List.of("itching"), List.of());
        FitAssessor.Assessment pharyngitis = near.assess(p, PHARYNGITIS, List.of(), stated, Language.EN, Finding::toString);
        FitAssessor.Assessment infarction = near.assess(p, new double[]{0.1, 0.9}, List.of(), stated, Language.EN,
                Finding::toString);
        assertThat(pharyngitis.factors().signals().get(VerdictModel.Signal.ASSESSED_OUTSIDE)).isZero();
        assertThat(infarction.factors().signals().get(VerdictModel.Signal.ASSESSED_OUTSIDE)).isEqualTo(1.0);
        // a condition outside every picture stays outside
        FitAssessor.Assessment dysuria = near.assess(p, PHARYNGITIS, List.of(),
                new StatedAssessment(List.of("dysuria"), List.of()), Language.EN, Finding::toString);
        assertThat(dysuria.factors().signals().get(VerdictModel.Signal.ASSESSED_OUTSIDE)).isEqualTo(1.0);
    }

    @Test
    void theShippedTableRelatesJaundiceAndAPalpableGallbladderToPaleStoolsAndDarkUrine() {
        assertThat(RelatedEvidences.loadDefault().of("jaundice")).extracting(com.mediassist.core.knowledge.EvidenceCode::value)
                .containsExactly("E_188");
        assertThat(RelatedEvidences.loadDefault().of("palpable-gallbladder"))
                .extracting(com.mediassist.core.knowledge.EvidenceCode::value).containsExactly("E_188");
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

    private static VerdictModel model(double intercept, double coverage, double low, double out) {
        return new VerdictModel(intercept, java.util.Map.of(VerdictModel.Signal.OUTSIDE_LOAD, 1.0, VerdictModel.Signal.COVERAGE, coverage,
                VerdictModel.Signal.COVERAGE_TOP3, 0.0, VerdictModel.Signal.LOG_SYMPTOMS, 0.0,
                VerdictModel.Signal.ASSESSED_OUTSIDE, 3.0, VerdictModel.Signal.ASSESSED_IN_SCOPE, -3.0), low, out);
    }

    private FitAssessor withModel(VerdictModel m) {
        return new FitAssessor(k, new FeatureSpace(k), freq, FitOptions.defaults(), UnmappedConcepts.loadDefault(),
                (e, path) -> false, RelatedEvidences.none(), m);
    }

    @Test
    void withAVerdictModelTheVerdictFollowsItsProbabilityThatTheFindingsAreNotExplained() {
        FitAssessor a = withModel(model(0, -4, 0.4, 0.6));
        FitAssessor.Assessment typical = a.assess(k.findings(30, "F", List.of("E_91", "E_53"), List.of()), PHARYNGITIS,
                List.of(), Language.EN, Finding::toString);
        FitAssessor.Assessment cough = a.assess(k.findings(30, "F", List.of("E_201"), List.of()), PHARYNGITIS,
                List.of(), Language.EN, Finding::toString);
        // coverage 1 → σ(−4); coverage 0 → σ(0) = 0.5, between the two thresholds
        assertThat(typical.factors().notExplained()).isCloseTo(1 / (1 + Math.exp(4)), within(1e-9));
        assertThat(typical.fit().verdict()).isEqualTo(FitVerdict.IN_SCOPE);
        assertThat(cough.factors().notExplained()).isCloseTo(0.5, within(1e-9));
        assertThat(cough.fit().verdict()).isEqualTo(FitVerdict.LOW_FIT);
        // one finding from outside the model adds its coefficient (1) to the log-odds: σ(1) = 0.73 ≥ 0.6
        FitAssessor.Assessment outside = a.assess(k.findings(30, "F", List.of("E_201"), List.of()), PHARYNGITIS,
                List.of("dysuria"), Language.EN, Finding::toString);
        assertThat(outside.fit().verdict()).isEqualTo(FitVerdict.OUT_OF_SCOPE);
    }

    @Test
    void theBestCoverageAmongTheThreeLeadingCandidatesSparesANoteWhoseTopCandidateIsANeighbour() {
        // chest pain alone names little of pharyngitis' characteristic symptoms (fever weighs most) but all of infarction's
        FitAssessor.Assessment pain = assess(List.of("E_53"));
        assertThat(pain.factors().signals().get(VerdictModel.Signal.COVERAGE)).isCloseTo(0.225 / (0.85 + 0.225), within(1e-9));
        assertThat(pain.factors().signals().get(VerdictModel.Signal.COVERAGE_TOP3)).isEqualTo(1.0);
        assertThat(pain.factors().signals().get(VerdictModel.Signal.LOG_SYMPTOMS)).isCloseTo(Math.log(2), within(1e-9));
        assertThat(pain.factors().signals().get(VerdictModel.Signal.OUTSIDE_LOAD)).isZero();
    }

    @Test
    void theOutsideLoadCountsEachOutsideFindingOnceAndStopsAtTwo() {
        PatientFindings p = k.findings(30, "F", List.of("E_91", "E_53"), List.of());
        FitAssessor.Assessment three = assessor.assess(p, PHARYNGITIS, List.of("dysuria", "gout", "dysuria", "jaundice"),
                Language.EN, Finding::toString);
        FitAssessor.Assessment one = assessor.assess(p, PHARYNGITIS, List.of("dysuria"), Language.EN, Finding::toString);
        assertThat(one.factors().signals().get(VerdictModel.Signal.OUTSIDE_LOAD)).isEqualTo(1.0);
        assertThat(three.factors().signals().get(VerdictModel.Signal.OUTSIDE_LOAD)).isEqualTo(2.0);
    }

    @Test
    void aNoteFlaggedByTheModelAloneSaysTheFitIsWeakBeforeAnythingElse() {
        FitAssessor a = withModel(model(5, 0, 0.5, 0.9));
        FitAssessor.Assessment typical = a.assess(k.findings(30, "F", List.of("E_91", "E_53"), List.of()), PHARYNGITIS,
                List.of(), Language.ES, Finding::toString);
        assertThat(typical.fit().verdict()).isEqualTo(FitVerdict.OUT_OF_SCOPE);
        assertThat(typical.fit().reasons().get(0).code()).isEqualTo("weak-fit");
        assertThat(typical.fit().reasons().get(0).text()).contains("99 %").contains("Faringitis vírica");
        assertThat(typical.fit().reasons()).extracting(FitReason::code).doesNotContain("well-explained");
    }

    @Test
    void twoFindingsFromOutsideTheModelAreNeverInScopeAndANoteWithNothingToGoOnIsOnlyLowFit() {
        FitAssessor trusting = withModel(model(-10, 0, 0.5, 0.9));
        FitAssessor.Assessment two = trusting.assess(k.findings(30, "F", List.of("E_91", "E_53"), List.of()), PHARYNGITIS,
                List.of("dysuria", "jaundice"), Language.EN, Finding::toString);
        assertThat(two.factors().notExplained()).isLessThan(0.5);
        assertThat(two.fit().verdict()).isEqualTo(FitVerdict.LOW_FIT);
        FitAssessor doubting = withModel(model(10, 0, 0.5, 0.9));
        FitAssessor.Assessment nothing = doubting.assess(k.findings(30, "F", List.of(), List.of()), PHARYNGITIS,
                List.of(), Language.EN, Finding::toString);
        assertThat(nothing.factors().notExplained()).isGreaterThan(0.9);
        assertThat(nothing.fit().verdict()).isEqualTo(FitVerdict.LOW_FIT);
    }

    @Test
    void oneFindingFromOutsideTheModelBesideTwoSymptomsIsNeverInScope() {
        FitAssessor trusting = withModel(model(-10, 0, 0.5, 0.9));
        // pain and fever name all of pharyngitis' characteristic symptoms, but dysuria is a third of the findings
        FitAssessor.Assessment third = trusting.assess(k.findings(30, "F", List.of("E_91", "E_53"), List.of()), PHARYNGITIS,
                List.of("dysuria"), Language.EN, Finding::toString);
        assertThat(third.fit().verdict()).isEqualTo(FitVerdict.LOW_FIT);
        // beside three symptoms the model decides
        FitAssessor.Assessment quarter = trusting.assess(k.findings(30, "F", List.of("E_91", "E_53", "E_201"), List.of()),
                PHARYNGITIS, List.of("dysuria"), Language.EN, Finding::toString);
        assertThat(quarter.fit().verdict()).isEqualTo(FitVerdict.IN_SCOPE);
    }

    @Test
    void theNotesOwnAssessmentWeighsInTheVerdictAndIsNeutralWhenAbsent() {
        FitAssessor a = withModel(model(0, -4, 0.4, 0.6));
        PatientFindings cough = k.findings(30, "F", List.of("E_201"), List.of());
        FitAssessor.Assessment none = a.assess(cough, PHARYNGITIS, List.of(), Language.EN, Finding::toString);
        FitAssessor.Assessment outside = a.assess(cough, PHARYNGITIS, List.of(),
                new StatedAssessment(List.of("renal colic"), List.of()), Language.EN, Finding::toString);
        FitAssessor.Assessment named = a.assess(cough, PHARYNGITIS, List.of(),
                new StatedAssessment(List.of(), List.of(new com.mediassist.core.knowledge.PathologyCode("viral-pharyngitis"))),
                Language.EN, Finding::toString);
        // coverage 0 → σ(0) = 0.5; the assessment adds ±3 to the log-odds
        assertThat(none.factors().notExplained()).isCloseTo(0.5, within(1e-9));
        assertThat(none.factors().signals().get(VerdictModel.Signal.ASSESSED_OUTSIDE)).isZero();
        assertThat(outside.factors().notExplained()).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-9));
        assertThat(outside.fit().verdict()).isEqualTo(FitVerdict.OUT_OF_SCOPE);
        assertThat(outside.fit().reasons()).extracting(FitReason::code).contains("assessed-outside");
        assertThat(named.factors().notExplained()).isCloseTo(1 / (1 + Math.exp(3)), within(1e-9));
        assertThat(named.fit().verdict()).isEqualTo(FitVerdict.IN_SCOPE);
    }
}

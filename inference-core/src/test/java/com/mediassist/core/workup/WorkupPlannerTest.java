package com.mediassist.core.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkupPlannerTest {

    static final WorkupPlanner PLANNER = WorkupPlanner.loadDefault();

    @Test
    void knowsEveryDdxplusPathologyWithGuidelineAndYearOnEachTest() {
        assertThat(PLANNER.pathologies()).hasSize(49);
        assertThat(PLANNER.pathologies()).allSatisfy(p -> {
            assertThat(p.tests()).isNotEmpty();
            assertThat(p.displayName().es()).isNotBlank();
            assertThat(p.tests()).allSatisfy(t -> {
                assertThat(t.guideline()).isNotBlank();
                assertThat(t.year()).isBetween(2010, 2026);
            });
        });
    }

    @Test
    void recommendsEcgAndTroponinForSuspectedAcuteCoronarySyndrome() {
        WorkupPlan plan = PLANNER.recommend(List.of(new DifferentialEntry("Possible NSTEMI / STEMI", 0.6)), Language.ES);
        assertThat(plan.tests()).extracting(RecommendedTest::test).startsWith("ecg", "hs-troponin");
        assertThat(plan.tests().get(0).name()).isEqualTo("Electrocardiograma de 12 derivaciones");
        assertThat(plan.tests().get(0).sources()).containsExactly("ESC 2023 guidelines for acute coronary syndromes (2023)");
    }

    @Test
    void recommendsWellsAndDdimerForPulmonaryEmbolismAndChestRadiographForPneumonia() {
        WorkupPlan pe = PLANNER.recommend(List.of(new DifferentialEntry("Pulmonary embolism", 0.5)), Language.EN);
        assertThat(pe.tests()).extracting(RecommendedTest::test).contains("wells-pe", "d-dimer", "ctpa");
        assertThat(pe.tests().get(0).reasons().get(0).guideline()).contains("ESC 2019");
        WorkupPlan cap = PLANNER.recommend(List.of(new DifferentialEntry("neumonía", 0.5)), Language.ES);
        assertThat(cap.tests().get(0).test()).isEqualTo("chest-xray");
        assertThat(cap.tests().get(0).sources()).anyMatch(s -> s.contains("NICE"));
    }

    @Test
    void ordersByProbabilityTimesSeverityAndDeduplicatesSharedTests() {
        WorkupPlan plan = PLANNER.recommend(List.of(new DifferentialEntry("URTI", 0.7),
                new DifferentialEntry("Pneumonia", 0.2), new DifferentialEntry("Pulmonary embolism", 0.1)), Language.ES);
        List<String> keys = plan.tests().stream().map(RecommendedTest::test).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.indexOf("chest-xray")).isLessThan(keys.indexOf("crp-poc"));
        for (int i = 1; i < plan.tests().size(); i++) {
            assertThat(plan.tests().get(i).score()).isLessThanOrEqualTo(plan.tests().get(i - 1).score());
        }
        RecommendedTest crp = plan.tests().stream().filter(t -> t.test().equals("crp")).findFirst().orElseThrow();
        assertThat(crp.reasons()).extracting(TestReason::pathology).containsExactly("Pneumonia");
        assertThat(crp.score()).isEqualTo(0.2 * 3);
    }

    @Test
    void keepsTheBestScoreAndEveryReasonForATestAnsweringSeveralCandidates() {
        WorkupPlan plan = PLANNER.recommend(List.of(new DifferentialEntry("Pericarditis", 0.5),
                new DifferentialEntry("Possible NSTEMI / STEMI", 0.3)), Language.EN);
        RecommendedTest ecg = plan.tests().stream().filter(t -> t.test().equals("ecg")).findFirst().orElseThrow();
        assertThat(ecg.reasons()).extracting(TestReason::pathology).containsExactly("Possible NSTEMI / STEMI", "Pericarditis");
        assertThat(ecg.score()).isEqualTo(Math.max(0.3 * 5, 0.5 * 2));
        assertThat(ecg.sources()).hasSize(2);
    }

    @Test
    void reportsUnknownPathologiesAndRejectsBadProbabilities() {
        WorkupPlan plan = PLANNER.recommend(List.of(new DifferentialEntry("Dengue", 0.4)), Language.ES);
        assertThat(plan.unknownPathologies()).containsExactly("Dengue");
        assertThat(plan.tests()).isEmpty();
        assertThatThrownBy(() -> PLANNER.recommend(List.of(new DifferentialEntry("GERD", 1.5)), Language.ES))
                .isInstanceOf(InvalidClinicalInputException.class).hasMessageContaining("differential[0].probability");
    }

    @Test
    void findsPathologiesByIcd10SpanishAndFrenchNames() {
        assertThat(PLANNER.pathology("I26")).map(WorkupPlanner.Pathology::name).contains("Pulmonary embolism");
        assertThat(PLANNER.pathology("tromboembolismo pulmonar")).isPresent();
        assertThat(PLANNER.pathology("EMBOLIE PULMONAIRE")).isPresent();
    }
}

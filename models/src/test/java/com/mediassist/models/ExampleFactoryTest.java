package com.mediassist.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.diagnosis.NaiveBayes;
import com.mediassist.core.diagnosis.QuestionPlanner;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExampleFactoryTest {

    static Knowledge knowledge;
    static FeatureSpace space;
    static List<TrainingCase> cases;
    static EvidenceStats stats;
    static ExampleFactory factory;

    @BeforeAll
    static void load() {
        Path data = Path.of("src/main/data/ddxplus");
        knowledge = DdxplusData.buildKnowledge(data);
        space = new FeatureSpace(knowledge);
        cases = new TrainingPipeline(knowledge, TrainerSettings.defaults())
                .cases(DdxplusData.readPatients(data.resolve("patients-dev.csv")).subList(0, 200));
        stats = new EvidenceStats(knowledge, space, cases);
        factory = new ExampleFactory(knowledge, space, stats);
    }

    @Test
    void partialVariantsKeepTheChiefComplaintAndDenyOnlyEvidencesThePatientLacks() {
        Random rnd = new Random(1);
        for (TrainingCase c : cases.subList(0, 50)) {
            ExampleFactory.Example ex = factory.variant(c, 0.0, true, rnd);
            int initial = space.indexOf(c.initial().value());
            assertThat(ex.index()).contains(initial);
            for (int n = 0; n < ex.index().length; n++) {
                if (ex.value()[n] < 0) {
                    String denied = space.names().get(ex.index()[n]);
                    assertThat(c.findings()).noneMatch(f -> f.evidence().value().equals(denied));
                }
            }
        }
    }

    @Test
    void syntheticPatientsOnlyPresentFollowUpsAfterTheirParent() {
        Random rnd = new Random(2);
        for (int k = 0; k < knowledge.pathologies().size(); k++) {
            TrainingCase s = factory.sample(k, null, rnd);
            if (s == null) {
                continue;
            }
            assertThat(s.label()).isEqualTo(k);
            for (var f : s.findings()) {
                var parent = knowledge.evidence(f.evidence()).orElseThrow().parent();
                if (parent != null) {
                    assertThat(s.findings()).anyMatch(g -> g.evidence().equals(parent));
                }
            }
        }
    }

    @Test
    void simulatedConsultationsAnswerFromThePatientsTruth() {
        EvidenceFrequencies freq = stats.frequencies();
        NaiveBayes nb = new NaiveBayes(knowledge, space, freq);
        QuestionPlanner planner = new QuestionPlanner(knowledge, space, freq);
        Random rnd = new Random(3);
        TrainingCase c = cases.get(0);
        List<ExampleFactory.Example> states = factory.consultation(c, nb, planner, 8, 1.0, rnd);
        assertThat(states).isNotEmpty().hasSizeLessThanOrEqualTo(8);
        ExampleFactory.Example last = states.get(states.size() - 1);
        for (int n = 0; n < last.index().length; n++) {
            String name = space.names().get(last.index()[n]);
            if (last.value()[n] > 0 && last.index()[n] < space.evidenceFeatureCount() && !name.contains("=")) {
                assertThat(c.findings()).anyMatch(f -> f.evidence().value().equals(name));
            }
        }
    }
}

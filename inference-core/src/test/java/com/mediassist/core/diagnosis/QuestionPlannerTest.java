package com.mediassist.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Evidence;
import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.EvidenceType;
import com.mediassist.core.knowledge.EvidenceValue;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.PathologyCode;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The clinician's questions: three respiratory leaders and two skin conditions far behind. The
 * rash question is the most informative over the whole posterior, yet none of the leaders presents
 * it; the pain-site question has eight sites of which the leaders present six.
 */
class QuestionPlannerTest {

    private static final EvidenceCode PAIN = new EvidenceCode("E_53");
    private static final EvidenceCode WHERE = new EvidenceCode("E_55");
    private static final EvidenceCode FEVER = new EvidenceCode("E_91");
    private static final EvidenceCode COUGH = new EvidenceCode("E_201");
    private static final EvidenceCode RASH = new EvidenceCode("E_129");

    private final Knowledge k = knowledge();
    private final FeatureSpace space = new FeatureSpace(k);
    private final EvidenceFrequencies freq = frequencies();
    private final QuestionPlanner planner = new QuestionPlanner(k, space, freq);
    private final PatientFindings pneumoniaLike = k.findings(67, "M", List.of("E_53"), List.of());

    private static Knowledge knowledge() {
        List<EvidenceValue> sites = new ArrayList<>(List.of(new EvidenceValue("V_123", new Text("en ninguna parte", "nowhere"))));
        for (int v = 1; v <= 8; v++) {
            sites.add(new EvidenceValue("V_" + v, new Text("sitio " + v, "site " + v)));
        }
        List<Evidence> ev = List.of(
                new Evidence(PAIN, EvidenceType.BINARY, null, false, new Text("¿Tiene dolor?", "Pain?"), null, List.of()),
                new Evidence(WHERE, EvidenceType.MULTI, PAIN, false, new Text("¿Dónde le duele?", "Where?"), "V_123", sites),
                new Evidence(FEVER, EvidenceType.BINARY, null, false, new Text("¿Fiebre?", "Fever?"), null, List.of()),
                new Evidence(COUGH, EvidenceType.BINARY, null, false, new Text("¿Tos?", "Cough?"), null, List.of()),
                new Evidence(RASH, EvidenceType.BINARY, null, false, new Text("¿Erupción?", "Rash?"), null, List.of()));
        List<EvidenceCode> chest = List.of(PAIN, WHERE, FEVER, COUGH);
        List<Pathology> p = List.of(
                pathology("Pneumonia", chest), pathology("Bronchitis", chest), pathology("Pulmonary embolism", chest),
                pathology("Scarlet fever", List.of(RASH, FEVER)), pathology("Urticaria", List.of(RASH)));
        return new Knowledge(new Knowledge.Document("test", "CC BY 4.0", ev, p));
    }

    private static Pathology pathology(String name, List<EvidenceCode> symptoms) {
        return new Pathology(PathologyCode.fromName(name), name, new Text(name, name), "X00", 3, symptoms, List.of());
    }

    /** Rows: pneumonia, bronchitis, embolism, scarlet fever, urticaria; pain sites 1–6 for the chest, 7–8 for nobody. */
    private EvidenceFrequencies frequencies() {
        List<String> features = space.names().subList(0, space.evidenceFeatureCount());
        Map<String, double[]> byFeature = Map.ofEntries(
                Map.entry("E_53", new double[]{0.6, 0.3, 0.9, 0.01, 0.01}),
                Map.entry("E_91", new double[]{0.9, 0.4, 0.2, 0.9, 0.01}),
                Map.entry("E_201", new double[]{0.9, 0.9, 0.3, 0.01, 0.01}),
                Map.entry("E_129", new double[]{0.001, 0.001, 0.001, 0.95, 0.95}),
                Map.entry("E_55=V_1", new double[]{0.5, 0.2, 0.6, 0, 0}),
                Map.entry("E_55=V_2", new double[]{0.3, 0.2, 0.4, 0, 0}),
                Map.entry("E_55=V_3", new double[]{0.2, 0.05, 0.1, 0, 0}),
                Map.entry("E_55=V_4", new double[]{0.1, 0.05, 0.25, 0, 0}),
                Map.entry("E_55=V_5", new double[]{0.05, 0.02, 0.02, 0, 0}),
                Map.entry("E_55=V_6", new double[]{0.02, 0.02, 0.02, 0, 0}),
                Map.entry("E_55=V_7", new double[]{0.001, 0.001, 0.001, 0.3, 0.3}),
                Map.entry("E_55=V_8", new double[]{0.001, 0.001, 0.001, 0.3, 0.3}));
        double[][] present = new double[5][features.size()];
        for (int f = 0; f < features.size(); f++) {
            double[] row = byFeature.getOrDefault(features.get(f), new double[]{0.01, 0.01, 0.01, 0.01, 0.01});
            for (int c = 0; c < 5; c++) {
                present[c][f] = Math.max(row[c], 0.0005);
            }
        }
        double[][] ages = new double[5][space.ageBucketCount()];
        for (double[] a : ages) {
            Arrays.fill(a, 1.0 / space.ageBucketCount());
        }
        return new EvidenceFrequencies(k.pathologies().stream().map(Pathology::code).toList(), features,
                new double[]{0.3, 0.3, 0.3, 0.05, 0.05}, present, ages, new double[]{0.5, 0.5, 0.5, 0.5, 0.5}, "hand-set for tests");
    }

    private static final double[] RESPIRATORY = {0.5, 0.25, 0.2, 0.03, 0.02};

    @Test
    void theWholePosteriorWouldAskAboutTheRashSoTheFilterIsWhatKeepsItOut() {
        assertThat(planner.rank(pneumoniaLike, RESPIRATORY, 10)).extracting(s -> s.evidence().code()).contains(RASH);
    }

    @Test
    void neverProposesAnEvidenceNoneOfTheLeadingCandidatesPresents() {
        List<QuestionPlanner.Proposal> qs = planner.propose(pneumoniaLike, RESPIRATORY, 10);
        assertThat(qs).isNotEmpty();
        assertThat(qs).extracting(q -> q.evidence().code()).doesNotContain(RASH);
        for (QuestionPlanner.Proposal q : qs) {
            assertThat(k.pathologies().subList(0, 3)).anyMatch(p -> p.canPresent(q.evidence().code()));
        }
    }

    @Test
    void neverAsksAboutTheSkinForAPneumoniaEvenWhereDdxplusListsIt() {
        Knowledge listed = new Knowledge(new Knowledge.Document("test", "CC BY 4.0", k.evidences(), List.of(
                pathology("Pneumonia", List.of(PAIN, WHERE, FEVER, COUGH, RASH)), k.pathologies().get(1), k.pathologies().get(2),
                k.pathologies().get(3), k.pathologies().get(4))));
        double[][] present = freq.present().clone();
        present[0] = present[0].clone();
        present[0][space.names().indexOf("E_129")] = 0.99;
        EvidenceFrequencies listedFreq = new EvidenceFrequencies(freq.pathologies(), freq.features(), freq.prior(), present,
                freq.ageBuckets(), freq.male(), "hand-set for tests");
        QuestionPlanner p = new QuestionPlanner(listed, new FeatureSpace(listed), listedFreq);
        assertThat(p.rank(pneumoniaLike, RESPIRATORY, 10)).extracting(s -> s.evidence().code()).contains(RASH);
        assertThat(p.propose(pneumoniaLike, RESPIRATORY, 10)).extracting(q -> q.evidence().code()).doesNotContain(RASH);
    }

    @Test
    void asksAboutTheRashOnceASkinConditionLeads() {
        double[] skin = {0.2, 0.05, 0.05, 0.4, 0.3};
        assertThat(planner.propose(pneumoniaLike, skin, 10)).extracting(q -> q.evidence().code()).contains(RASH);
    }

    @Test
    void offersAtMostFiveSitesTheLeadersPresentMostFrequentFirst() {
        QuestionPlanner.Proposal where = planner.propose(pneumoniaLike, RESPIRATORY, 10).stream()
                .filter(q -> q.evidence().code().equals(WHERE)).findFirst().orElseThrow();
        assertThat(where.values()).extracting(EvidenceValue::code).containsExactly("V_1", "V_2", "V_4", "V_3", "V_5");
    }
}

package com.mediassist.core.diagnosis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Pathology;
import com.mediassist.core.knowledge.TinyKnowledge;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteLikelihoodTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final FeatureSpace space = new FeatureSpace(k);

    /** Pharyngitis never presents a cough (1e-6, as DDXPlus' unlisted evidences); the infarction nearly always has pain. */
    private EvidenceFrequencies frequencies(double pharyngitisCough, double infarctionPain) {
        List<String> features = space.names().subList(0, space.evidenceFeatureCount());
        double[][] present = {
                {0.9, 0.05, 0.05, 0.85, 0.9, pharyngitisCough},
                {infarctionPain, 0.05, 0.9, 0.02, 0.05, 0.1}};
        double[][] ages = new double[2][space.ageBucketCount()];
        for (double[] a : ages) {
            java.util.Arrays.fill(a, 1.0 / space.ageBucketCount());
        }
        return new EvidenceFrequencies(k.pathologies().stream().map(Pathology::code).toList(), features,
                new double[]{0.7, 0.3}, present, ages, new double[]{0.5, 0.6}, "hand-set for tests");
    }

    private float[] input(float pain, float fever, float cough) {
        float[] x = new float[space.size()];
        x[space.indexOf("E_53")] = pain;
        x[space.indexOf("E_91")] = fever;
        x[space.indexOf("E_201")] = cough;
        x[space.ageFeatureStart() + 4] = 1f;
        x[space.sexFeatureStart()] = 1f;
        return x;
    }

    @Test
    void aPresentFindingThePathologyNeverShowsCostsNoMoreThanTheFloor() {
        EvidenceFrequencies freq = frequencies(1e-6, 0.95);
        float[] x = input(0f, 1f, 1f);
        double[] model = new NaiveBayes(k, space, freq).posterior(x);
        double[] bounded = new NoteLikelihood(freq, space, 0.01).bound(model, x, 1);
        double[] expected = new NaiveBayes(k, space, frequencies(0.01, 0.95)).posterior(x);
        assertArrayEquals(expected, bounded, 1e-9);
        assertTrue(model[0] < 0.01 && bounded[0] > 0.5, "a fever with a cough no longer rules the pharyngitis out");
    }

    @Test
    void aDeniedFindingThePathologyNearlyAlwaysShowsCostsNoMoreThanTheFloor() {
        EvidenceFrequencies freq = frequencies(0.3, 0.9999);
        float[] x = input(-1f, 0f, 0f);
        double[] bounded = new NoteLikelihood(freq, space, 0.01).bound(new NaiveBayes(k, space, freq).posterior(x), x, 1);
        assertArrayEquals(new NaiveBayes(k, space, frequencies(0.3, 0.99)).posterior(x), bounded, 1e-9);
    }

    @Test
    void theModelTemperatureDividesTheCorrectionAsItDividesTheLogLikelihoods() {
        EvidenceFrequencies freq = frequencies(1e-6, 0.95);
        float[] x = input(0f, 1f, 1f);
        double[] tempered = NaiveBayes.softmax(java.util.Arrays.stream(new NaiveBayes(k, space, freq).posterior(x))
                .map(p -> Math.log(p) / 2).toArray());
        double[] bounded = new NoteLikelihood(freq, space, 0.01).bound(tempered, x, 2);
        double[] expected = NaiveBayes.softmax(java.util.Arrays.stream(
                new NaiveBayes(k, space, frequencies(0.01, 0.95)).posterior(x)).map(p -> Math.log(p) / 2).toArray());
        assertArrayEquals(expected, bounded, 1e-9);
    }

    @Test
    void withoutAFloorOrWithFindingsInsideTheBoundThePosteriorIsUnchanged() {
        EvidenceFrequencies freq = frequencies(1e-6, 0.95);
        float[] x = input(1f, 1f, 1f);
        double[] model = new NaiveBayes(k, space, freq).posterior(x);
        assertArrayEquals(model, new NoteLikelihood(freq, space, 0).bound(model, x, 1), 1e-12);
        float[] inside = input(1f, 1f, 0f);
        double[] m2 = new NaiveBayes(k, space, freq).posterior(inside);
        assertArrayEquals(m2, new NoteLikelihood(freq, space, 0.01).bound(m2, inside, 1), 1e-12);
    }

    @Test
    void aFindingImpliedByOneThePathologyListsCostsNothingUnderIt() {
        // hypothetical table: a fever implies a cough; pharyngitis lists the fever, not the cough
        NoteImplications feverImpliesCough = NoteImplications.parse(List.of("# test", "E_91\tE_201\twhy"));
        EvidenceFrequencies freq = frequencies(1e-6, 0.95);
        float[] x = input(0f, 1f, 1f);
        double[] model = new NaiveBayes(k, space, freq).posterior(x);
        double[] bounded = new NoteLikelihood(freq, space, 0.01, feverImpliesCough).bound(model, x, 1);
        assertArrayEquals(new NaiveBayes(k, space, frequencies(1.0, 0.95)).posterior(x), bounded, 1e-9);
        assertTrue(bounded[0] > new NoteLikelihood(freq, space, 0.01).bound(model, x, 1)[0]);
    }

    @Test
    void aFindingThatOnlyImpliesAListedOneStillCostsTheFloor() {
        NoteImplications coughImpliesFever = NoteImplications.parse(List.of("E_201\tE_91"));
        EvidenceFrequencies freq = frequencies(1e-6, 0.95);
        float[] x = input(0f, 1f, 1f);
        double[] model = new NaiveBayes(k, space, freq).posterior(x);
        assertArrayEquals(new NoteLikelihood(freq, space, 0.01).bound(model, x, 1),
                new NoteLikelihood(freq, space, 0.01, coughImpliesFever).bound(model, x, 1), 1e-12);
        float[] coughAlone = input(0f, 0f, 1f);
        double[] m2 = new NaiveBayes(k, space, freq).posterior(coughAlone);
        assertArrayEquals(new NoteLikelihood(freq, space, 0.01).bound(m2, coughAlone, 1),
                new NoteLikelihood(freq, space, 0.01, NoteImplications.parse(List.of("E_91\tE_201"))).bound(m2, coughAlone, 1),
                1e-12, "without the implying finding in the note the cough is floored as before");
    }

    @Test
    void aMalformedImplicationLineIsRefusedWithItsNumber() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(DiagnosisException.ModelRunException.class,
                () -> NoteImplications.parse(List.of("# c", "E_91\tcough")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(DiagnosisException.ModelRunException.class,
                () -> NoteImplications.parse(List.of("E_91\tE_91")));
    }

}

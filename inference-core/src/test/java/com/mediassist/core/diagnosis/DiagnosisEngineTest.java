package com.mediassist.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.bundle.BundleException.FeatureMismatchException;
import com.mediassist.core.bundle.BundleManifest;
import com.mediassist.core.diagnosis.DiagnosisException.ModelRunException;
import com.mediassist.core.knowledge.EvidenceFrequencies;
import com.mediassist.core.knowledge.FeatureSpace;
import com.mediassist.core.knowledge.Knowledge;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.knowledge.PatientFindings;
import com.mediassist.core.knowledge.TinyKnowledge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Engine behaviour over the tiny knowledge. The scorer here is the naive Bayes posterior (or one
 * that fails or stalls); the real ONNX scorer is tested against a trained bundle in the models module.
 */
class DiagnosisEngineTest {

    private final Knowledge k = TinyKnowledge.knowledge();
    private final EvidenceFrequencies freq = TinyKnowledge.frequencies(k);
    private final FeatureSpace space = new FeatureSpace(k);

    private BundleManifest manifest(List<String> features) {
        return new BundleManifest(BundleManifest.FORMAT, "tiny", "1.2.3", "2026-01-01T00:00:00Z", "0.1.0", null, List.of(),
                new BundleManifest.ModelSpec("model.onnx", "features", "probabilities", features,
                        k.pathologies().stream().map(p -> p.code().value()).toList(), 1.0, FeatureSpace.ENCODING), Map.of());
    }

    private DiagnosisEngine engine(Scorer scorer, DiagnosisOptions options) {
        return new DiagnosisEngine(k, freq, manifest(space.names()), scorer, options);
    }

    /** A scorer that always answers 80% pharyngitis. */
    private static float[] fixed(float[] x) {
        return new float[]{0.8f, 0.2f};
    }

    @Test
    void namesThePresentFindingsACandidatesProfileDoesNotInclude() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of("E_53", "E_91", "E_201"), List.of()), Language.EN);
            DiagnosisResult.Candidate pharyngitis = r.differential().get(0);
            DiagnosisResult.Candidate infarction = r.differential().get(1);
            // Cough is in neither profile; fever is in pharyngitis' only.
            assertThat(pharyngitis.unexplained()).extracting(n -> n.evidence().toString()).containsExactly("E_201");
            assertThat(infarction.unexplained()).extracting(n -> n.evidence().toString())
                    .containsExactly("E_91", "E_201");
            assertThat(infarction.unexplained().get(0).text()).isEqualTo("Do you have a fever?");
            assertThat(infarction.unexplained()).extracting(DiagnosisResult.EvidenceNote::status).containsOnly("not-in-profile");
        }
    }

    @Test
    void ranksCandidatesWithNamesInTheRequestedLanguage() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of("E_91"), List.of()), Language.ES);
            assertThat(r.fallback()).isFalse();
            assertThat(r.model().bundle()).isEqualTo("tiny");
            assertThat(r.model().method()).isEqualTo(DiagnosisEngine.METHOD_MODEL);
            assertThat(r.differential()).extracting(DiagnosisResult.Candidate::name)
                    .containsExactly("Faringitis vírica", "Posible IAMSEST / IAMCEST");
            // one finding: most of the probability is "a condition I do not know"
            assertThat(r.otherMass()).isGreaterThan(0.6);
            assertThat(r.differential().get(0).probability())
                    .isCloseTo(0.8 * (1 - r.otherMass()), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(r.differential().get(0).probabilityBand()).isEqualTo("20-50 %");
            assertThat(r.differential().get(0).supporting()).extracting(n -> n.evidence().toString()).contains("E_91");
        }
    }

    @Test
    void flagsASevereConditionThatIsPlausibleButNotFirstWhenAFindingIsSpecificToIt() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(60, "M", List.of("E_53", "E_55_@_V_101"), List.of()), Language.EN);
            double shown = r.differential().get(1).probability();
            assertThat(r.redFlags()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("possible-nstemi-stemi");
                assertThat(f.severity()).isEqualTo(1);
                assertThat(f.probability()).isEqualTo(shown);
                assertThat(f.reason()).contains("Severe condition")
                        .contains(String.format(java.util.Locale.ROOT, "%.0f%%", shown * 100));
            });
            assertThat(r.mustNotMiss()).singleElement().satisfies(m -> {
                assertThat(m.code()).isEqualTo("possible-nstemi-stemi");
                assertThat(m.redFlags()).singleElement().asString().contains("chest");
            });
        }
    }

    @Test
    void raisesNoSevereConditionFromAFindingEveryCandidateShares() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            // pain alone is as common in pharyngitis as in infarction: 20 % infarction is no red flag
            DiagnosisResult r = e.diagnose(k.findings(60, "M", List.of("E_53"), List.of()), Language.EN);
            assertThat(r.redFlags()).isEmpty();
            assertThat(r.mustNotMiss()).isEmpty();
        }
    }

    @Test
    void findingsOutsideTheModelGiveAnOutOfScopeVerdictNamingThem() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(40, "F", List.of("E_91", "E_53", "E_55_@_V_101"), List.of()),
                    List.of("disuria", "dolor en el primer dedo del pie"), Language.ES);
            // the coded findings name every characteristic symptom of pharyngitis, but two findings from outside
            // the model are never in scope
            assertThat(r.fit().verdict()).isNotEqualTo(com.mediassist.core.fit.FitVerdict.IN_SCOPE);
            assertThat(r.fit().unmappedFindings()).containsExactly("disuria", "dolor en el primer dedo del pie");
            assertThat(r.fit().reasons().get(0).code()).isEqualTo("unmapped-findings");
            assertThat(r.fit().reasons().get(0).text()).isEqualTo("Fuera de lo que conozco: disuria, dolor en el primer dedo del pie");
            assertThat(r.differential().get(0).probability()).isLessThan(0.1);
            // outside the model one specific finding no longer raises a red flag, but it stays a must-not-miss
            assertThat(r.redFlags()).isEmpty();
            assertThat(r.mustNotMiss()).extracting(m -> m.code()).containsExactly("possible-nstemi-stemi");
        }
    }

    @Test
    void aWellExplainedPatientIsInScopeAndARelatedSignBarelyCounts() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            PatientFindings p = k.findings(30, "F", List.of("E_91", "E_53"), List.of("E_201", "E_55"));
            DiagnosisResult plain = e.diagnose(p, List.of(), Language.EN);
            DiagnosisResult crackles = e.diagnose(p, List.of("crackles"), Language.EN);
            DiagnosisResult dysuria = e.diagnose(p, List.of("dysuria"), Language.EN);
            assertThat(plain.fit().verdict()).isEqualTo(com.mediassist.core.fit.FitVerdict.IN_SCOPE);
            assertThat(plain.fit().reasons().get(0).code()).isEqualTo("well-explained");
            assertThat(crackles.fit().verdict()).isEqualTo(com.mediassist.core.fit.FitVerdict.IN_SCOPE);
            assertThat(crackles.otherMass() - plain.otherMass()).isBetween(0.0, 0.1);
            // one finding from outside the model beside two symptoms is a third of the picture: flagged and named
            assertThat(dysuria.fit().verdict()).isNotEqualTo(com.mediassist.core.fit.FitVerdict.IN_SCOPE);
            assertThat(dysuria.fit().reasons().get(0).text()).isEqualTo("Outside what I know: dysuria");
            assertThat(dysuria.otherMass() - plain.otherMass()).isGreaterThan(0.3);
            DiagnosisResult cough = e.diagnose(k.findings(30, "F", List.of("E_201"), List.of()), List.of("dysuria"), Language.EN);
            assertThat(cough.fit().verdict()).isEqualTo(com.mediassist.core.fit.FitVerdict.OUT_OF_SCOPE);
        }
    }

    @Test
    void littleEvidenceAloneLowersTheFitWithoutCallingThePatientOutOfScope() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of(), List.of()), Language.ES);
            assertThat(r.fit().verdict()).isEqualTo(com.mediassist.core.fit.FitVerdict.LOW_FIT);
            assertThat(r.fit().reasons()).extracting(com.mediassist.core.fit.FitReason::code).contains("little-evidence");
            assertThat(r.otherMass()).isEqualTo(1.0);
        }
    }

    @Test
    void moreEvidenceLeavesLessToTheUnknown() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            double one = e.diagnose(k.findings(30, "F", List.of("E_91"), List.of()), Language.EN).otherMass();
            double two = e.diagnose(k.findings(30, "F", List.of("E_91", "E_53"), List.of()), Language.EN).otherMass();
            double more = e.diagnose(k.findings(30, "F", List.of("E_91", "E_53"), List.of("E_201", "E_55")), Language.EN).otherMass();
            assertThat(one).isGreaterThan(two);
            assertThat(two).isGreaterThan(more);
        }
    }

    @Test
    void answersFromTheFallbackWhenTheModelFails() {
        Scorer broken = x -> {
            throw new ModelRunException("session closed", null);
        };
        try (DiagnosisEngine e = engine(broken, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of("E_53", "E_55_@_V_101"), List.of("E_91")), Language.EN);
            assertThat(r.fallback()).isTrue();
            assertThat(r.fallbackReason()).contains("session closed");
            assertThat(r.model().method()).isEqualTo(DiagnosisEngine.METHOD_FALLBACK);
            assertThat(r.differential()).isNotEmpty();
            assertThat(r.differential().get(0).code()).isEqualTo("possible-nstemi-stemi");
        }
    }

    @Test
    void answersFromTheFallbackWhenTheModelExceedsItsBudget() {
        Scorer slow = x -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return new float[]{0.5f, 0.5f};
        };
        try (DiagnosisEngine e = engine(slow, DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofMillis(20)))) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of("E_91"), List.of()), Language.ES);
            assertThat(r.fallback()).isTrue();
            assertThat(r.fallbackReason()).contains("time budget of 20 ms");
        }
    }

    @Test
    void refusesProbabilitiesThatDoNotSumToOne() {
        try (DiagnosisEngine e = engine(x -> new float[]{0.9f, 0.9f}, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of("E_91"), List.of()), Language.ES);
            assertThat(r.fallback()).isTrue();
            assertThat(r.fallbackReason()).contains("sum to 1.8");
        }
    }

    @Test
    void fallbackTellsDeniedFromNotAsked() {
        NaiveBayes nb = new NaiveBayes(k, space, freq);
        double notAsked = nb.posterior(k.findings(30, "F", List.of("E_53"), List.of()))[0];
        double denied = nb.posterior(k.findings(30, "F", List.of("E_53"), List.of("E_91")))[0];
        assertThat(denied).isLessThan(notAsked / 2);
    }

    @Test
    void nextQuestionsNeverRepeatAnAnsweredEvidence() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            PatientFindings p = k.findings(30, "F", List.of("E_53"), List.of("E_91"));
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                List<DiagnosisResult.NextQuestion> qs = e.diagnose(p, Language.ES).nextQuestions();
                List<String> offered = qs.stream().map(q -> q.evidence().value()).toList();
                assertThat(offered).doesNotContain("E_53", "E_91");
                assertThat(offered).noneMatch(asked::contains);
                if (qs.isEmpty()) {
                    break;
                }
                String q = qs.get(0).evidence().value();
                asked.add(q);
                p = q.equals("E_55") ? p.withPresent(List.of(k.parseFinding("q", "E_55_@_V_148"))) : p.withAbsent(new com.mediassist.core.knowledge.EvidenceCode(q));
            }
            assertThat(asked).isNotEmpty();
        }
    }

    @Test
    void labelsQuestionsClinicallyInBothLanguagesWithTheSurveyQuestionAsAHint() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            PatientFindings p = k.findings(30, "F", List.of("E_53"), List.of());
            DiagnosisResult.NextQuestion es = e.diagnose(p, Language.ES).nextQuestions().stream()
                    .filter(q -> q.evidence().value().equals("E_91")).findFirst().orElseThrow();
            DiagnosisResult.NextQuestion en = e.diagnose(p, Language.EN).nextQuestions().stream()
                    .filter(q -> q.evidence().value().equals("E_91")).findFirst().orElseThrow();
            assertThat(es.label()).isEqualTo("Fiebre");
            assertThat(es.question()).isEqualTo("¿Tiene fiebre (notada o medida con un termómetro)?");
            assertThat(en.label()).isEqualTo("Fever");
            assertThat(en.question()).isEqualTo("Do you have a fever?");
        }
    }

    @Test
    void asksWhereItHurtsOnlyAfterPainIsPresentAndInTheDoctorsLanguage() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            assertThat(e.diagnose(k.findings(30, "F", List.of("E_91"), List.of()), Language.ES).nextQuestions())
                    .extracting(q -> q.evidence().value()).doesNotContain("E_55");
            assertThat(e.diagnose(k.findings(30, "F", List.of("E_91"), List.of("E_53")), Language.ES).nextQuestions())
                    .extracting(q -> q.evidence().value()).doesNotContain("E_55");
            DiagnosisResult.NextQuestion where = e.diagnose(k.findings(30, "F", List.of("E_53"), List.of()), Language.ES)
                    .nextQuestions().stream().filter(q -> q.evidence().value().equals("E_55")).findFirst().orElseThrow();
            assertThat(where.question()).isEqualTo("¿Dónde le duele?");
            assertThat(where.values()).extracting(DiagnosisResult.AnswerOption::label).contains("faringe");
            assertThat(where.informationGain()).isPositive();
        }
    }

    @Test
    void refusesAModelWhoseFeatureNamesDiffer() {
        List<String> renamed = new ArrayList<>(space.names());
        renamed.set(4, "E_92");
        assertThatThrownBy(() -> new DiagnosisEngine(k, freq, manifest(renamed), DiagnosisEngineTest::fixed,
                DiagnosisOptions.defaults()))
                .isInstanceOf(FeatureMismatchException.class)
                .hasMessageContaining("position 4 expected 'E_91', found 'E_92'");
    }

    @Test
    void missingListsTypicalEvidencesDeniedOrNotAsked() {
        try (DiagnosisEngine e = engine(DiagnosisEngineTest::fixed, DiagnosisOptions.defaults())) {
            DiagnosisResult r = e.diagnose(k.findings(30, "F", List.of("E_53"), List.of("E_91")), Language.EN);
            DiagnosisResult.Candidate pharyngitis = r.differential().get(0);
            assertThat(pharyngitis.missing()).singleElement().satisfies(n -> {
                assertThat(n.evidence()).hasToString("E_91");
                assertThat(n.status()).isEqualTo("denied");
            });
        }
    }
}

package com.mediassist.models.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.bundle.BundleLoader;
import com.mediassist.core.diagnosis.DiagnosisEngine;
import com.mediassist.core.diagnosis.DiagnosisOptions;
import com.mediassist.core.summary.SummaryExtractor;
import com.mediassist.models.ModelsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit vignettes and their evaluation through the note reader and the bundle the build ships
 * ({@code target/bundle}, built in process-classes).
 */
class FitEvaluationTest {

    static final Path DIR = Path.of("src/test/resources/fit-vignettes");
    static List<Vignette> tune;
    static List<Vignette> holdout;
    static List<Vignette> tune2;
    static DiagnosisEngine engine;

    @BeforeAll
    static void open() {
        tune = Vignette.read(DIR.resolve("tune.txt"));
        holdout = Vignette.read(DIR.resolve("holdout.txt"));
        tune2 = Vignette.read(DIR.resolve("tune2.txt"));
        engine = DiagnosisEngine.open(new BundleLoader("0.1.0").load(Path.of("target/bundle")),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void hasSixtyNotesInBothLanguagesAThirdInScopeWithKnownPathologies() {
        List<Vignette> all = new ArrayList<>(tune);
        all.addAll(holdout);
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all).extracting(Vignette::language).contains("es", "en");
        long in = all.stream().filter(Vignette::inScope).count();
        assertThat(in).isBetween(all.size() / 4L, all.size() / 2L);
        assertThat(all).extracting(Vignette::id).doesNotHaveDuplicates();
        List<String> codes = engine.knowledge().pathologies().stream().map(p -> p.code().value()).toList();
        assertThat(all.stream().filter(Vignette::inScope).map(Vignette::expected)).allMatch(codes::contains);
        assertThat(holdout.stream().filter(Vignette::inScope).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void meetsTheIssueTargetsOnTheTuningSplit() {
        Map<String, Object> m = FitEvaluation.metrics(new FitEvaluation(SummaryExtractor.loadDefault(), engine).run(tune));
        assertThat((double) m.get("inScopeTop3")).as(m.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat((double) m.get("outOfScopeWithVerdict")).as(m.toString()).isGreaterThanOrEqualTo(0.75);
        assertThat((double) m.get("outOfScopeWrongAtLeast0.8WithoutVerdict")).as(m.toString()).isLessThanOrEqualTo(0.05);
        assertThat((double) m.get("inScopeFlaggedLowFit")).as(m.toString()).isLessThanOrEqualTo(0.15);
        // the raw model, without the fit, fails the second and third: the measure can tell
        assertThat((double) m.get("outOfScopeWrongAtLeast0.8RawModel")).isGreaterThan(0.05);
    }

    @Test
    void raisesNoSevereConditionForNewDiabetesOrHypothyroidism() {
        List<Vignette> notes = List.of(
                new Vignette("d1", null, "type-2-diabetes", "es", 52, "M",
                        "Varón obeso. Mucha sed, orina mucho incluso de noche, cansancio. Ha perdido 4 kg. Glucemia 312."),
                new Vignette("d2", null, "hypothyroidism", "en", 47, "F",
                        "Tired all the time, gained 6 kg, feels cold, constipation, dry skin, hair thinning. TSH 18."));
        for (FitEvaluation.Outcome o : new FitEvaluation(SummaryExtractor.loadDefault(), engine).run(notes)) {
            assertThat(o.result().redFlags()).as(o.vignette().id()).isEmpty();
            assertThat(o.result().mustNotMiss()).as(o.vignette().id()).extracting(m -> m.code()).doesNotContain("ebola");
            assertThat(o.result().fit().verdict()).as(o.vignette().id()).isEqualTo(com.mediassist.core.fit.FitVerdict.OUT_OF_SCOPE);
        }
    }

    @Test
    void theSecondTuningSetHasSixtySixNotesOrMoreInBothLanguagesWithIdsOfItsOwn() {
        assertThat(tune2).hasSizeGreaterThanOrEqualTo(66);
        assertThat(tune2).extracting(Vignette::language).contains("es", "en");
        assertThat(tune2.stream().filter(Vignette::inScope).count()).isGreaterThanOrEqualTo(20);
        List<Vignette> all = new ArrayList<>(tune);
        all.addAll(holdout);
        all.addAll(tune2);
        all.addAll(Vignette.read(DIR.resolve("blind.txt")));
        assertThat(all).extracting(Vignette::id).doesNotHaveDuplicates();
        List<String> codes = engine.knowledge().pathologies().stream().map(p -> p.code().value()).toList();
        assertThat(tune2.stream().filter(Vignette::inScope).map(Vignette::expected)).allMatch(codes::contains);
    }

    @Test
    void coverageOfCharacteristicSymptomsFlagsMoreOutOfScopeTuningNotesWithoutFlaggingInScopeOnes() {
        List<Vignette> notes = new ArrayList<>(tune);
        notes.addAll(tune2);
        com.mediassist.core.fit.FitOptions d = com.mediassist.core.fit.FitOptions.defaults();
        com.mediassist.core.fit.FitOptions without = new com.mediassist.core.fit.FitOptions(d.evidenceScale(),
                d.unmappedPenalty(), d.unexplainedPenalty(), d.atypicalMargin(), d.coverageExpected(), 0, d.lowFitBelow(),
                d.outOfScopeBelow(), d.noFitBelow(), d.redFlagLift(), d.redFlagFrequency(), d.singleFindingShare(),
                d.mustNotMissFloor(), d.mustNotMissSize());
        Map<String, Object> with = FitEvaluation.metrics(new FitEvaluation(SummaryExtractor.loadDefault(), engine).run(notes));
        Map<String, Object> none;
        try (DiagnosisEngine plain = DiagnosisEngine.open(new BundleLoader("0.1.0").load(Path.of("target/bundle")),
                DiagnosisOptions.defaults().withOnnxTimeout(Duration.ofSeconds(10)).withFit(without))) {
            none = FitEvaluation.metrics(new FitEvaluation(SummaryExtractor.loadDefault(), plain).run(notes));
        }
        assertThat((double) with.get("outOfScopeWithVerdict")).as(with + " vs " + none)
                .isGreaterThan((double) none.get("outOfScopeWithVerdict"));
        assertThat((double) with.get("inScopeFlaggedLowFit")).as(with + " vs " + none)
                .isLessThanOrEqualTo((double) none.get("inScopeFlaggedLowFit"));
    }

    @Test
    void theTuningSetsAreReportedAsTuningDataAndTheOthersAsFixed() {
        assertThat(EvaluateFitCommand.split(DIR.resolve("tune2.txt"))).isEqualTo("tuning");
        assertThat(EvaluateFitCommand.split(DIR.resolve("tune.txt"))).isEqualTo("tuning");
        assertThat(EvaluateFitCommand.split(DIR.resolve("blind.txt"))).isEqualTo("fixed");
        assertThat(EvaluateFitCommand.split(DIR.resolve("holdout.txt"))).isEqualTo("fixed");
    }

    @Test
    void refusesAMalformedHeaderNamingTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "# notes\n=== x1 | pneumonia | es | 40\nTos y fiebre.\n");
        assertThatThrownBy(() -> Vignette.read(f)).isInstanceOf(ModelsException.BadInputException.class)
                .hasMessageContaining("line 2");
    }

    private static int rank(com.mediassist.core.diagnosis.DiagnosisResult r, String code) {
        for (int i = 0; i < r.differential().size(); i++) {
            if (r.differential().get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void aSoreThroatFromANoteIsScoredAsEitherOfItsDdxplusEncodings() {
        com.mediassist.core.knowledge.PatientFindings p = engine.knowledge().findings(27, "M",
                List.of("E_97", "E_181", "E_201", "E_91"), List.of());
        com.mediassist.core.diagnosis.NoteEncodings encodings = com.mediassist.core.diagnosis.NoteEncodings.loadDefault();
        var sheet = engine.diagnose(p, List.of(), com.mediassist.core.knowledge.Language.EN);
        var note = engine.diagnoseNote(p, List.of(), com.mediassist.core.knowledge.Language.EN, encodings);
        assertThat(rank(sheet, "viral-pharyngitis")).isGreaterThanOrEqualTo(3);
        assertThat(rank(note, "viral-pharyngitis")).isLessThan(3);
        assertThat(rank(note, "urti")).isLessThan(3);
    }

    @Test
    void aNoteThatStatesTheAlternativeIsScoredAsItIs() {
        com.mediassist.core.knowledge.PatientFindings p = engine.knowledge().findings(27, "M",
                List.of("E_97", "E_181", "E_201"), List.of("E_53"));
        var sheet = engine.diagnose(p, List.of(), com.mediassist.core.knowledge.Language.EN);
        var note = engine.diagnoseNote(p, List.of(), com.mediassist.core.knowledge.Language.EN,
                com.mediassist.core.diagnosis.NoteEncodings.loadDefault());
        assertThat(note.differential()).isEqualTo(sheet.differential());
    }
}

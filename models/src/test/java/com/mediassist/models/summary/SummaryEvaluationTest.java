package com.mediassist.models.summary;

import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.summary.StructuredNote;
import com.mediassist.core.summary.SummaryExtractor;
import com.mediassist.core.summary.lexicon.EvidenceCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryEvaluationTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();
    private static List<GoldNote> gold;

    @BeforeAll
    static void readGold() throws URISyntaxException {
        gold = SummaryEvaluation.readGold(Path.of(SummaryEvaluationTest.class.getClassLoader().getResource("summary-gold").toURI()));
    }

    @Test
    void goldSetHasAtLeastSixtyNotesFortyInSpanishWithValidCodes() {
        assertThat(gold).hasSizeGreaterThanOrEqualTo(60);
        assertThat(gold.stream().filter(g -> g.language().equals("es")).count()).isGreaterThanOrEqualTo(40);
        assertThat(gold.stream().filter(g -> g.source().contains("MEDDOCAN")).count()).isGreaterThanOrEqualTo(5);
        EvidenceCatalog catalog = EvidenceCatalog.loadDefault();
        Set<String> statuses = Set.of("present", "denied", "historical", "family", "hypothetical");
        for (GoldNote g : gold) {
            for (GoldNote.GoldFinding f : g.findings()) {
                assertThat(f.status()).as(g.id() + " " + f.text()).isIn(statuses);
                if (f.evidence() != null) {
                    assertThat(catalog.accepts(Finding.parse(f.evidence()))).as(g.id() + " " + f.evidence()).isTrue();
                }
            }
        }
    }

    @Test
    void meetsTheIssueTargetsOnTheGoldSet() {
        SummaryEvaluation.Result r = new SummaryEvaluation(EXTRACTOR).evaluate(gold);
        assertThat(r.score(SummaryEvaluation.FINDINGS_STATUS).f1()).as(r.table()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.score(SummaryEvaluation.VITALS).f1()).as(r.table()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.score(SummaryEvaluation.MEDICATIONS).f1()).as(r.table()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.score(SummaryEvaluation.EVIDENCE).f1()).as(r.table()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.score(SummaryEvaluation.DENIED).f1()).as(r.table()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyExtractedItemOfEveryGoldNoteSpansItsOwnText() {
        for (GoldNote g : gold) {
            String text = g.text();
            StructuredNote n = EXTRACTOR.extract(text, Language.fromCode(g.language()));
            n.findings().forEach(f -> assertThat(text.substring(f.span().start(), f.span().end())).as(g.id()).isEqualTo(f.text()));
            n.medications().forEach(m -> assertThat(text.substring(m.span().start(), m.span().end())).as(g.id()).isEqualTo(m.text()));
            n.vitals().forEach(v -> assertThat(text.substring(v.span().start(), v.span().end())).as(g.id()).isEqualTo(v.text()));
            n.allergies().forEach(a -> assertThat(text.substring(a.span().start(), a.span().end())).as(g.id()).isEqualTo(a.text()));
            n.sections().forEach(s -> assertThat(text.substring(s.span().start(), s.span().end())).as(g.id()).isEqualTo(s.text()));
        }
    }

    @Test
    void scoresAWrongAnnotationAsAMiss(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.json"), """
                {"id":"x","language":"es","source":"test","text":"Niega fiebre. Tos.",
                 "findings":[{"text":"fiebre","status":"present","evidence":"E_91"},{"text":"Tos","status":"present","evidence":"E_201"}],
                 "medications":[],"vitals":[{"kind":"heart_rate","value":80}],"allergies":[],"medicationEvidences":[]}
                """, StandardCharsets.UTF_8);
        SummaryEvaluation.Result r = new SummaryEvaluation(EXTRACTOR).evaluate(SummaryEvaluation.readGold(dir));
        assertThat(r.score(SummaryEvaluation.FINDINGS).f1()).isEqualTo(1.0);
        assertThat(r.score(SummaryEvaluation.FINDINGS_STATUS).truePositives()).isEqualTo(1);
        assertThat(r.score(SummaryEvaluation.VITALS).recall()).isEqualTo(0.0);
        assertThat(r.discrepancies()).anyMatch(d -> d.contains("status of \"fiebre\": expected present, found denied"));
    }

    @Test
    void rejectsAGoldFolderWithoutNotesOrWithABadNote(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SummaryEvaluation.readGold(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no .json notes");
        Files.writeString(dir.resolve("bad.json"), "{\"id\":\"bad\",\"unknownField\":1}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SummaryEvaluation.readGold(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json");
    }

    @Test
    void commandPrintsPrecisionRecallAndF1PerField() throws URISyntaxException {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new EvaluateSummaryCommand());
        cl.setOut(new java.io.PrintWriter(out));
        Path dir = Path.of(SummaryEvaluationTest.class.getClassLoader().getResource("summary-gold").toURI());
        int code = cl.execute("--gold", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("findings with status", "negation (denied)", "evidence codes", "medications",
                "vitals", "F1");
    }

    @Test
    void withoutAGoldFolderTheCommandPrintsTheDevelopmentSplitsThenTheFixedSplitsSeparately() throws URISyntaxException {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new EvaluateSummaryCommand());
        cl.setOut(new java.io.PrintWriter(out));
        Path root = Path.of(SummaryEvaluationTest.class.getClassLoader().getResource("summary-gold").toURI()).getParent();
        int code = cl.execute("--gold-root", root.toString());
        assertThat(code).isZero();
        String text = out.toString();
        assertThat(text).contains("== development split: summary-gold + blind dev", "== development split: blind dev2",
                "== development split: blind dev3", "== development split: blind dev4", "== fixed split: blind test (",
                "== fixed split: blind test2", "== fixed split: blind test3", "== fixed split: held-out");
        int devNotes = SummaryEvaluation.readGold(root.resolve("summary-gold")).size()
                + SummaryEvaluation.readGold(root.resolve("summary-gold-blind/dev")).size();
        assertThat(text).contains("field (" + devNotes + " notes)");
        assertThat(text).contains("field (" + SummaryEvaluation.readGold(root.resolve("summary-gold-blind/dev2")).size() + " notes)");
        assertThat(text).contains("field (" + SummaryEvaluation.readGold(root.resolve("summary-gold-blind/dev3")).size() + " notes)");
        assertThat(text).contains("field (" + SummaryEvaluation.readGold(root.resolve("summary-gold-blind/dev4")).size() + " notes)");
        assertThat(text.indexOf("blind dev2")).isLessThan(text.indexOf("blind dev3"));
        assertThat(text.indexOf("blind dev3")).isLessThan(text.indexOf("blind dev4"));
        assertThat(text.indexOf("blind test2")).isLessThan(text.indexOf("blind test3"));
        assertThat(text.lastIndexOf("== development split")).isLessThan(text.indexOf("== fixed split"));
    }
}

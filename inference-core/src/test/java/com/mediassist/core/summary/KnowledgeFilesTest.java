package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Finding;

import com.mediassist.core.summary.lexicon.EvidenceCatalog;
import com.mediassist.core.summary.lexicon.TsvResource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeFilesTest {

    private final EvidenceCatalog catalog = EvidenceCatalog.loadDefault();

    @Test
    void shipsAllDdxplusEvidences() {
        assertThat(catalog.size()).isEqualTo(223);
        assertThat(catalog.accepts(Finding.parse("E_54_@_V_161"))).isTrue();
        assertThat(catalog.accepts(Finding.parse("E_56_@_7"))).isTrue();
        assertThat(catalog.accepts(Finding.parse("E_999"))).isFalse();
        assertThat(catalog.accepts(Finding.parse("E_55_@_V_999"))).isFalse();
        assertThat(catalog.isAntecedent(new com.mediassist.core.knowledge.EvidenceCode("E_104"))).isTrue();
        assertThat(catalog.isAntecedent(new com.mediassist.core.knowledge.EvidenceCode("E_91"))).isFalse();
    }

    @Test
    void everyLexiconCodeIsADdxplusEvidenceOfTheRelease() {
        List<TsvResource.Row> rows = TsvResource.read("summary/evidence-lexicon.tsv", 3);
        assertThat(rows).hasSizeGreaterThan(1500);
        Set<String> codes = new HashSet<>();
        for (TsvResource.Row row : rows) {
            String cell = row.cells()[0].split("!")[0];
            if (cell.equals("-")) {
                continue;
            }
            for (String c : cell.split("\\+")) {
                assertThat(catalog.accepts(Finding.parse(c))).as("line %d: %s", row.line(), c).isTrue();
                codes.add(Finding.parse(c).evidence().value());
            }
            assertThat(row.cells()[1]).as("language on line %d", row.line()).isIn("es", "en");
        }
        assertThat(codes).as("binary evidences with surface forms").hasSizeGreaterThan(190);
    }

    @Test
    void everyLexiconCodeHasSpanishAndEnglishForms() {
        Set<String> es = new HashSet<>();
        Set<String> en = new HashSet<>();
        for (TsvResource.Row row : TsvResource.read("summary/evidence-lexicon.tsv", 3)) {
            String code = row.cells()[0].split("[+!]")[0];
            (row.cells()[1].equals("es") ? es : en).add(code);
        }
        assertThat(en).containsAll(es);
        assertThat(es).containsAll(en);
    }

    @Test
    void contextRulesCoverSpanishNegationHistoryFamilyAndHypotheticals() {
        Set<String> phrases = new HashSet<>();
        for (TsvResource.Row row : TsvResource.read("summary/context-rules.tsv", 4)) {
            phrases.add(row.cells()[0] + ":" + row.cells()[1] + ":" + row.cells()[3]);
        }
        assertThat(phrases).contains("es:NEGATED:niega", "es:NEGATED:sin", "es:NEGATED:no refiere", "es:NEGATED:descarta",
                "es:NEGATED:negativo para", "es:NEGATED:ausencia de", "es:NEGATED:negativo", "es:HISTORICAL:antecedentes de",
                "es:FAMILY:madre con", "es:HYPOTHETICAL:si presenta", "es:HYPOTHETICAL:en caso de",
                "es:HYPOTHETICAL:vigilar", "es:TERMINATE:pero", "es:TERMINATE:aunque", "en:TERMINATE:but",
                "en:NEGATED:denies");
    }
}

package com.mediassist.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.KnowledgeException.InvalidFindingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTest {

    private final Knowledge k = TinyKnowledge.knowledge();

    @Test
    void parsesBinaryAndValuedFindings() {
        assertThat(k.parseFinding("evidences[0]", "E_91")).isEqualTo(Finding.of(new EvidenceCode("E_91")));
        assertThat(k.parseFinding("evidences[1]", "E_55_@_V_101").value()).isEqualTo("V_101");
    }

    @Test
    void namesTheItemWithAnUnknownEvidenceCode() {
        assertThatThrownBy(() -> k.findings(40, "F", List.of("E_91", "E_999"), List.of()))
                .isInstanceOf(InvalidFindingException.class)
                .hasMessageContaining("evidences[1]").hasMessageContaining("unknown evidence code E_999");
    }

    @Test
    void rejectsAValueTheEvidenceDoesNotHave() {
        assertThatThrownBy(() -> k.findings(40, "F", List.of("E_55_@_V_7"), List.of()))
                .isInstanceOf(InvalidFindingException.class)
                .satisfies(e -> assertThat(((InvalidFindingException) e).item()).isEqualTo("evidences[0]"))
                .hasMessageContaining("'V_7' is not a value of evidence E_55");
    }

    @Test
    void rejectsAValueOnAYesNoEvidenceAndAMissingValue() {
        assertThatThrownBy(() -> k.parseFinding("evidences[0]", "E_91_@_V_1")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> k.parseFinding("evidences[0]", "E_55")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> k.parseFinding("evidences[0]", "fever")).hasMessageContaining("not an evidence code");
    }

    @Test
    void rejectsImpossibleAgesAndUnknownSexNamingTheField() {
        assertThatThrownBy(() -> k.findings(-1, "M", List.of(), List.of()))
                .satisfies(e -> assertThat(((InvalidFindingException) e).item()).isEqualTo("age"));
        assertThatThrownBy(() -> k.findings(130, "M", List.of(), List.of())).hasMessageContaining("between 0 and 120");
        assertThatThrownBy(() -> k.findings(30, "X", List.of(), List.of()))
                .satisfies(e -> assertThat(((InvalidFindingException) e).item()).isEqualTo("sex"));
    }

    @Test
    void rejectsAnEvidenceBothPresentAndAbsent() {
        assertThatThrownBy(() -> k.findings(30, "m", List.of("E_91"), List.of("E_201", "E_91")))
                .satisfies(e -> assertThat(((InvalidFindingException) e).item()).isEqualTo("absent[1]"))
                .hasMessageContaining("both as present and absent");
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        assertThat(k.search("FIEBRE", Language.ES, 5)).extracting(e -> e.code().value()).containsExactly("E_91");
        assertThat(k.search("dónde", Language.ES, 5)).extracting(e -> e.code().value()).containsExactly("E_55");
        assertThat(k.search("donde", Language.ES, 5)).extracting(e -> e.code().value()).containsExactly("E_55");
        assertThat(k.search("fever", Language.EN, 5)).extracting(e -> e.code().value()).containsExactly("E_91");
        assertThat(k.search("fiebre", Language.EN, 5)).isEmpty();
    }

    @Test
    void searchToleratesOneTypoInLongWords() {
        assertThat(k.search("termometro", Language.ES, 5)).extracting(e -> e.code().value()).containsExactly("E_91");
        assertThat(k.search("termonetro", Language.ES, 5)).extracting(e -> e.code().value()).containsExactly("E_91");
    }

    @Test
    void pathologyCodesAreSlugsOfTheDdxplusName() {
        assertThat(PathologyCode.fromName("Possible NSTEMI / STEMI").value()).isEqualTo("possible-nstemi-stemi");
        assertThat(PathologyCode.fromName("Guillain-Barré syndrome").value()).isEqualTo("guillain-barre-syndrome");
    }
}

package com.mediassist.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import org.junit.jupiter.api.Test;

class ScopeStatementTest {

    @Test
    void saysWhatIsCoveredAndWhatIsNotInBothLanguages() {
        ScopeStatement es = ScopeStatement.of(Language.ES);
        ScopeStatement en = ScopeStatement.of(Language.EN);
        assertThat(es.summary()).startsWith("Sugiero diagnósticos entre 49 enfermedades");
        assertThat(en.summary()).startsWith("I suggest diagnoses among 49 DDXPlus conditions");
        assertThat(es.covers()).anySatisfy(c -> assertThat(c).contains("neumonía"));
        assertThat(es.notCovered()).anySatisfy(c -> assertThat(c).contains("infección urinaria"));
        assertThat(en.notCovered()).anySatisfy(c -> assertThat(c).contains("gout"));
        assertThat(en.covers()).hasSameSizeAs(es.covers());
    }
}

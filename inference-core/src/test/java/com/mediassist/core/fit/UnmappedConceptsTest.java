package com.mediassist.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import org.junit.jupiter.api.Test;

class UnmappedConceptsTest {

    private final UnmappedConcepts concepts = UnmappedConcepts.loadDefault();

    @Test
    void findsAConceptByItsLabelInEitherLanguageIgnoringAccentsAndCase() {
        assertThat(concepts.byLabel("Dolor en el primer dedo del pie")).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo("big-toe-pain");
            assertThat(c.weight()).isEqualTo(UnmappedConcept.Weight.OUTSIDE);
            assertThat(c.label(Language.EN)).isEqualTo("big toe pain");
        });
        assertThat(concepts.byLabel("acufenos")).hasValueSatisfying(c -> assertThat(c.weight()).isEqualTo(UnmappedConcept.Weight.RELATED));
        assertThat(concepts.byLabel("something else")).isEmpty();
    }

    @Test
    void everyConceptBelongsToASystemAndHasBothLabels() {
        assertThat(concepts.all()).hasSizeGreaterThan(60)
                .allSatisfy(c -> assertThat(c.system()).isNotBlank())
                .allSatisfy(c -> assertThat(c.label(Language.ES)).isNotBlank());
    }
}

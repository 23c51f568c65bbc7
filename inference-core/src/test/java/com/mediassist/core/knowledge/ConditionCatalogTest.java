package com.mediassist.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConditionCatalogTest {

    static final ConditionCatalog CATALOG = ConditionCatalog.loadDefault();

    @ParameterizedTest
    @CsvSource({
        "insuficiencia renal crónica, ckd", "Chronic kidney disease stage 4 (disorder), egfr-lt-30",
        "N18.4, egfr-lt-30", "ICD10:N18.32, egfr-lt-45", "431857002, egfr-lt-30", "46177005, egfr-lt-15",
        "asma, asthma", "Asthma, asthma", "195967001, asthma", "heart failure, heart-failure",
        "I50.9, heart-failure", "44054006, diabetes", "59621000, hypertension", "E11.9, diabetes",
        "http://snomed.info/sct|13645005, copd", "HTA, hypertension", "ulcus duodenal, peptic-ulcer"})
    void mapsTextIcd10AndSnomedToConcepts(String entry, String concept) {
        assertThat(CATALOG.resolve(entry).concepts()).contains(concept);
    }

    @Test
    void prefersTheLongerTermAndIgnoresNegations() {
        assertThat(CATALOG.resolve("insuficiencia renal aguda").concepts()).containsExactly("aki");
        assertThat(CATALOG.resolve("exfumador").concepts()).containsExactly("former-smoker");
        assertThat(CATALOG.resolve("no fumador").recognised()).isFalse();
        assertThat(CATALOG.resolve("fractura de muñeca").recognised()).isFalse();
    }

    @Test
    void derivesFiltrationBoundsFromEgfr() {
        assertThat(ConditionCatalog.egfrConcepts(25)).contains("ckd", "egfr-lt-30").doesNotContain("egfr-lt-15");
        assertThat(ConditionCatalog.egfrConcepts(90)).isEmpty();
        assertThatThrownBy(() -> ConditionCatalog.egfrConcepts(-1)).isInstanceOf(InvalidClinicalInputException.class);
    }
}

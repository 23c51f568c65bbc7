package com.mediassist.appliance.terms;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClinicalTermsTest {

    private static final ClinicalTerms TERMS = new ClinicalTerms();

    private static List<String> firstEvidences(String q, Language lang) {
        List<ClinicalTerm> found = TERMS.search(q, lang, 8);
        assertThat(found).as("terms for '" + q + "'").isNotEmpty();
        return found.get(0).evidences();
    }

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource({
        "disnea, es, E_66",
        "hemoptisis, es, E_45",
        "sibilancias, es, E_214",
        "fumador, es, E_79",
        "mareo, es, E_76",
        "dolor de garganta, es, E_97",
        "expectoración, es, E_77",
        "shortness of breath, en, E_66",
        "wheezing, en, E_214",
        "SOB, en, E_66",
        "EPOC, es, E_123",
    })
    void findsTheEvidenceOfAClinicalWordOrAbbreviation(String q, String lang, String code) {
        assertThat(firstEvidences(q, Language.parse(lang))).containsExactly(code);
    }

    @Test
    void aWordCanStandForAnEvidenceAndItsValue() {
        assertThat(firstEvidences("dolor torácico", Language.ES)).containsExactly("E_53", "E_55_@_V_101");
    }

    @Test
    void searchesTheOtherLanguageAfterTheDoctorsOwn() {
        assertThat(firstEvidences("wheezing", Language.ES)).containsExactly("E_214");
        List<ClinicalTerm> found = TERMS.search("disn", Language.ES, 8);
        assertThat(found.get(0).language()).isEqualTo("es");
    }

    @Test
    void labelsAreShortClinicalWords() {
        assertThat(TERMS.labels(Language.ES)).containsEntry("E_91", "Fiebre").containsEntry("E_201", "Tos");
        assertThat(TERMS.labels(Language.EN)).containsEntry("E_91", "Fever").containsEntry("E_201", "Cough");
    }

    @Test
    void blankOrUnknownWordsFindNothing() {
        assertThat(TERMS.search("  ", Language.ES, 8)).isEmpty();
        assertThat(TERMS.search("xqzzy", Language.ES, 8)).isEmpty();
    }
}

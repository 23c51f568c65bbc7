package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Condition abbreviations whose context gives them another meaning ({@code summary/abbreviation-senses.tsv}), read
 * through the real extractor: the other sense yields no finding, the condition sense still does.
 */
class AbbreviationSensesTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static java.util.List<String> findings(String note, Language language) {
        return EXTRACTOR.extract(note, language).findings().stream().map(Finding::text).toList();
    }

    @Test
    void faBeforeANumberIsAlkalinePhosphataseNotAtrialFibrillation() {
        assertThat(findings("Analítica: GGT 80, FA 140, bilirrubina normal.", Language.ES)).doesNotContain("FA");
        assertThat(findings("Bioquímica: FA: 98 U/L.", Language.ES)).doesNotContain("FA");
        assertThat(findings("AP: FA anticoagulada con apixabán.", Language.ES)).anyMatch(f -> f.startsWith("FA"));
    }

    @Test
    void icAsAReferralIsNoHeartFailureButIcWithItsEjectionFractionIs() {
        assertThat(findings("Se realiza IC a Cardiología.", Language.ES)).doesNotContain("IC");
        assertThat(findings("IC preferente a Digestivo.", Language.ES)).doesNotContain("IC");
        assertThat(findings("Paciente con IC con FEVI reducida.", Language.ES)).contains("IC");
    }

    @Test
    void afIsAtrialFibrillationOnlyInEnglishNotes() {
        assertThat(findings("AF: padre HTA.", Language.ES)).doesNotContain("AF").contains("HTA");
        StructuredNote en = EXTRACTOR.extract("PMH: IHD, AF on apixaban.", Language.EN);
        assertThat(en.findings()).filteredOn(f -> f.text().equals("AF")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.HISTORICAL));
    }

    @Test
    void peBeforeAColonIsThePhysicalExaminationAndARuledOutPeIsHypothetical() {
        StructuredNote note = EXTRACTOR.extract("PE: chest clear. A: r/o PE.", Language.EN);
        assertThat(note.findings()).filteredOn(f -> f.text().equals("PE")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.HYPOTHETICAL));
    }

    @Test
    void hbpIsProstaticHyperplasiaInSpanishAndNotReadInEnglish() {
        assertThat(findings("AP: AIT en 2021, HBP.", Language.ES)).contains("HBP");
        assertThat(findings("HBP at home 150/90.", Language.EN)).doesNotContain("HBP");
    }
}

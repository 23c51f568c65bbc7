package com.mediassist.core.summary;

import com.mediassist.core.knowledge.Language;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryExtractorTest {

    private static final SummaryExtractor EXTRACTOR = SummaryExtractor.loadDefault();

    private static StructuredNote es(String text) {
        return EXTRACTOR.extract(text, Language.ES);
    }

    private static Finding finding(StructuredNote note, String text) {
        Optional<Finding> f = note.findings().stream().filter(x -> x.text().equalsIgnoreCase(text)).findFirst();
        assertThat(f).as("finding \"%s\" in %s", text, note.findings()).isPresent();
        return f.get();
    }

    @Test
    void deniesEverySymptomOfANegatedList() {
        StructuredNote n = es("Niega fiebre, tos o disnea. Sin expectoración.");
        assertThat(n.findings()).extracting(Finding::status).containsOnly(FindingStatus.DENIED).hasSize(4);
        assertThat(n.absent()).extracting(Object::toString).containsExactly("E_91", "E_201", "E_66", "E_77");
        assertThat(n.evidences()).isEmpty();
    }

    @Test
    void negationStopsAtButAndAtSentenceEnd() {
        StructuredNote n = es("No fiebre pero sí tos. Disnea de esfuerzo.");
        assertThat(finding(n, "fiebre").status()).isEqualTo(FindingStatus.DENIED);
        assertThat(finding(n, "tos").status()).isEqualTo(FindingStatus.PRESENT);
        assertThat(finding(n, "Disnea de esfuerzo").status()).isEqualTo(FindingStatus.PRESENT);
    }

    @Test
    void negationDoesNotCrossACommaAfterAnUnrelatedWord() {
        StructuredNote n = es("Pérdida de peso sin dieta, astenia y anorexia.");
        assertThat(finding(n, "astenia").status()).isEqualTo(FindingStatus.PRESENT);
        assertThat(finding(n, "anorexia").status()).isEqualTo(FindingStatus.PRESENT);
    }

    @Test
    void closingNoDeniesWhatPrecedesIt() {
        assertThat(finding(es("Coluria no. Vómitos sí."), "Coluria").status()).isEqualTo(FindingStatus.DENIED);
    }

    @Test
    void marksFamilyHistoryAndMapsItToTheFamilyEvidence() {
        StructuredNote n = es("Tos seca. Madre con asma. Padre con DM2.");
        Finding asthma = finding(n, "asma");
        assertThat(asthma.status()).isEqualTo(FindingStatus.FAMILY);
        assertThat(asthma.evidence()).hasToString("E_87");
        Finding diabetes = finding(n, "DM2");
        assertThat(diabetes.status()).isEqualTo(FindingStatus.FAMILY);
        assertThat(diabetes.evidence()).as("DDXPlus has no family diabetes evidence").isNull();
        assertThat(n.evidences()).extracting(Object::toString).contains("E_87").doesNotContain("E_69", "E_124");
    }

    @Test
    void marksHistoricalAndHypotheticalFindings() {
        StructuredNote n = es("Antecedentes de neumonía. Acudir si presenta disnea o fiebre alta.");
        assertThat(finding(n, "neumonía").status()).isEqualTo(FindingStatus.HISTORICAL);
        assertThat(finding(n, "disnea").status()).isEqualTo(FindingStatus.HYPOTHETICAL);
        assertThat(n.evidences()).extracting(Object::toString).as("a past pneumonia is a DDXPlus antecedent").contains("E_118").doesNotContain("E_66");
    }

    @Test
    void findingsUnderAPastHistoryHeadingAreHistorical() {
        StructuredNote n = es("MC: cefalea.\nAP: HTA, DM2.\nEF: normal.");
        assertThat(finding(n, "HTA").status()).isEqualTo(FindingStatus.HISTORICAL);
        assertThat(finding(n, "HTA").section()).isEqualTo(SectionKind.PAST_HISTORY);
        assertThat(n.evidences()).extracting(Object::toString).contains("E_104", "E_69");
    }

    @Test
    void readsPainLocationCharacterIntensityAndRadiation() {
        StructuredNote n = es("Dolor torácico opresivo irradiado a brazo izquierdo, EVA 7/10, de inicio brusco.");
        Finding pain = n.findings().get(0);
        assertThat(pain.evidence()).hasToString("E_53");
        assertThat(pain.values()).extracting(com.mediassist.core.knowledge.Finding::toString)
                .contains("E_55_@_V_101", "E_54_@_V_183", "E_57_@_V_31", "E_56_@_7", "E_59_@_10");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_53", "E_55_@_V_101", "E_56_@_7");
    }

    @Test
    void readsAbbreviationsAndEnglishTerms() {
        StructuredNote n = EXTRACTOR.extract("HPI: shortness of breath and productive cough. PMH: COPD, HTN.", null);
        assertThat(n.language()).isEqualTo(Language.EN);
        assertThat(n.evidences()).extracting(Object::toString).contains("E_66", "E_201", "E_123", "E_104");
    }

    @Test
    void toleratesOneTypoInLongWordsButNotRealWords() {
        StructuredNote n = es("Refiere fibre y disnae. Casado, dos hijos.");
        assertThat(finding(n, "fibre").typo()).isTrue();
        assertThat(finding(n, "fibre").evidence()).hasToString("E_91");
        assertThat(n.findings()).extracting(Finding::text).doesNotContain("Casado");
    }

    @Test
    void flagsOutOfRangeAndImplausibleVitalsWithoutDroppingThem() {
        StructuredNote n = es("TA 185/110 mmHg, FC 600 lpm, SatO2 88%, Tª 36,5 ºC, FR 16, peso 70 kg, talla 1,75 m, IMC 22,9.");
        assertThat(n.vitals()).extracting(v -> v.kind().jsonName() + "=" + v.value() + ":" + v.flag().jsonName())
                .containsExactly("systolic=185.0:out_of_range", "diastolic=110.0:out_of_range",
                        "heart_rate=600.0:implausible", "spo2=88.0:out_of_range", "temperature=36.5:normal",
                        "respiratory_rate=16.0:normal", "weight=70.0:normal", "height=175.0:normal", "bmi=22.9:normal");
    }

    @Test
    void weightLossIsNotAWeight() {
        assertThat(es("Pérdida de peso de 5 kg en un mes.").vitals()).isEmpty();
    }

    @Test
    void readsDoseRouteAndFrequencyOfMedicines() {
        StructuredNote n = es("Plan: paracetamol 1 g/8 h vo, ibuprofeno 600 mg cada 8 horas y omeprazol 20mg/24h.");
        assertThat(n.medications()).extracting(m -> m.ingredients() + " " + m.dose() + " " + m.route() + " " + m.frequency())
                .containsExactly("[paracetamol] 1 g vo 8 h", "[ibuprofen] 600 mg null cada 8 horas",
                        "[omeprazole] 20mg null 24h");
    }

    @Test
    void aMedicineTakenRegularlyAnswersItsDrugClassEvidence() {
        StructuredNote n = es("Toma ibuprofeno a diario por lumbalgia.");
        assertThat(n.evidences()).extracting(Object::toString).contains("E_10");
        StructuredNote plan = es("Plan: ibuprofeno 600 mg cada 8 horas.");
        assertThat(plan.evidences()).extracting(Object::toString).as("a prescription is not a medicine already taken").doesNotContain("E_10");
    }

    @Test
    void readsAllergiesAndTheirDenial() {
        StructuredNote n = es("Alergia a penicilina y AINEs. HTA.");
        assertThat(n.allergies()).extracting(Allergy::substance).containsExactly("penicilina", "AINEs");
        assertThat(n.allergies().get(0).ingredients()).isNotEmpty();
        assertThat(n.medications()).as("an allergen is not a medicine taken").isEmpty();
        assertThat(es("NAMC. Niega alergias.").allergies()).extracting(Allergy::status)
                .containsExactly(FindingStatus.DENIED, FindingStatus.DENIED);
    }

    @Test
    void findsSectionsWithAndWithoutHeadings() {
        StructuredNote headed = es("MC: tos.\nEA: tos seca.\nAP: asma.\nEF: AP: MVC.\nJC: bronquitis.\nPlan: reposo.");
        assertThat(headed.sections()).extracting(NoteSection::kind).containsExactly(SectionKind.REASON_FOR_VISIT,
                SectionKind.HISTORY_OF_PRESENT_ILLNESS, SectionKind.PAST_HISTORY, SectionKind.EXAMINATION,
                SectionKind.ASSESSMENT, SectionKind.PLAN);
        StructuredNote plain = es("Acude por tos de 3 días. Refiere fiebre. A la exploración, buen estado general. "
                + "Se pauta paracetamol.");
        assertThat(plain.sections()).extracting(NoteSection::kind).containsExactly(SectionKind.REASON_FOR_VISIT,
                SectionKind.HISTORY_OF_PRESENT_ILLNESS, SectionKind.EXAMINATION, SectionKind.PLAN);
    }

    @Test
    void everySpanPointsAtItsText() {
        String text = "MC: Dolor abdominal y vómitos.\nNiega fiebre. TA 120/80. Paracetamol 1 g cada 8 h. Alergia a amoxicilina.";
        StructuredNote n = es(text);
        n.findings().forEach(f -> assertThat(f.span().of(text)).isEqualTo(f.text()));
        n.vitals().forEach(v -> assertThat(v.span().of(text)).isEqualTo(v.text()));
        n.medications().forEach(m -> assertThat(m.span().of(text)).isEqualTo(m.text()));
        n.allergies().forEach(a -> assertThat(a.span().of(text)).isEqualTo(a.text()));
        n.sections().forEach(s -> assertThat(s.span().of(text)).isEqualTo(s.text()));
        assertThat(n.findings()).isNotEmpty();
    }

    @Test
    void writesTheSummaryInTheNotesLanguage() {
        assertThat(es("Tos y fiebre. Niega disnea.").summary()).contains("Presenta: tos, fiebre.").contains("Niega: disnea.");
        assertThat(EXTRACTOR.extract("Cough and fever. Denies dyspnea.", Language.EN).summary())
                .contains("Present: cough, fever.").contains("Denies: dyspnea.");
    }

    @Test
    void detectsTheLanguageWhenNotGiven() {
        assertThat(EXTRACTOR.extract("Paciente con tos y fiebre desde hace tres días.", null).language()).isEqualTo(Language.ES);
        assertThat(EXTRACTOR.extract("Patient with cough and fever for three days.", null).language()).isEqualTo(Language.EN);
        assertThat(EXTRACTOR.extract("Paciente con tos y fiebre desde hace tres días.", null).detected()).isTrue();
    }

    @Test
    void rejectsEmptyBlankAndBinaryText() {
        assertThatThrownBy(() -> es("")).isInstanceOf(UnreadableNoteException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> es("   \n ")).isInstanceOf(UnreadableNoteException.class);
        assertThatThrownBy(() -> es("\u0000\u0001\u0002garbage\u0003\u0004")).isInstanceOf(UnreadableNoteException.class)
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> es("12345 678 / 90")).isInstanceOf(UnreadableNoteException.class)
                .hasMessageContaining("no letters");
    }

    @Test
    void rejectsTextOverTheSizeLimitNamingBothSizes() {
        String text = "tos ".repeat(25_001);
        assertThatThrownBy(() -> es(text)).isInstanceOf(NoteTooLongException.class)
                .hasMessageContaining("100000").hasMessageContaining(String.valueOf(text.length()));
    }

    private static String adversarial(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append("TA ").append("1".repeat(40)).append(" / ").append("peso ".repeat(5)).append("dolor ").append("a".repeat(50))
                    .append(", niega ").append("(((((").append("fiebre, ").append("Sat ").append("9".repeat(30)).append("%\n");
        }
        return sb.substring(0, length);
    }

    @Test
    void rejectsAMegabyteWithoutReadingIt() {
        assertThatThrownBy(() -> es(adversarial(1_000_000))).isInstanceOf(NoteTooLongException.class);
    }

    @Test
    void readsAdversarialAndMixedLanguageTextAtTheSizeLimit() {
        StructuredNote n = es(adversarial(SummaryOptions.DEFAULT_MAX_CHARS));
        assertThat(n.findings()).isNotEmpty();
        assertThat(n.vitals()).isEmpty();
        String mixed = "Paciente con chest pain y fiebre. Denies cough, niega disnea. ".repeat(1_500);
        assertThat(EXTRACTOR.extract(mixed, null).absent()).extracting(Object::toString).contains("E_201", "E_66");
    }

    @Test
    void vitalPatternsAndSectionsDoNotBacktrackOnAMegabyte() {
        String text = adversarial(1_000_000);
        assertThat(new com.mediassist.core.summary.vitals.VitalsExtractor().extract(text)).isEmpty();
        assertThat(com.mediassist.core.summary.sections.SectionDetector.loadDefault().detect(text)).isNotEmpty();
        assertThat(com.mediassist.core.summary.lexicon.Tokenizer.tokenize(text)).isNotEmpty();
    }

    @Test
    void keepsOnlyAcceptedDdxplusCodesInItsOutput() {
        StructuredNote n = es("Dolor lumbar, cefalea frontal, fiebre, tos, disnea, HTA, DM2, EPOC, asma, odinofagia.");
        com.mediassist.core.summary.lexicon.EvidenceCatalog catalog = com.mediassist.core.summary.lexicon.EvidenceCatalog.loadDefault();
        List<String> all = new java.util.ArrayList<>(n.evidences().stream().map(Object::toString).toList());
        n.absent().forEach(a -> all.add(a.value()));
        assertThat(all).isNotEmpty().allSatisfy(c -> assertThat(catalog.accepts(com.mediassist.core.knowledge.Finding.parse(c))).as(c).isTrue());
    }
}

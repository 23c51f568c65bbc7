package com.mediassist.core.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedicineDictionaryTest {

    static final MedicineDictionary DICT = MedicineDictionary.loadDefault();

    private static List<String> keys(MedicationMatch m) {
        return m.keys().stream().map(IngredientKey::value).toList();
    }

    @Test
    void shipsAtLeastThreeHundredPrimaryCareIngredientsEachWithSource() {
        assertThat(DICT.authoredIngredientCount()).isGreaterThanOrEqualTo(300);
        assertThat(DICT.brandCount()).isGreaterThanOrEqualTo(150);
        assertThat(DICT.ingredients()).allSatisfy(i -> assertThat(i.source()).isNotBlank());
    }

    @Test
    void knowsWhichIngredientsAMarketedProductCombines() {
        assertThat(DICT.combinedInOneProduct(List.of(new IngredientKey("trimethoprim"), new IngredientKey("sulfamethoxazole"))))
                .isTrue();
        assertThat(DICT.combinedInOneProduct(List.of(new IngredientKey("naproxen"), new IngredientKey("lansoprazole"))))
                .isFalse();
        assertThat(DICT.combinedInOneProduct(List.of(new IngredientKey("naproxen")))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "Tempra 500, paracetamol", "Ibupirac 400, ibuprofen", "Dolex, paracetamol", "Flanax, naproxen",
        "Cafinitrina, glyceryl trinitrate", "NTG 0.4 mg, glyceryl trinitrate", "APAP, paracetamol",
        "Evorel, estradiol", "Premarin, conjugated estrogens", "Maalox, aluminum hydroxide"
    })
    void readsLatinAmericanUkAndUsBrandsAndAbbreviations(String typed, String firstIngredient) {
        assertThat(keys(DICT.match(typed))).first().isEqualTo(firstIngredient);
    }

    @ParameterizedTest
    @CsvSource({
        "Sintrom, acenocoumarol", "Adiro 100, acetylsalicylic acid", "Nolotil 575 mg cápsulas, metamizole sodium",
        "Enantyum 25, dexketoprofen", "Eutirox 50 mcg, levothyroxine sodium", "ORFIDAL, lorazepam",
        "'Trankimazin 0,5 mg', alprazolam", "Dacortin 30, prednisone", "Almax, almagate", "Losec 20, omeprazole",
        "Ventolin inhalador, salbutamol", "Lexatin 1.5 mg, bromazepam", "Tranxilium 15, potassium clorazepate",
        "Voltaren, diclofenac", "Gelocatil 1 g, paracetamol", "Dalsy, ibuprofen"})
    void resolvesSpanishBrandNames(String typed, String key) {
        MedicationMatch m = DICT.match(typed);
        assertThat(m.matched()).isTrue();
        assertThat(m.how()).isEqualTo(MatchKind.BRAND);
        assertThat(keys(m)).containsExactly(key);
    }

    @ParameterizedTest
    @CsvSource({
        "Fostair 100/6, beclometasone;formoterol", "Trimbow, beclometasone;formoterol;glycopyrronium bromide",
        "Sudafed 60 mg, pseudoephedrine", "Ciprodex gotas óticas, ciprofloxacin;dexamethasone",
        "Tums, calcium carbonate", "Adcal-D3, calcium carbonate;colecalciferol", "Diane 35, cyproterone;ethinylestradiol"})
    void resolvesCombinationAndForeignBrandsToEveryIngredient(String typed, String keys) {
        MedicationMatch m = DICT.match(typed);
        assertThat(m.matched()).isTrue();
        assertThat(m.how()).isEqualTo(MatchKind.BRAND);
        assertThat(keys(m)).containsExactlyInAnyOrder(keys.split(";"));
    }

    @Test
    void mapsCombinationProductsToEveryIngredient() {
        assertThat(keys(DICT.match("Augmentin 875/125"))).containsExactly("amoxicillin", "clavulanic acid");
        assertThat(keys(DICT.match("Seretide 50/500"))).containsExactlyInAnyOrder("salmeterol", "fluticasone");
        assertThat(keys(DICT.match("Frenadol complex"))).contains("paracetamol", "dextromethorphan",
                "chlorphenamine");
        assertThat(keys(DICT.match("amoxicilina/clavulánico 875/125"))).containsExactly("amoxicillin",
                "clavulanic acid");
        assertThat(keys(DICT.match("sulfametoxazol + trimetoprima"))).containsExactly("sulfamethoxazole",
                "trimethoprim");
    }

    @ParameterizedTest
    @CsvSource({
        "ibuprofeno 600 mg comp, ibuprofen", "IBUPROFEN 400mg, ibuprofen", "Ácido acetilsalicílico 100 mg, acetylsalicylic acid",
        "acido acetilsalicilico, acetylsalicylic acid", "aspirin, acetylsalicylic acid", "acetaminophen 500, paracetamol",
        "warfarin 5 mg, warfarin", "levothyroxine, levothyroxine sodium", "omeprazol magnésico 20, omeprazole",
        "clavulánico, clavulanic acid", "terfenadine, terfenadine",
        "Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray, glyceryl trinitrate",
        "Warfarin Sodium 5 MG Oral Tablet, warfarin"})
    void resolvesSpanishAndEnglishNamesWithDoseAndForm(String typed, String key) {
        MedicationMatch m = DICT.match(typed);
        assertThat(m.matched()).isTrue();
        assertThat(m.how()).isEqualTo(MatchKind.EXACT);
        assertThat(keys(m)).containsExactly(key);
    }

    @ParameterizedTest
    @CsvSource({"ibuprofneo, ibuprofen", "omeprazool, omeprazole", "amoxicilna, amoxicillin",
        "acenocumarl, acenocoumarol", "atorvastatna 20, atorvastatin", "Sintrom, acenocoumarol", "Sintron, acenocoumarol"})
    void toleratesSmallTypos(String typed, String key) {
        MedicationMatch m = DICT.match(typed);
        assertThat(m.matched()).isTrue();
        assertThat(keys(m)).containsExactly(key);
    }

    @Test
    void reportsTyposAsTypos() {
        assertThat(DICT.match("paracetamo").how()).isEqualTo(MatchKind.TYPO);
    }

    @Test
    void unknownNamesAreReportedNotDropped() {
        MedicationMatch m = DICT.match("Xyzzoprofeno 20 mg");
        assertThat(m.matched()).isFalse();
        assertThat(m.how()).isEqualTo(MatchKind.NONE);
        assertThat(m.input()).isEqualTo("Xyzzoprofeno 20 mg");
        assertThat(m.ingredients()).isEmpty();
        assertThat(DICT.match("").matched()).isFalse();
        assertThat(DICT.match(null).matched()).isFalse();
    }

    @Test
    void doesNotTurnShortOrCommonWordsIntoMedicines() {
        assertThat(DICT.findMentions("El paciente refiere dolor de cabeza y fiebre desde ayer, sin vómitos."))
                .isEmpty();
        assertThat(DICT.findMentions("Una situación concreta con un póster en la consulta.")).isEmpty();
        assertThat(DICT.findMentions("Mucosa oral propia sin lesión activa; úlcera que se agrava; depósito amiloide."))
                .isEmpty();
        assertThat(DICT.findMentions("Tratada con penicilamina y calcipotriol.")).extracting(m -> m.match().how())
                .doesNotContain(MatchKind.TYPO);
    }

    @Test
    void findsMentionsWithSpansInFreeText() {
        String text = "Toma Sintrom 4 mg y amoxicilina/clavulánico 875/125 cada 8 h; alergia a penicilina. "
                + "Tomó ibuprofeno 600 mg y Paracetamol.";
        List<MedicationMention> ms = DICT.findMentions(text);
        assertThat(ms).extracting(MedicationMention::text).containsExactly("Sintrom 4 mg",
                "amoxicilina/clavulánico 875/125", "penicilina", "ibuprofeno 600 mg", "Paracetamol");
        MedicationMention combo = ms.get(1);
        assertThat(text.substring(combo.start(), combo.end())).isEqualTo("amoxicilina/clavulánico 875/125");
        assertThat(combo.strength()).isEqualTo("875/125");
        assertThat(keys(combo.match())).containsExactly("amoxicillin", "clavulanic acid");
        assertThat(ms.get(0).strength()).isEqualTo("4 mg");
    }

    @Test
    void prefersTheLongestName() {
        List<MedicationMention> ms = DICT.findMentions("inicia ácido acetilsalicílico 100 y ácido fólico");
        assertThat(ms).extracting(m -> keys(m.match()).get(0)).containsExactly("acetylsalicylic acid", "folic acid");
        assertThat(ms.get(0).text()).isEqualTo("ácido acetilsalicílico 100");
    }

    @Test
    void findsTypoedNamesInFreeText() {
        List<MedicationMention> ms = DICT.findMentions("En tratamiento con metformna y atorvastatina.");
        assertThat(ms).extracting(m -> keys(m.match()).get(0)).containsExactly("metformin", "atorvastatin");
        assertThat(ms.get(0).match().how()).isEqualTo(MatchKind.TYPO);
    }

    @Test
    void recognisesGenericInsulinAndVitaminD() {
        List<MedicationMention> ms = DICT.findMentions("En tratamiento con insulina y vitamina D; inicia insulina glargina 10 UI.");
        assertThat(ms).extracting(m -> keys(m.match()).get(0)).containsExactly("insulin", "colecalciferol",
                "insulin glargine");
    }
}

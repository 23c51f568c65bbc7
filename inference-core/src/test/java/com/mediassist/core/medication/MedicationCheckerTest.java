package com.mediassist.core.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Language;
import com.mediassist.core.medication.MedicationKnowledge.Pair;
import com.mediassist.core.medication.MedicationKnowledge.PairSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedicationCheckerTest {

    static final MedicationKnowledge KNOWLEDGE = MedicationKnowledge.loadDefault();
    static final MedicationChecker CHECKER = new MedicationChecker(KNOWLEDGE);

    static MedicationCheckResult check(String... meds) {
        return CHECKER.check(MedicationCheckRequest.of(List.of(meds)));
    }

    static MedicationCheckResult check(List<String> meds, List<String> allergies, List<String> conditions,
                                       Double egfr) {
        return CHECKER.check(new MedicationCheckRequest(meds, allergies, conditions, egfr, Language.ES));
    }

    static Alert alert(MedicationCheckResult r, String ruleId) {
        return r.alerts().stream().filter(a -> a.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert " + ruleId + " in " + r.alerts()));
    }

    @Test
    void anticoagulantWithNsaidAlertOffersParacetamolInPlaceOfTheTypedNsaid() {
        Alert a = alert(check("Sintrom 4 mg", "ibuprofeno 600"), "bleeding-anticoagulant-nsaid");
        assertThat(a.replacements()).containsExactly(new Replacement("ibuprofeno 600", "ibuprofeno", "paracetamol"));
        Alert en = alert(CHECKER.check(new MedicationCheckRequest(List.of("Sintrom 4 mg", "ibuprofen 600"), List.of(),
                List.of(), null, Language.EN)), "bleeding-anticoagulant-nsaid");
        assertThat(en.replacements()).containsExactly(new Replacement("ibuprofen 600", "ibuprofen", "paracetamol"));
    }

    @Test
    void amoxicillinWithAcenocoumarolIsAModerateNonInterruptingInrMonitoringAlert() {
        MedicationCheckResult r = check("Sintrom 4 mg", "amoxicilina 500");
        Alert a = alert(r, "vka-penicillin");
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.interrupt()).isFalse();
        assertThat(a.drugs()).containsExactly("acenocumarol", "amoxicilina");
        assertThat(a.management()).contains("INR");
        assertThat(a.replacements()).isEmpty();
        assertThat(r.alerts()).noneMatch(Alert::interrupt);
    }

    @Test
    void flagsAcenocoumarolWithIbuprofenAsInterruptingBleedingRisk() {
        MedicationCheckResult r = check("Sintrom 4 mg", "ibuprofeno 600");
        Alert a = alert(r, "bleeding-anticoagulant-nsaid");
        assertThat(a.kind()).isEqualTo(AlertKind.DRUG_DRUG);
        assertThat(a.severity()).isEqualTo(Severity.MAJOR);
        assertThat(a.interrupt()).isTrue();
        assertThat(a.drugs()).containsExactly("acenocumarol", "ibuprofeno");
        assertThat(a.inputs()).containsExactly("Sintrom 4 mg", "ibuprofeno 600");
        assertThat(a.mechanism()).contains("hemorragia");
        assertThat(a.management()).contains("paracetamol");
        assertThat(a.source()).contains("Sintrom");
        assertThat(r.unknown()).isEmpty();
    }

    @Test
    void writesAlertsInEnglishWhenAsked() {
        MedicationCheckResult r = CHECKER.check(new MedicationCheckRequest(List.of("warfarin", "ibuprofen"),
                List.of(), List.of(), null, Language.EN));
        Alert a = alert(r, "bleeding-anticoagulant-nsaid");
        assertThat(a.drugs()).containsExactly("warfarin", "ibuprofen");
        assertThat(a.mechanism()).contains("bleeding");
        assertThat(a.management()).contains("paracetamol");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "qt-prolongation, amiodarona;levofloxacino",
        "serotonin-maoi, rasagilina;sertralina",
        "serotonergic-load, tramadol;sertralina",
        "bleeding-anticoagulant-nsaid, Sintrom;ibuprofeno 600",
        "bleeding-antiplatelet-nsaid, Adiro 100;naproxeno",
        "bleeding-anticoagulant-antiplatelet, apixabán;clopidogrel",
        "bleeding-double-anticoagulant, Sintrom;enoxaparina",
        "bleeding-ssri-antithrombotic, escitalopram;rivaroxabán",
        "bleeding-ssri-nsaid, fluoxetina;diclofenaco",
        "triple-whammy, enalapril;hidroclorotiazida;ibuprofeno",
        "raas-nsaid, losartán;naproxeno",
        "hyperkalaemia-ksparing-raas, espironolactona;ramipril",
        "hyperkalaemia-ksparing-potassium, espironolactona;cloruro potásico",
        "hyperkalaemia-raas-potassium, enalapril;cloruro potásico",
        "hyperkalaemia-raas-trimethoprim, ramipril;Septrin",
        "dual-raas-blockade, enalapril;losartán",
        "cns-depression-opioid-benzodiazepine, oxicodona;lorazepam",
        "cns-depression-opioid-gabapentinoid, tramadol;pregabalina",
        "cns-depression-opioid-opioid, morfina;fentanilo",
        "statin-strong-cyp3a4, simvastatina;claritromicina",
        "statin-gemfibrozil, atorvastatina;gemfibrozilo",
        "methotrexate-trimethoprim, metotrexato;trimetoprima",
        "methotrexate-nsaid, metotrexato;ibuprofeno",
        "nitrate-pde5, Uniket;sildenafilo",
        "pde5-alpha-blocker, tadalafilo;doxazosina",
        "vka-azole, Sintrom;fluconazol",
        "vka-antibiotic, Sintrom;levofloxacino",
        "vka-penicillin, Sintrom;amoxicilina",
        "anticoagulant-amiodarone, acenocumarol;amiodarona",
        "anticoagulant-inducer, rivaroxabán;rifampicina",
        "doac-strong-cyp3a4, apixabán;itraconazol",
        "digoxin-pgp, digoxina;verapamilo",
        "beta-blocker-rate-limiting-ccb, bisoprolol;verapamilo",
        "lithium-renal, litio;hidroclorotiazida",
        "lithium-raas, litio;enalapril",
        "lithium-nsaid, litio;ibuprofeno",
        "thiopurine-xanthine-oxidase, azatioprina;alopurinol",
        "colchicine-strong-cyp3a4, colchicina;claritromicina",
        "clopidogrel-ppi, clopidogrel;omeprazol",
        "chelation, ciprofloxacino;carbonato cálcico",
        "sulfonylurea-azole-macrolide, gliclazida;fluconazol",
        "theophylline-cyp1a2, teofilina;ciprofloxacino",
        "valproate-carbapenem, ácido valproico;meropenem",
        "valproate-lamotrigine, valproato;lamotrigina",
        "quinolone-corticosteroid, levofloxacino;prednisona",
        "incretin-duplicate, sitagliptina;semaglutida",
        "contraceptive-inducer, Yasmin;carbamazepina",
        "lamotrigine-contraceptive, lamotrigina;Yasmin"})
    void firesEveryClassRule(String ruleId, String meds) {
        MedicationCheckResult r = check(meds.split(";"));
        Alert a = alert(r, ruleId);
        assertThat(a.kind()).isEqualTo(AlertKind.DRUG_DRUG);
        assertThat(a.drugs()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(a.source()).isNotBlank();
        assertThat(a.message()).isNotBlank();
        assertThat(a.management()).isNotBlank();
    }

    @Test
    void everyAuthoredClassRuleHasATestCase() throws Exception {
        Set<String> tested = new java.util.HashSet<>(classRulesTested());
        tested.addAll(MechanismFamilyTest.TESTED_RULES);
        assertThat(tested).containsAll(KNOWLEDGE.drugDrugRuleIds());
    }

    static Set<String> classRulesTested() {
        try {
            var m = MedicationCheckerTest.class.getDeclaredMethod("firesEveryClassRule", String.class, String.class);
            return Arrays.stream(m.getAnnotation(CsvSource.class).value())
                    .map(s -> s.substring(0, s.indexOf(',')).trim()).collect(Collectors.toSet());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void doesNotFireClassRulesWithinOneCombinationProduct() {
        assertThat(check("Zaldiar").alerts()).isEmpty();
        assertThat(check("Augmentin 875/125").alerts()).isEmpty();
    }

    @Test
    void tripleWhammyFiresWithAFixedCombinationAndAnNsaid() {
        assertThat(alert(check("Co-Renitec", "Enantyum 25"), "triple-whammy").interrupt()).isTrue();
    }

    @Test
    void everyOncHighPriorityPairAlertsAndInterrupts() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Pair p : KNOWLEDGE.pairRows()) {
            if (p.source() != PairSource.ONC_HIGH_PRIORITY || p.a().equals(p.b())) {
                continue;
            }
            checked++;
            MedicationCheckResult r = check(p.a().value(), p.b().value());
            boolean ok = r.alerts().stream().anyMatch(a -> a.kind() == AlertKind.DRUG_DRUG && a.interrupt()
                    && a.inputs().containsAll(List.of(p.a().value(), p.b().value())));
            if (!ok) {
                failures.add(p.a() + " + " + p.b() + " -> " + r.alerts());
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyOncNonInterruptivePairAlertsButNeverInterrupts() {
        Set<String> high = new HashSet<>();
        for (Pair p : KNOWLEDGE.pairRows()) {
            if (p.source() == PairSource.ONC_HIGH_PRIORITY) {
                high.add(MedicationKnowledge.pairKey(p.a(), p.b()));
            }
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Pair p : KNOWLEDGE.pairRows()) {
            if (p.source() != PairSource.ONC_NON_INTERRUPTIVE || p.a().equals(p.b())
                    || high.contains(MedicationKnowledge.pairKey(p.a(), p.b()))) {
                continue;
            }
            checked++;
            MedicationCheckResult r = check(p.a().value(), p.b().value());
            List<Alert> dd = r.alerts().stream().filter(a -> a.kind() == AlertKind.DRUG_DRUG).toList();
            if (dd.isEmpty() || dd.stream().anyMatch(Alert::interrupt)) {
                failures.add(p.a() + " + " + p.b() + " -> " + dd);
            }
        }
        assertThat(checked).isGreaterThan(1500);
        assertThat(failures).isEmpty();
    }

    @Test
    void coversAcenocoumarolWithEveryWarfarinPairOfTheTable() {
        IngredientKey warfarin = new IngredientKey("warfarin");
        List<String> failures = new ArrayList<>();
        for (Pair p : KNOWLEDGE.pairRows()) {
            IngredientKey other = p.a().equals(warfarin) ? p.b() : p.b().equals(warfarin) ? p.a() : null;
            if (other == null || other.equals(new IngredientKey("acenocoumarol"))) {
                continue;
            }
            MedicationCheckResult r = check("Sintrom", other.value());
            if (r.alerts().stream().noneMatch(a -> a.kind() == AlertKind.DRUG_DRUG && a.drugs().contains("acenocumarol"))) {
                failures.add(other.value());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void ndfrtCriticalPairInterruptsAndSignificantDoesNot() {
        Alert critical = check("colchicine", "erythromycin").alerts().stream()
                .filter(a -> a.kind() == AlertKind.DRUG_DRUG).findFirst().orElseThrow();
        assertThat(critical.severity()).isIn(Severity.MAJOR, Severity.CONTRAINDICATED);
        assertThat(critical.interrupt()).isTrue();
        assertThat(critical.source()).contains("NDF-RT");
    }

    @ParameterizedTest(name = "{0} allergy vs {1}")
    @CsvSource({
        "penicilina, Augmentin, contraindicated, allergy-penicillin-penicillin",
        "alergia a amoxicilina, cefalexina 500, major, allergy-penicillin-aminopenicillin-sidechain-cephalosporin",
        "penicilinas, cefuroxima, moderate, allergy-penicillin-cephalosporin",
        "penicillin, meropenem, minor, allergy-penicillin-carbapenem",
        "cefalosporinas, ceftriaxona, contraindicated, allergy-cephalosporin-cephalosporin",
        "cefuroxima, amoxicilina, moderate, allergy-cephalosporin-penicillin",
        "carbapenémicos, ertapenem, contraindicated, allergy-carbapenem-carbapenem",
        "sulfamidas, Septrin forte, contraindicated, allergy-sulfonamide-antibiotic-sulfonamide-antibiotic",
        "sulfa, furosemida, minor, allergy-sulfonamide-antibiotic-sulfonamide-nonantibiotic",
        "AINEs, ibuprofeno, contraindicated, allergy-nsaid-hypersensitivity-nsaid-hypersensitivity",
        "aspirina, dexketoprofeno, contraindicated, allergy-nsaid-hypersensitivity-nsaid-hypersensitivity",
        "AINE, celecoxib, moderate, allergy-nsaid-hypersensitivity-coxib",
        "pirazolonas, Nolotil, contraindicated, allergy-pyrazolone-pyrazolone",
        "macrólidos, azitromicina, contraindicated, allergy-macrolide-macrolide",
        "quinolonas, levofloxacino, contraindicated, allergy-fluoroquinolone-fluoroquinolone",
        "tetraciclinas, doxiciclina, contraindicated, allergy-tetracycline-tetracycline",
        "aminoglucósidos, gentamicina, contraindicated, allergy-aminoglycoside-aminoglycoside",
        "codeína, morfina, major, allergy-opioid-opioid",
        "carbamazepina, fenitoína, contraindicated, allergy-aromatic-anticonvulsant-aromatic-anticonvulsant",
        "IECA, Entresto, contraindicated, allergy-acei-ace-angioedema",
        "estatinas, atorvastatina, moderate, allergy-statin-statin",
        "benzodiacepinas, alprazolam, major, allergy-benzodiazepine-benzodiazepine",
        "sulfonilureas, glimepirida, contraindicated, allergy-sulfonylurea-sulfonylurea",
        "betabloqueantes, atenolol, major, allergy-beta-blocker-beta-blocker",
        "Augmentin, amoxicilina 500, contraindicated, allergy-same-ingredient"})
    void flagsEveryCrossReactivityClass(String allergy, String med, String severity, String ruleId) {
        MedicationCheckResult r = check(List.of(med), List.of(allergy), List.of(), null);
        Alert a = alert(r, ruleId);
        assertThat(a.kind()).isEqualTo(AlertKind.DRUG_ALLERGY);
        assertThat(a.severity().label()).isEqualTo(severity);
        assertThat(a.interrupt()).isEqualTo(a.severity().interruptsByDefault());
        assertThat(a.message()).contains(allergy);
    }

    @Test
    void reportsAllergiesItCannotInterpret() {
        MedicationCheckResult r = check(List.of("paracetamol"), List.of("polen", "látex"), List.of(), null);
        assertThat(r.unrecognisedAllergies()).containsExactly("polen", "látex");
        assertThat(r.alerts()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "metformina 850, N18.4, contraindicated",
        "metformina 850, 431857002, contraindicated",
        "metformina 850, insuficiencia renal crónica estadio 4, contraindicated",
        "metformin, chronic kidney disease stage 3b, moderate",
        "Dianben, http://snomed.info/sct|46177005, contraindicated",
        "metformina, enfermedad renal crónica, minor"})
    void gradesMetforminByRenalFunctionFromTextIcdAndSnomed(String med, String condition, String severity) {
        Alert a = check(List.of(med), List.of(), List.of(condition), null).alerts().get(0);
        assertThat(a.kind()).isEqualTo(AlertKind.DRUG_CONDITION);
        assertThat(a.severity().label()).isEqualTo(severity);
    }

    @Test
    void gradesMetforminByEgfrValue() {
        assertThat(alert(check(List.of("metformina"), List.of(), List.of(), 25.0), "metformin-egfr-30").interrupt())
                .isTrue();
        assertThat(alert(check(List.of("metformina"), List.of(), List.of(), 40.0), "metformin-egfr-45").severity())
                .isEqualTo(Severity.MODERATE);
        assertThat(check(List.of("metformina"), List.of(), List.of(), 75.0).alerts()).isEmpty();
        assertThatThrownBy(() -> check(List.of("metformina"), List.of(), List.of(), -3.0))
                .isInstanceOf(InvalidClinicalInputException.class).hasMessageContaining("egfr");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "ibuprofeno, insuficiencia cardiaca, nsaid-heart-failure, major",
        "ibuprofeno, heart failure, nsaid-heart-failure, major",
        "naproxeno, úlcera péptica, nsaid-peptic-ulcer, major",
        "diclofenaco, N18.3, nsaid-ckd, major",
        "Enantyum, N18.5, nsaid-egfr-30, contraindicated",
        "propranolol, asma, nonselective-bb-asthma, contraindicated",
        "Sumial 10, 195967001, nonselective-bb-asthma, contraindicated",
        "bisoprolol, asthma, beta-blocker-asthma, moderate",
        "metoclopramida, enfermedad de Parkinson, dopamine-antagonist-parkinson, contraindicated",
        "enalapril, embarazo, teratogen-pregnancy, contraindicated",
        "pioglitazona, I50.9, glitazone-heart-failure, contraindicated",
        "levofloxacino, miastenia gravis, quinolone-myasthenia, major",
        "bupropión, epilepsia, seizure-threshold-epilepsy, major",
        "oxibutinina, hiperplasia benigna de próstata, anticholinergic-urinary-retention, major"})
    void flagsDrugConditionContraindications(String med, String condition, String ruleId, String severity) {
        Alert a = alert(check(List.of(med), List.of(), List.of(condition), null), ruleId);
        assertThat(a.kind()).isEqualTo(AlertKind.DRUG_CONDITION);
        assertThat(a.severity().label()).isEqualTo(severity);
    }

    @Test
    void everyDrugConditionRuleFiresForAMemberAndItsCondition() {
        List<String> failures = new ArrayList<>();
        for (MedicationKnowledge.ConditionRule rule : KNOWLEDGE.conditionRules()) {
            Ingredient member = rule.drugs().stream().sorted().map(k -> KNOWLEDGE.dictionary().ingredient(k).orElseThrow())
                    .filter(i -> !i.atc().isEmpty()).findFirst().orElseThrow();
            List<String> conditions = new ArrayList<>();
            Double egfr = null;
            switch (rule.condition()) {
                case "egfr-lt-60" -> egfr = 50.0;
                case "egfr-lt-45" -> egfr = 40.0;
                case "egfr-lt-30" -> egfr = 20.0;
                case "egfr-lt-15" -> egfr = 10.0;
                default -> conditions.add(KNOWLEDGE.conditions().concept(rule.condition()).orElseThrow().name().es());
            }
            MedicationCheckResult r = check(List.of(member.dciEs()), List.of(), conditions, egfr);
            boolean ok = r.alerts().stream().anyMatch(a -> a.kind() == AlertKind.DRUG_CONDITION
                    && a.severity().ordinal() <= rule.severity().ordinal());
            if (!ok) {
                failures.add(rule.id() + " (" + member.dciEs() + ", " + conditions + egfr + ") -> " + r.alerts());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void keepsOnlyTheMostSevereRuleOfAGroup() {
        List<Alert> alerts = check(List.of("ibuprofeno"), List.of(), List.of("ERC estadio 4"), null).alerts();
        assertThat(alerts).extracting(Alert::ruleId).containsExactly("nsaid-egfr-30");
    }

    @Test
    void flagsTwoNsaidsAsDuplicateTherapy() {
        Alert a = alert(check("ibuprofeno 600", "Enantyum 25"), "duplicate-nsaid");
        assertThat(a.kind()).isEqualTo(AlertKind.DUPLICATE);
        assertThat(a.severity()).isEqualTo(Severity.MAJOR);
        assertThat(a.drugs()).containsExactly("ibuprofeno", "dexketoprofeno");
    }

    @Test
    void flagsTheSameIngredientInTwoProducts() {
        Alert a = alert(check("Gelocatil 1 g", "Frenadol complex"), "duplicate-ingredient");
        assertThat(a.drugs()).containsExactly("paracetamol");
        assertThat(a.inputs()).containsExactly("Gelocatil 1 g", "Frenadol complex");
    }

    @Test
    void flagsTwoDrugsOfTheSameClass() {
        assertThat(alert(check("omeprazol", "pantoprazol"), "duplicate-ppi").severity()).isEqualTo(Severity.MODERATE);
        assertThat(alert(check("sertralina", "paroxetina"), "duplicate-ssri").kind()).isEqualTo(AlertKind.DUPLICATE);
        assertThat(alert(check("Seretide", "Symbicort"), "duplicate-inhaled-corticosteroid").drugs())
                .containsExactly("fluticasona", "budesonida");
    }

    @Test
    void reportsUnknownMedicationsWithoutDroppingThem() {
        MedicationCheckResult r = check("Sintrom", "pastillas de la tensión", "ibuprofeno");
        assertThat(r.unknown()).containsExactly("pastillas de la tensión");
        assertThat(r.medications()).hasSize(3);
        assertThat(r.medications().get(1).matched()).isFalse();
        assertThat(r.alerts()).isNotEmpty();
        assertThat(r.knowledgeVersion()).isEqualTo(KNOWLEDGE.version()).startsWith("mediassist-knowledge ");
    }

    @Test
    void ordersAlertsMostSevereFirst() {
        List<Alert> alerts = check(List.of("Sintrom", "ibuprofeno", "omeprazol", "fluconazol"), List.of("AINE"),
                List.of("úlcera gástrica"), null).alerts();
        for (int i = 1; i < alerts.size(); i++) {
            assertThat(alerts.get(i).severity().ordinal()).isGreaterThanOrEqualTo(alerts.get(i - 1).severity().ordinal());
        }
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.CONTRAINDICATED);
    }
}

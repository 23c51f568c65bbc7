package com.mediassist.core.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mechanism rules whose every pair is also on the shipped pair table (so {@link MechanismFamilyTest} cannot
 * show them on their own), checked with the pair table removed: what the class rules and the mechanism layer
 * find alone, as the evaluation's "no table" column measures. Also the names the third pass added.
 */
class MechanismWithoutTableTest {

    static final MedicationChecker NO_TABLE = new MedicationChecker(
            MedicationCheckerTest.KNOWLEDGE.withoutInteractionTable());

    private static List<Alert> pairAlerts(MedicationChecker checker, String a, String b) {
        MedicationCheckResult r = checker.check(new MedicationCheckRequest(List.of(a, b), List.of(), List.of(), null,
                Language.EN));
        assertThat(r.unknown()).as("both names recognised").isEmpty();
        return r.alerts().stream().filter(x -> x.inputs().size() == 2).toList();
    }

    @ParameterizedTest(name = "{0}: {1} + {2}")
    @CsvSource({
        "etravirine-protease-inhibitor, etravirina, fosamprenavir, major",
        "etravirine-protease-inhibitor, Intelence, tipranavir, major",
        "qt-prolongation, levomethadyl acetate, ondansetrón, major",
        "qt-prolongation, levomethadyl acetate, eritromicina, major",
        "acid-suppressant-ph-dependent, dexlansoprazol, erlotinib, major",
        "acid-suppressant-ph-dependent, Dexilant, atazanavir, major",
        "estrogen-strong-inducer, chlorotrianisene, carbamazepina, moderate",
        "vka-inr-potentiator, dicoumarol, cimetidina, moderate",
        "vka-barbiturate, anisindione, amobarbital, moderate",
        "maoi-dibenzazepine, selegilina, carbamazepina, contraindicated",
        "serotonin-maoi, nefazodone, linezolid, contraindicated",
        "pimozide-label-contraindicated, pimozida, zileuton, contraindicated",
        "pimozide-label-contraindicated, pimozida, dirithromycin, contraindicated",
        "macrolide-rate-limiting-ccb, eritromicina, verapamilo, moderate",
        "simvastatin-label-contraindicated, simvastatina, danazol, contraindicated",
        "valproate-label-interacting, ácido valproico, topiramato, moderate",
        "ulipristal-progestogen, ellaOne, levonorgestrel, moderate"})
    void ruleFindsTheTablePairOnItsOwn(String ruleId, String a, String b, String severity) {
        List<Alert> alerts = pairAlerts(NO_TABLE, a, b);
        assertThat(alerts).as(a + " + " + b).isNotEmpty();
        assertThat(alerts.get(0).severity().label()).as(a + " + " + b + ": " + alerts).isEqualTo(severity);
        assertThat(alerts).extracting(Alert::ruleId).contains(ruleId);
    }

    @Test
    void twoNonNucleosideReverseTranscriptaseInhibitorsInterrupt() {
        List<Alert> alerts = pairAlerts(MedicationCheckerTest.CHECKER, "efavirenz", "nevirapina");
        assertThat(alerts).as("efavirenz + nevirapine").isNotEmpty();
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.MAJOR);
        assertThat(alerts.get(0).interrupt()).isTrue();
    }

    @Test
    void twoThiopurinesAreADuplicateOnTheirOwn() {
        List<Alert> alerts = pairAlerts(NO_TABLE, "azatioprina", "mercaptopurina");
        assertThat(alerts).isNotEmpty();
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.MAJOR);
    }

    @Test
    void weakInhibitorCellsAlertOnlyThroughTheSubstratesLabel() {
        MechanismTable t = MedicationCheckerTest.KNOWLEDGE.mechanisms();
        assertThat(t.between(IngredientKey.of("cimetidine"), IngredientKey.of("theophylline")))
                .extracting(MechanismTable.Finding::ruleId).contains("pk-cyp1a2-weak-inhibitor-nti");
        assertThat(t.between(IngredientKey.of("cimetidine"), IngredientKey.of("clozapine")))
                .extracting(MechanismTable.Finding::ruleId).doesNotContain("pk-cyp1a2-weak-inhibitor-nti");
        assertThat(t.between(IngredientKey.of("allopurinol"), IngredientKey.of("caffeine")))
                .extracting(MechanismTable.Finding::ruleId).doesNotContain("pk-cyp1a2-weak-inhibitor-sensitive");
    }

    @Test
    void etravirineAndDexlansoprazoleAreFoundByTheirNames() {
        MedicineDictionary dict = MedicationCheckerTest.KNOWLEDGE.dictionary();
        for (String name : List.of("etravirina", "etravirine", "Intelence")) {
            assertThat(dict.match(name).matched()).as(name).isTrue();
        }
        for (String name : List.of("dexlansoprazol", "dexlansoprazole", "Dexilant")) {
            assertThat(dict.match(name).keys()).as(name).containsExactly(IngredientKey.of("dexlansoprazole"));
        }
    }
}

package com.mediassist.core.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mechanism layer, family by family: pairs that must alert (with the severity of their class, the
 * mechanism in words and the tier) and pairs of the same classes that must not (a weak inhibitor, a
 * substrate the perpetrator's pathway does not clear, a non-sedating drug …). A pair that is also on the
 * shipped table or under an older class rule shows the mechanism in the merged alert; none of the pairs
 * that must not alert is on the table.
 */
class MechanismFamilyTest {

    static final MedicationChecker CHECKER = MedicationCheckerTest.CHECKER;

    /** The pharmacodynamic family rules of {@code pd-rules.json} that {@link #alertsWithTheClassSeverity} covers. */
    static final Set<String> TESTED_RULES = testedRules();

    static List<Alert> pairAlerts(String a, String b) {
        MedicationCheckResult r = CHECKER.check(new MedicationCheckRequest(List.of(a, b), List.of(), List.of(), null,
                Language.EN));
        assertThat(r.unknown()).as("both names recognised").isEmpty();
        return r.alerts().stream().filter(x -> x.inputs().size() == 2).toList();
    }

    static Alert strongest(String a, String b) {
        List<Alert> alerts = pairAlerts(a, b);
        assertThat(alerts).as(a + " + " + b).isNotEmpty();
        return alerts.get(0);
    }

    @ParameterizedTest(name = "{0}: {1} + {2}")
    @CsvSource({
        // pharmacokinetic: strong/moderate inhibitors and inducers × sensitive / narrow-range / prodrug substrates
        "pk-cyp3a4-strong-inhibitor-sensitive, claritromicina, quetiapina, major, true, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-moderate, posaconazol, atorvastatina, moderate, false, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-sensitive, ticagrelor, posaconazol, contraindicated, true, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-nti, tacrolimus, ritonavir, major, true, narrow",
        "pk-cyp3a4-moderate-inhibitor-sensitive, diltiazem, midazolam, moderate, false, moderate CYP3A4 inhibitor",
        "pk-cyp3a4-strong-inducer-inducer-sensitive, fenobarbital, etinilestradiol, major, true, contraceptive",
        "pk-cyp3a4-strong-inducer-sensitive, primidona, ticagrelor, major, true, CYP3A4 inducer",
        "pk-cyp3a4-strong-inducer-inducer-sensitive, carbamazepina, eribulin, major, true, CYP3A4 inducer",
        "pk-cyp2d6-strong-inhibitor-prodrug, paroxetina, tamoxifeno, major, true, prodrug",
        "pk-cyp2d6-moderate-inhibitor-prodrug, duloxetina, tamoxifeno, moderate, false, CYP2D6",
        "pk-cyp2d6-strong-inhibitor-nti, fluoxetina, flecainida, major, true, CYP2D6",
        "pk-cyp2c9-moderate-inhibitor-sensitive, miconazol, glimepirida, moderate, false, CYP2C9",
        "pk-cyp2c19-strong-inhibitor-prodrug, fluvoxamina, clopidogrel, major, true, CYP2C19",
        "pk-cyp1a2-strong-inhibitor-sensitive, ciprofloxacino, tizanidina, contraindicated, true, CYP1A2",
        "pk-pgp-strong-inhibitor-nti, dronedarona, dabigatrán, contraindicated, true, P-gp",
        "pk-cyp2c8-strong-inhibitor-sensitive, gemfibrozilo, repaglinida, contraindicated, true, CYP2C8",
        "pk-cyp2c8-moderate-inhibitor-sensitive, clopidogrel, repaglinida, major, true, CYP2C8",
        "pk-oatp1b1-strong-inhibitor-sensitive, ciclosporina, rosuvastatina, contraindicated, true, OATP1B1",
        "pk-oatp1b1-moderate-inhibitor-sensitive, atazanavir, rosuvastatina, moderate, false, OATP1B1",
        "pk-cyp3a4-strong-inducer-inducer-sensitive, rifampicina, voriconazol, contraindicated, true, CYP3A4 inducer",
        "pk-cyp3a4-strong-inhibitor-sensitive, ketoconazol, conivaptan, contraindicated, true, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-sensitive, claritromicina, cabergolina, major, true, CYP3A4",
        "pk-cyp3a4-moderate-inhibitor-nti, diltiazem, teofilina, moderate, false, CYP3A4",
        // pharmacodynamic families
        "dopamine-antagonist-antiparkinsonian, haloperidol, rasagilina, major, true, dopamine antagonist",
        "pd-sparing-antipsychotic-antiparkinsonian, quetiapina, selegilina, moderate, false, dopamine antagonism",
        "metoclopramide-levodopa-agonist, ropinirol, metoclopramida, contraindicated, true, Metoclopramide",
        "cns-depression-opioid-other-depressant, codeína, clorpromazina, major, true, respiratory",
        "cns-depression-opioid-other-depressant, morfina, levomepromazina, major, true, respiratory",
        "cns-depression-benzodiazepine-other-depressant, lorazepam, mirtazapina, moderate, false, sedation",
        "bradycardia-av-block, flecainida, bisoprolol, moderate, false, AV block",
        "ivabradine-rate-limiting-ccb, ivabradina, diltiazem, contraindicated, true, bradycardia",
        "ergot-triptan, ergotamina, sumatriptán, contraindicated, true, vasoconstriction",
        "vasoconstriction-additive, pseudoefedrina, oximetazolina, moderate, false, vasoconstriction",
        "maoi-sympathomimetic, rasagilina, pseudoefedrina, major, true, hypertensive",
        "maoi-tricyclic, phenelzine, desipramina, contraindicated, true, serotonin",
        "maoi-opioid, selegilina, hidromorfona, major, true, opioid toxicity",
        "maoi-nonselective-levodopa, phenelzine, levodopa, major, true, catecholamine",
        "maoi-duplicate, selegilina, phenelzine, contraindicated, true, MAO inhibitor",
        "anticholinergic-cholinesterase-inhibitor, oxibutinina, donepezilo, moderate, false, opposing",
        "lithium-carbamazepine, litio, carbamazepina, moderate, false, neurotoxicity",
        "lithium-loop-diuretic, litio, furosemida, moderate, false, lithium clearance",
        "lithium-antipsychotic, litio, risperidona, moderate, false, neurotoxicity",
        "methotrexate-ppi, metotrexato, omeprazol, moderate, false, renal elimination",
        "methotrexate-penicillin, metotrexato, amoxicilina, moderate, false, tubular secretion",
        "methotrexate-probenecid, metotrexato, probenecid, major, true, tubular secretion",
        "methotrexate-leflunomide, metotrexato, leflunomida, moderate, false, liver",
        "nephrotoxic-additive, gentamicina, vancomicina, moderate, false, kidney",
        "nephrotoxic-loop-diuretic, gentamicina, furosemida, moderate, false, nephro",
        "qt-known-possible, escitalopram, quetiapina, moderate, false, QT",
        "qt-risk-potassium-wasting-thiazide, sotalol, hidroclorotiazida, moderate, false, hypokalaemia",
        "qt-risk-potassium-wasting-loop, domperidona, furosemida, moderate, false, hypokalaemia",
        "dofetilide-contraindicated, dofetilide, hidroclorotiazida, contraindicated, true, torsades",
        "naltrexone-opioid, naltrexone, morfina, contraindicated, true, withdrawal",
        "acitretin-tetracycline, acitretin, doxiciclina, contraindicated, true, intracranial",
        "acitretin-methotrexate, acitretin, metotrexato, contraindicated, true, hepatitis",
        "aromatase-inhibitor-estrogen, letrozol, estradiol, major, true, oestrogen",
        "acid-suppressant-ph-dependent, omeprazol, atazanavir, major, true, gastric pH",
        "acid-suppressant-ph-dependent, ranitidina, erlotinib, major, true, gastric pH",
        "protease-inhibitor-estrogen, ritonavir, etinilestradiol, major, true, glucuronidation",
        "protease-inhibitor-progestogen, fosamprenavir, levonorgestrel, moderate, false, contraception",
        "acitretin-progestogen, acitretina, drospirenona, moderate, false, progestogen-only",
        "central-alpha2-agonist-tricyclic, moxonidina, amitriptilina, moderate, false, antihypertensive",
        "maoi-tricyclic, rasagilina, ciclobenzaprina, contraindicated, true, serotonin",
        "saquinavir-qt-risk, saquinavir, ondansetrón, contraindicated, true, QT",
        // third pass: label-named weak inhibitors, coumarins, oestrogens, MAOIs, cisapride, NNRTIs, HIV PIs
        "pk-cyp1a2-weak-inhibitor-nti, teofilina, propafenona, moderate, false, weak CYP1A2",
        "pk-cyp1a2-weak-inhibitor-nti, oxtriphylline, alopurinol, moderate, false, weak CYP1A2",
        "pk-cyp1a2-weak-inhibitor-sensitive, tizanidina, alopurinol, major, true, weak CYP1A2",
        "pk-cyp3a4-moderate-inhibitor-sensitive, cisapride, verapamilo, contraindicated, true, CYP3A4",
        "pk-cyp3a4-strong-inducer-inducer-sensitive, etravirina, primidona, contraindicated, true, CYP3A4 inducer",
        "pk-cyp3a4-strong-inducer-inducer-sensitive, itraconazol, rifampicina, major, true, CYP3A4 inducer",
        "pk-cyp3a4-strong-inhibitor-moderate, triamcinolone, claritromicina, moderate, false, CYP3A4",
        "vka-inr-potentiator, acenocumarol, fenofibrato, moderate, false, INR",
        "vka-barbiturate, acenocumarol, butalbital, moderate, false, INR",
        "estrogen-contraceptive-enzyme-inducer, estradiol, topiramato, moderate, false, contraceptive",
        "progestogen-contraceptive-enzyme-inducer, desogestrel, griseofulvin, moderate, false, contraceptive",
        "maoi-dibenzazepine, tranylcypromine, oxcarbazepina, contraindicated, true, hypertensive",
        "cisapride-qt-label, cisapride, levomepromazina, contraindicated, true, torsades",
        "tipranavir-protease-inhibitor, tipranavir, fosamprenavir, major, true, virological",
        "methotrexate-salicylate, metotrexato, magnesium salicylate, moderate, false, clearance of methotrexate",
        "saquinavir-qt-possible, saquinavir, sertralina, major, true, QT",
        "serotonergic-load, nefazodone, sertralina, moderate, false, serotonin",
        "qt-known-possible, haloperidol, norfloxacino, moderate, false, QT",
        "nephrotoxic-additive, vancomicina, amphotericin b, moderate, false, kidney",
        "pk-oatp1b1-moderate-inhibitor-sensitive, rifampicina, rosuvastatina, moderate, false, OATP1B1",
        "pk-cyp3a4-strong-inhibitor-moderate, alprazolam, itraconazol, contraindicated, true, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-moderate, estazolam, claritromicina, moderate, false, CYP3A4",
        "pk-cyp3a4-strong-inducer-inducer-sensitive, haloperidol, carbamazepina, moderate, false, CYP3A4 inducer",
        "ezetimibe-fibrate, ezetimiba, clofibrate, moderate, false, gallstones",
        "cisapride-anticholinergic, cisapride, oxibutinina, moderate, false, motility",
        "fluoroquinolone-antidiabetic, moxifloxacino, glimepirida, moderate, false, hypoglycaemia",
        "fluoroquinolone-antidiabetic, levofloxacino, gliclazida, moderate, false, hypoglycaemia",
        "aminoglycoside-neuromuscular-blocker, gentamicina, vecuronium, moderate, false, blockade",
        "rifampicin-label-substrate, rifampicina, zolpidem, moderate, false, metabolism",
        "rifampicin-label-substrate, rifampicina, levotiroxina, moderate, false, metabolism",
        "tricyclic-enzyme-inducer, fenitoína, clomipramina, moderate, false, tricyclic",
        "cimetidine-label-substrate, cimetidina, propranolol, moderate, false, hepatic metabolism",
        "ulipristal-progestogen, ulipristal, desogestrel, moderate, false, progesterone receptor",
        "ziprasidone-qt-possible, ziprasidona, mirtazapina, moderate, false, QT",
        "lamotrigine-enzyme-inducer, lamotrigina, fenitoína, moderate, false, glucuronidation",
        "corticosteroid-enzyme-inducer, prednisona, carbamazepina, moderate, false, clearance",
        "phenytoin-label-raising, fenitoína, metilfenidato, moderate, false, phenytoin levels",
        "phenytoin-label-raising, fenitoína, trazodona, moderate, false, phenytoin levels",
        "ciclosporin-label-interacting, ciclosporina, alopurinol, moderate, false, ciclosporin",
        "pk-cyp2d6-moderate-inhibitor-sensitive, ritonavir, venlafaxina, moderate, false, CYP2D6",
        "pk-cyp3a4-strong-inhibitor-moderate, itraconazol, flurazepam, moderate, false, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-moderate, ketoconazol, chlordiazepoxide, moderate, false, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-moderate, ritonavir, clorazepato, moderate, false, CYP3A4",
        "pk-cyp3a4-strong-inhibitor-moderate, claritromicina, buprenorfina, moderate, false, CYP3A4",
        "pk-cyp3a4-strong-inducer-nti, carbamazepina, fenobarbital, moderate, false, CYP3A4 inducer",
        "nonselective-beta-blocker-hypoglycaemic, propranolol, gliclazida, moderate, false, hypoglycaemia",
        "nonselective-beta-blocker-epinephrine, propranolol, adrenalina, moderate, false, epinephrine",
        "potassium-chloride-anticholinergic, cloruro potásico, oxibutinina, moderate, false, potassium chloride",
        "pk-cyp3a4-strong-inhibitor-moderate, itraconazol, clonazepam, moderate, false, CYP3A4",
        "acid-suppressant-ph-dependent, cimetidina, gefitinib, major, true, gastric pH",
        "antacid-ph-dependent, aluminum hydroxide, dasatinib, moderate, false, absorption",
        "antacid-ph-dependent, magaldrate, atazanavir, moderate, false, absorption"})
    void alertsWithTheClassSeverity(String ruleId, String a, String b, String severity, boolean interrupt,
                                    String mechanism) {
        Alert alert = strongest(a, b);
        assertThat(alert.severity().label()).as(a + " + " + b + ": " + alert).isEqualTo(severity);
        assertThat(alert.interrupt()).as("interrupts").isEqualTo(interrupt);
        assertThat(alert.mechanism() + " " + alert.message()).containsIgnoringCase(mechanism);
        assertThat(alert.source()).isNotBlank();
        if (ruleId.startsWith("pk-")) {
            MedicationMatch ma = CHECKER.knowledge().dictionary().match(a);
            MedicationMatch mb = CHECKER.knowledge().dictionary().match(b);
            assertThat(CHECKER.knowledge().mechanisms().between(ma.keys().get(0), mb.keys().get(0)))
                    .extracting(MechanismTable.Finding::ruleId).contains(ruleId);
        } else {
            assertThat(pairAlerts(a, b)).as(a + " + " + b).extracting(Alert::ruleId).contains(ruleId);
        }
    }

    @Test
    void flagsAnticholinergicBurdenFromThreeDrugsButNotTwo() {
        MedicationCheckResult r = CHECKER.check(MedicationCheckRequest.of(List.of("oxibutinina", "difenhidramina",
                "amitriptilina")));
        Alert a = MedicationCheckerTest.alert(r, "anticholinergic-burden");
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.interrupt()).isFalse();
        assertThat(pairAlerts("oxibutinina", "difenhidramina")).extracting(Alert::ruleId)
                .doesNotContain("anticholinergic-burden");
    }

    @ParameterizedTest(name = "{0} + {1}: {2}")
    @CsvSource({
        "amlodipino, quetiapina, weak CYP3A4 inhibitor with a sensitive substrate",
        "cimetidina, buspirona, weak CYP3A4 inhibitor with a sensitive substrate",
        "fluconazol, levonorgestrel, inhibitor with a substrate only induction affects",
        "cimetidina, atomoxetina, weak CYP2D6 inhibitor with a sensitive substrate",
        "fluvastatina, glimepirida, weak CYP2C9 inhibitor",
        "pantoprazol, clopidogrel, weak CYP2C19 inhibitor with the prodrug",
        "alopurinol, melatonina, weak CYP1A2 inhibitor with a sensitive substrate whose label names none",
        "aciclovir, clozapina, weak CYP1A2 inhibitor with a narrow-range substrate whose label names none",
        "ranitidina, acenocumarol, H2 antagonist that does not raise the INR with a coumarin",
        "gabapentina, acenocumarol, anticonvulsant that induces no enzyme with a coumarin",
        "levetiracetam, estradiol, anticonvulsant that induces no enzyme with an oestrogen",
        "levetiracetam, levonorgestrel, anticonvulsant that induces no enzyme with a progestogen",
        "rasagilina, carbamazepina, MAO-B inhibitor whose label does not forbid carbamazepine",
        "selegilina, lamotrigina, MAO inhibitor with an anticonvulsant that is not a dibenzazepine",
        "efavirenz, raltegravir, NNRTI with an integrase inhibitor",
        "metformina, ciprofloxacino, fluoroquinolone with metformin, which causes no hypoglycaemia on its own",
        "rifampicina, amoxicilina, rifampicin with a drug it does not induce",
        "cimetidina, lorazepam, cimetidine with a glucuronidated benzodiazepine",
        "famotidina, diazepam, H2 antagonist that spares hepatic metabolism",
        "ácido valproico, levetiracetam, valproate with a drug its label does not name",
        "ulipristal, ibuprofeno, ulipristal with a drug that is no progestogen",
        "ziprasidona, metformina, ziprasidone with a drug without QT effect",
        "lamotrigina, levetiracetam, lamotrigine with an anticonvulsant that induces no enzyme",
        "prednisona, gabapentina, corticosteroid with an anticonvulsant that induces no enzyme",
        "ezetimiba, fenofibrato, ezetimibe with fenofibrate (the fibrate its label allows)",
        "azitromicina, verapamilo, macrolide that does not inhibit CYP3A4 with verapamil",
        "pimozida, amoxicilina, pimozide with an antibiotic that is no macrolide",
        "gentamicina, ceftriaxona, aminoglycoside with a drug that is no neuromuscular blocker",
        "fenitoína, paracetamol, phenytoin with a drug its label does not name",
        "ciclosporina, paracetamol, ciclosporin with a drug its label does not name",
        "ritonavir, lorazepam, ritonavir with a glucuronidated benzodiazepine",
        "bisoprolol, insulina, cardioselective beta-blocker with insulin",
        "propranolol, metformina, non-selective beta-blocker with metformin, which causes no hypoglycaemia",
        "cloruro potásico, loratadina, potassium chloride with a non-anticholinergic antihistamine",
        "sodium bicarbonate, amlodipino, antacid with a drug absorbed whatever the gastric pH",
        "azitromicina, dabigatrán, weak P-gp inhibitor with a narrow-range substrate",
        "domperidona, levodopa, peripheral dopamine antagonist with levodopa",
        "codeína, loratadina, opioid with a non-sedating antihistamine",
        "mirabegrón, galantamina, non-anticholinergic bladder drug with a cholinesterase inhibitor",
        "bisoprolol, lercanidipino, beta-blocker with a dihydropyridine",
        "oximetazolina, loratadina, decongestant with a non-sympathomimetic",
        "rasagilina, paracetamol, MAO-B inhibitor with a drug it does not forbid",
        "litio, paracetamol, lithium with a drug that does not change its clearance",
        "metotrexato, paracetamol, methotrexate with paracetamol",
        "sertralina, quetiapina, two drugs of only possible QT risk",
        "hidroclorotiazida, losartán, thiazide with an ARB (no hyperkalaemia)",
        "omeprazol, raltegravir, acid suppressant with an antiretroviral absorbed whatever the pH",
        "aciclovir, etinilestradiol, antiviral that is not a protease inhibitor with an oestrogen",
        "clonidina, sertralina, central antihypertensive with a non-tricyclic antidepressant",
        "gemfibrozilo, glimepirida, CYP2C8 inhibitor with a sulfonylurea CYP2C8 does not clear",
        "fluconazol, rosuvastatina, azole that does not inhibit OATP1B1 with rosuvastatin",
        "saquinavir, paracetamol, saquinavir with a drug without QT effect"})
    void doesNotAlertOnSameClassPairsWithoutTheMechanism(String a, String b, String why) {
        assertThat(pairAlerts(a, b)).as(why + ": " + pairAlerts(a, b).stream().map(x -> x.ruleId() + "/"
                + x.severity().label()).toList()).noneMatch(x -> x.severity().compareTo(Severity.MODERATE) <= 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "enalapril 20 mg;hidroclorotiazida 25 mg;metformina 850 mg;atorvastatina 40 mg;Adiro 100;omeprazol 20 mg;"
            + "paracetamol 1 g;lorazepam 1 mg;sertralina 50 mg;vitamina D",
        "Sintrom;bisoprolol 5 mg;furosemida 40 mg;espironolactona 25 mg;digoxina;atorvastatina;omeprazol;"
            + "paracetamol;Spiriva;alprazolam",
        "Lipitor 20;Norvasc 5;Synthroid 50;lisinopril 10 mg;metformin 1000 mg;aspirin 81 mg;omeprazole;"
            + "gabapentin;sertraline;ProAir"})
    void tenCommonPrimaryCareMedicinesRaiseAtMostOneInterruptingAlert(String list) {
        MedicationCheckResult r = CHECKER.check(MedicationCheckRequest.of(List.of(list.split(";"))));
        assertThat(r.unknown()).isEmpty();
        assertThat(r.alerts().stream().filter(Alert::interrupt).toList()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void weakInhibitorWithSensitiveSubstrateNeverInterrupts() {
        assertThat(pairAlerts("ranolazina", "simvastatina")).noneMatch(Alert::interrupt);
    }

    @Test
    void tableAlertGainsTheMechanismInWords() {
        Alert a = strongest("clarithromycin", "simvastatin");
        assertThat(a.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(a.mechanism()).contains("CYP3A4").doesNotContain("does not describe");
    }

    @Test
    void mechanismTableIsBuiltFromEveryProfileRow() {
        MechanismTable t = MedicationCheckerTest.KNOWLEDGE.mechanisms();
        assertThat(t.profileRows()).isGreaterThan(250);
        assertThat(t.between(IngredientKey.of("clarithromycin"), IngredientKey.of("quetiapine")))
                .extracting(MechanismTable.Finding::pathway).contains("CYP3A4");
        assertThat(t.between(IngredientKey.of("amlodipine"), IngredientKey.of("quetiapine"))).isEmpty();
    }

    @Test
    void everyPharmacodynamicFamilyRuleHasATestCase() {
        assertThat(TESTED_RULES).containsAll(MedicationCheckerTest.KNOWLEDGE.drugDrugRuleIds().stream()
                .filter(id -> !MedicationCheckerTest.classRulesTested().contains(id)).toList());
    }

    private static Set<String> testedRules() {
        try {
            var m = MechanismFamilyTest.class.getDeclaredMethod("alertsWithTheClassSeverity", String.class,
                    String.class, String.class, String.class, boolean.class, String.class);
            Set<String> ids = Arrays.stream(m.getAnnotation(CsvSource.class).value())
                    .map(s -> s.substring(0, s.indexOf(',')).trim()).collect(Collectors.toSet());
            ids.add("anticholinergic-burden");
            var alone = MechanismWithoutTableTest.class.getDeclaredMethod("ruleFindsTheTablePairOnItsOwn",
                    String.class, String.class, String.class, String.class);
            Arrays.stream(alone.getAnnotation(CsvSource.class).value())
                    .map(s -> s.substring(0, s.indexOf(',')).trim()).forEach(ids::add);
            return ids;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}

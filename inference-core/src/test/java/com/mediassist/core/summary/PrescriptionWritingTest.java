package com.mediassist.core.summary;

import org.junit.jupiter.api.Test;

import static com.mediassist.core.summary.NoteReaderScopeTest.en;
import static com.mediassist.core.summary.NoteReaderScopeTest.es;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How doctors write a prescription line in Spain, the UK and the US, read by general rules (issue 16, fifth
 * pass): British prescribing Latin, Spanish schedules, per-kilogram doses, bare strengths and counted
 * inhalations, and the common primary-care medicines the dictionary now knows. Every note here was written
 * for the test.
 */
class PrescriptionWritingTest {

    private static NoteMedication only(StructuredNote n, String name) {
        return n.medications().stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read in " + n.medications()));
    }

    @Test
    void britishPrescribingLatinIsAFrequency() {
        StructuredNote n = en("Plan: amoxicillin 500 mg tds, naproxen 250 mg bd, paracetamol 1 g qds, "
                + "zopiclone 3.75 mg nocte, omeprazole 20 mg mane, dexamethasone 8 mg stat.");
        assertThat(only(n, "amoxicillin").frequency()).isEqualTo("tds");
        assertThat(only(n, "naproxen").frequency()).isEqualTo("bd");
        assertThat(only(n, "paracetamol").frequency()).isEqualTo("qds");
        assertThat(only(n, "zopiclone").frequency()).isEqualTo("nocte");
        assertThat(only(n, "omeprazole").frequency()).isEqualTo("mane");
        assertThat(only(n, "dexamethasone").frequency()).isEqualTo("stat");
    }

    @Test
    void aFrequencyAbbreviationEndingTheSentenceKeepsNotItsFullStop() {
        assertThat(only(en("Metformin 500 mg bd. Review in 3 months."), "Metformin").frequency()).isEqualTo("bd");
    }

    @Test
    void americanAndSpanishSchedulesAreFrequencies() {
        assertThat(only(en("Lipitor 40 mg qhs."), "Lipitor").frequency()).isEqualTo("qhs");
        assertThat(only(en("Motrin 170 mg q6-8h prn fever."), "Motrin").frequency()).isEqualTo("q6-8h");
        assertThat(only(en("azithromycin 250 mg three times a week."), "azithromycin").frequency())
                .isEqualTo("three times a week");
        assertThat(only(es("omeprazol 20 mg 1/24h en ayunas."), "omeprazol").frequency()).isEqualTo("1/24h");
        assertThat(only(es("salbutamol 4 inh c/20 min."), "salbutamol").frequency()).isEqualTo("c/20 min");
        assertThat(only(es("ibuprofeno 600 casi a diario."), "ibuprofeno").frequency()).isEqualTo("casi a diario");
        assertThat(only(es("sumatriptán 50 mg si crisis."), "sumatriptán").frequency()).isEqualTo("si crisis");
        assertThat(only(es("Sintrom según pauta."), "Sintrom").frequency()).isEqualTo("según pauta");
    }

    @Test
    void aDosePerKilogramIsOneDose() {
        assertThat(only(es("amoxicilina 80 mg/kg/día c/8h 10 días."), "amoxicilina").dose()).isEqualTo("80 mg/kg/día");
        assertThat(only(es("dexametasona 0,15 mg/kg vo dosis única."), "dexametasona").dose()).isEqualTo("0,15 mg/kg");
        assertThat(only(en("paracetamol 15 mg/kg q6h."), "paracetamol").dose()).isEqualTo("15 mg/kg");
    }

    @Test
    void aBareStrengthAfterTheNameIsTheDoseButADurationIsNot() {
        assertThat(only(es("metformina 850 1-0-1."), "metformina").dose()).isEqualTo("850");
        assertThat(only(en("Fostair 100/6 two puffs bd."), "Fostair").dose()).isEqualTo("100/6");
        assertThat(only(en("Lipitor 40. Allergic to sulfa."), "Lipitor").dose()).isEqualTo("40");
        assertThat(only(es("amoxicilina 7 días."), "amoxicilina").dose()).isNull();
        assertThat(only(en("naproxen 3 times this week."), "naproxen").dose()).isNull();
    }

    @Test
    void countedInhalationsDropsAndSpraysAreADoseNotARoute() {
        NoteMedication trimbow = only(es("Trimbow 2 inh cada 12 h."), "Trimbow");
        assertThat(trimbow.dose()).isEqualTo("2 inh");
        assertThat(trimbow.route()).isNull();
        assertThat(only(es("salbutamol 2-4 inh a demanda."), "salbutamol").dose()).isEqualTo("2-4 inh");
        assertThat(only(es("olopatadina 1 gota cada 12 h."), "olopatadina").dose()).isEqualTo("1 gota");
        assertThat(only(en("Ciprodex 4 drops R ear BID."), "Ciprodex").dose()).isEqualTo("4 drops");
        assertThat(only(en("Hydrocortisone 1% cream BID."), "Hydrocortisone").dose()).isEqualTo("1%");
        assertThat(only(es("Budesonida inh 200 mcg."), "Budesonida").route()).isEqualTo("inh");
    }

    @Test
    void commonPrimaryCareMedicinesAndBrandsAreKnown() {
        StructuredNote n = en("Meds: Mucinex 600 mg bd, flucloxacillin 500 mg qds, bendroflumethiazide 2.5 mg od, "
                + "Salamol 2 puffs prn, co-codamol 30/500 2 tabs qds, Phenergan 25 mg nocte, Nexplanon in situ.");
        assertThat(n.medications()).flatExtracting(NoteMedication::ingredients).contains("guaifenesin",
                "flucloxacillin", "bendroflumethiazide", "salbutamol", "codeine", "paracetamol", "promethazine",
                "etonogestrel");
        assertThat(es("Toma Polibutin y Levotuss.").medications()).flatExtracting(NoteMedication::ingredients)
                .contains("trimebutine", "levodropropizine");
    }

    @Test
    void theConditionOfAPrnDoseIsPartOfThePrescriptionNotAFinding() {
        StructuredNote n = en("Plan: Children's Motrin 170 mg q6-8h prn fever, fluids.");
        assertThat(n.findings()).noneMatch(f -> f.text().equalsIgnoreCase("fever"));
        assertThat(en("Fever for 3 days. Plan: ibuprofen 200 mg prn fever.").findings())
                .anyMatch(f -> f.text().equalsIgnoreCase("fever") && f.status() == FindingStatus.PRESENT);
    }
}

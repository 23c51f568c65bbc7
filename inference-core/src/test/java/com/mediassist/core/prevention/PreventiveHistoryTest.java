package com.mediassist.core.prevention;

import com.mediassist.core.knowledge.Sex;
import static com.mediassist.core.prevention.PreventiveCareEngineTest.ENGINE;
import static com.mediassist.core.prevention.PreventiveCareEngineTest.TODAY;
import static com.mediassist.core.prevention.PreventiveCareEngineTest.born;
import static com.mediassist.core.prevention.PreventiveCareEngineTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediassist.core.knowledge.Language;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 19: statuses and dates of conditions, death, smoking history, HCV/HIV, programme consistency. */
class PreventiveHistoryTest {

    @Test
    void hepatitisCIsScreenedOnceFrom18To79UnderUspstfAndIsRiskBasedUnderPapps() {
        PreventionProfile adult = born(LocalDate.of(1980, 1, 1), Sex.FEMALE).build();
        assertThat(item(adult, Programme.USPSTF, "hepatitis-c-screening").status()).isEqualTo(PreventiveStatus.UNKNOWN);
        PreventionProfile tested = born(LocalDate.of(1980, 1, 1), Sex.FEMALE)
                .history(new HistoryItem("13955-0", "http://loinc.org", "HCV Ab", LocalDate.of(2012, 3, 3), null)).build();
        PreventiveItem once = item(tested, Programme.USPSTF, "hepatitis-c-screening");
        assertThat(once.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(once.nextDate()).isNull();
        assertThat(item(born(LocalDate.of(1940, 1, 1), Sex.MALE).build(), Programme.USPSTF, "hepatitis-c-screening")
                .status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventiveItem papps = item(adult, Programme.PAPPS, "hepatitis-c-screening");
        assertThat(papps.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(papps.reason()).contains("factores de riesgo");
    }

    @Test
    void hivIsScreenedFrom15To65UnderUspstfAndIsRiskBasedUnderPapps() {
        assertThat(item(born(TODAY.minusYears(15), Sex.MALE).build(), Programme.USPSTF, "hiv-screening").status())
                .isEqualTo(PreventiveStatus.DUE);
        assertThat(item(born(TODAY.minusYears(66), Sex.MALE).build(), Programme.USPSTF, "hiv-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(LocalDate.of(1990, 1, 1), Sex.MALE)
                .history(HistoryItem.text("Serología VIH negativa", LocalDate.of(2020, 1, 1))).build(),
                Programme.USPSTF, "hiv-screening").status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(item(born(LocalDate.of(1990, 1, 1), Sex.MALE).build(), Programme.PAPPS, "hiv-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    @Test
    void aPregnancyThatEndedDoesNotMakeTheFluVaccineDueInEitherProgramme() {
        LocalDate birth = LocalDate.of(1990, 1, 1);
        PreventionProfile ended = born(birth, Sex.FEMALE).condition(new ConditionFact("embarazo",
                ConditionFact.State.RESOLVED, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 12, 1))).build();
        assertThat(item(ended, Programme.PAPPS, "influenza-vaccine").status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventionProfile undatedEnd = born(birth, Sex.FEMALE).condition(new ConditionFact("embarazo",
                ConditionFact.State.UNKNOWN, LocalDate.of(2022, 3, 1), null)).build();
        assertThat(item(undatedEnd, Programme.PAPPS, "influenza-vaccine").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventionProfile current = born(birth, Sex.FEMALE).condition(new ConditionFact("embarazo",
                ConditionFact.State.ACTIVE, TODAY.minusMonths(4), null)).build();
        assertThat(item(current, Programme.PAPPS, "influenza-vaccine").status()).isEqualTo(PreventiveStatus.DUE);
    }

    @Test
    void pastGestationalDiabetesIsADiabetesScreeningRiskFactorInBothProgrammes() {
        LocalDate birth = LocalDate.of(1988, 1, 1);
        PreventionProfile gdm = born(birth, Sex.FEMALE).condition(new ConditionFact("diabetes gestacional",
                ConditionFact.State.RESOLVED, LocalDate.of(2019, 2, 1), LocalDate.of(2019, 9, 1))).build();
        assertThat(item(gdm, Programme.PAPPS, "diabetes-screening").status()).isNotEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(birth, Sex.FEMALE).build(), Programme.PAPPS, "diabetes-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventionProfile gdmOverweight = born(birth, Sex.FEMALE).condition(new ConditionFact("O24.4",
                ConditionFact.State.RESOLVED, null, LocalDate.of(2019, 9, 1)))
                .history(new HistoryItem("39156-5", "http://loinc.org", "BMI", LocalDate.of(2026, 1, 1), 27.0)).build();
        assertThat(item(gdmOverweight, Programme.USPSTF, "diabetes-screening").status())
                .isNotEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(gdmOverweight, Programme.PAPPS, "influenza-vaccine").status())
                .as("a past pregnancy coded O24.4 is not a current one").isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    @Test
    void aResolvedColorectalCancerStillExcludesAverageRiskScreening() {
        PreventionProfile p = born(LocalDate.of(1966, 1, 1), Sex.MALE).condition(new ConditionFact("cáncer de colon",
                ConditionFact.State.RESOLVED, LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1))).build();
        assertThat(item(p, Programme.PAPPS, "colorectal-cancer-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(p, Programme.USPSTF, "colorectal-cancer-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    @Test
    void aDeceasedPatientGetsNoPreventiveCare() {
        PreventionProfile p = born(LocalDate.of(1930, 1, 1), Sex.MALE).deceased(true).build();
        for (Programme programme : Programme.values()) {
            PreventiveCareReport report = ENGINE.evaluate(p, programme, Language.ES);
            assertThat(report.deceased()).isTrue();
            assertThat(report.items()).isEmpty();
        }
    }

    @Test
    void smokingResolvedLongAgoMakesAFormerSmokerWithAQuitDate() {
        LocalDate birth = LocalDate.of(1960, 1, 1);
        PreventionProfile quitLongAgo = born(birth, Sex.MALE).condition(new ConditionFact("fumador",
                ConditionFact.State.RESOLVED, LocalDate.of(1980, 1, 1), LocalDate.of(2006, 1, 1)))
                .smoking(SmokingStatus.UNKNOWN, 30.0, null).build();
        PreventiveItem lung = item(quitLongAgo, Programme.USPSTF, "lung-cancer-screening");
        assertThat(lung.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(lung.reason()).contains("15");
        PreventionProfile quitRecently = born(birth, Sex.MALE).condition(new ConditionFact("fumador",
                ConditionFact.State.RESOLVED, LocalDate.of(1980, 1, 1), LocalDate.of(2020, 1, 1)))
                .smoking(SmokingStatus.UNKNOWN, 30.0, null).build();
        assertThat(item(quitRecently, Programme.USPSTF, "lung-cancer-screening").status())
                .isIn(PreventiveStatus.DUE, PreventiveStatus.UNKNOWN);
        PreventionProfile exSmoker = born(birth, Sex.MALE).condition(new ConditionFact("exfumador",
                ConditionFact.State.ACTIVE, LocalDate.of(2018, 5, 1), null))
                .smoking(SmokingStatus.FORMER, 25.0, null).build();
        assertThat(item(exSmoker, Programme.USPSTF, "lung-cancer-screening").reason()).doesNotContain("abandono");
    }

    @Test
    void pappsListsCholesterolOnceWithItsSexSpecificStartingAge() {
        PreventionProfile man40 = born(TODAY.minusYears(40), Sex.MALE).build();
        PreventionProfile woman40 = born(TODAY.minusYears(40), Sex.FEMALE).build();
        assertThat(ENGINE.evaluate(man40, Programme.PAPPS, Language.ES).items())
                .filteredOn(i -> i.id().equals("lipid-screening")).hasSize(1);
        assertThat(item(man40, Programme.PAPPS, "lipid-screening").status()).isNotEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventiveItem woman = item(woman40, Programme.PAPPS, "lipid-screening");
        assertThat(woman.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(woman.reason()).contains("45");
        assertThat(item(born(TODAY.minusYears(40), Sex.UNKNOWN).build(), Programme.PAPPS, "lipid-screening").status())
                .isEqualTo(PreventiveStatus.UNKNOWN);
    }

    @Test
    void everyItemNamesItsProgrammeAndVersion() {
        for (Programme programme : Programme.values()) {
            assertThat(ENGINE.evaluate(born(LocalDate.of(1970, 1, 1), Sex.FEMALE).build(), programme, Language.EN)
                    .items()).allSatisfy(i -> {
                        assertThat(i.programme()).isEqualTo(programme);
                        assertThat(i.programmeVersion()).matches(".*(PAPPS|USPSTF|ACIP|Ministerio).*\\d{4}.*");
                    });
        }
    }
}

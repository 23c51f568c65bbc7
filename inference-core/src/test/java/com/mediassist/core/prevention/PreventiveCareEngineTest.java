package com.mediassist.core.prevention;

import com.mediassist.core.knowledge.Sex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediassist.core.knowledge.InvalidClinicalInputException;
import com.mediassist.core.knowledge.Language;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PreventiveCareEngineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final PreventiveCareEngine ENGINE = PreventiveCareEngine.loadDefault(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    static PreventiveItem item(PreventionProfile p, Programme programme, String id) {
        return ENGINE.evaluate(p, programme, Language.ES).items().stream().filter(i -> i.id().equals(id))
                .findFirst().orElseThrow();
    }

    static PreventiveItem item(PreventionProfile p, String id) {
        return item(p, Programme.PAPPS, id);
    }

    static PreventionProfile.Builder born(LocalDate birth, Sex sex) {
        return PreventionProfile.builder(birth, sex);
    }

    @Test
    void colorectalScreeningStartsExactlyOnTheFiftiethBirthday() {
        PreventiveItem onBirthday = item(born(TODAY.minusYears(50), Sex.MALE).build(), "colorectal-cancer-screening");
        assertThat(onBirthday.status()).isEqualTo(PreventiveStatus.DUE);
        assertThat(onBirthday.dueDate()).isEqualTo(TODAY);
        PreventiveItem dayBefore = item(born(TODAY.minusYears(50).plusDays(1), Sex.MALE).build(),
                "colorectal-cancer-screening");
        assertThat(dayBefore.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(dayBefore.reason()).contains("49");
    }

    @Test
    void colorectalScreeningEndsOnTheSeventiethBirthday() {
        assertThat(item(born(TODAY.minusYears(70), Sex.FEMALE).build(), "colorectal-cancer-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(TODAY.minusYears(70).plusDays(1), Sex.FEMALE).build(), "colorectal-cancer-screening")
                .status()).isEqualTo(PreventiveStatus.UNKNOWN);
    }

    @Test
    void missingHistoryIsUnknownNotUpToDate() {
        PreventiveItem i = item(born(LocalDate.of(1964, 3, 10), Sex.FEMALE).build(), "breast-cancer-screening");
        assertThat(i.status()).isEqualTo(PreventiveStatus.UNKNOWN);
        assertThat(i.dueDate()).isEqualTo(LocalDate.of(2014, 3, 10));
        assertThat(i.reason()).contains("No consta");
    }

    @Test
    void computesUpToDateDueAndOverdueFromTheLastRecord() {
        LocalDate birth = LocalDate.of(1960, 1, 1);
        PreventiveItem upToDate = item(born(birth, Sex.MALE)
                .history(HistoryItem.coded("loinc:29771-3", LocalDate.of(2025, 6, 1))).build(), "colorectal-cancer-screening");
        assertThat(upToDate.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(upToDate.nextDate()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(upToDate.lastDone()).isEqualTo(LocalDate.of(2025, 6, 1));
        PreventiveItem due = item(born(birth, Sex.MALE)
                .history(HistoryItem.text("Test de sangre oculta en heces negativo", LocalDate.of(2024, 10, 1))).build(),
                "colorectal-cancer-screening");
        assertThat(due.status()).isEqualTo(PreventiveStatus.DUE);
        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        PreventiveItem overdue = item(born(birth, Sex.MALE)
                .history(HistoryItem.coded("29771-3", LocalDate.of(2023, 1, 15))).build(), "colorectal-cancer-screening");
        assertThat(overdue.status()).isEqualTo(PreventiveStatus.OVERDUE);
        assertThat(overdue.dueDate()).isEqualTo(LocalDate.of(2025, 1, 15));
        PreventiveItem colonoscopy = item(born(birth, Sex.MALE)
                .history(new HistoryItem("73761001", "http://snomed.info/sct", "Colonoscopy", LocalDate.of(2020, 2, 1), null))
                .build(), "colorectal-cancer-screening");
        assertThat(colonoscopy.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(colonoscopy.nextDate()).isNull();
    }

    @Test
    void cervicalScreeningAppliesToWomenWithACervixOnly() {
        assertThat(item(born(LocalDate.of(1990, 5, 5), Sex.MALE).build(), "cervical-cancer-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(LocalDate.of(1990, 5, 5), Sex.FEMALE).condition("histerectomía total").build(),
                "cervical-cancer-screening").status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(LocalDate.of(1990, 5, 5), Sex.UNKNOWN).build(), "cervical-cancer-screening").status())
                .isEqualTo(PreventiveStatus.UNKNOWN);
        assertThat(item(born(LocalDate.of(1990, 5, 5), Sex.FEMALE)
                .history(HistoryItem.text("Prueba de VPH negativa", LocalDate.of(2024, 2, 1))).build(),
                "cervical-cancer-screening").nextDate()).isEqualTo(LocalDate.of(2029, 2, 1));
    }

    @Test
    void lungScreeningNeedsPackYearsAndRecentSmoking() {
        LocalDate birth = LocalDate.of(1965, 4, 1);
        assertThat(item(born(birth, Sex.MALE).smoking(SmokingStatus.CURRENT, null, null).build(), Programme.USPSTF, "lung-cancer-screening")
                .reason()).contains("paquetes-año");
        assertThat(item(born(birth, Sex.MALE).smoking(SmokingStatus.FORMER, 30.0, LocalDate.of(2005, 1, 1)).build(),
                Programme.USPSTF, "lung-cancer-screening").status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(birth, Sex.MALE).smoking(SmokingStatus.NEVER, null, null).build(), Programme.USPSTF, "lung-cancer-screening")
                .status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventiveItem screened = item(born(birth, Sex.MALE).smoking(SmokingStatus.CURRENT, 25.0, null)
                .history(HistoryItem.text("TC de baja dosis de tórax", LocalDate.of(2026, 3, 1))).build(),
                Programme.USPSTF, "lung-cancer-screening");
        assertThat(screened.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(screened.nextDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        PreventiveItem papps = item(born(birth, Sex.MALE).smoking(SmokingStatus.CURRENT, 25.0, null).build(),
                Programme.PAPPS, "lung-cancer-screening");
        assertThat(papps.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(papps.reason()).contains("PAPPS no recomienda");
    }

    @Test
    void aaaScreeningIsForMenWhoEverSmoked() {
        LocalDate birth = LocalDate.of(1959, 6, 1);
        assertThat(item(born(birth, Sex.MALE).condition("exfumador").build(), "aaa-screening").status())
                .isEqualTo(PreventiveStatus.UNKNOWN);
        assertThat(item(born(birth, Sex.MALE).smoking(SmokingStatus.NEVER, null, null).build(), "aaa-screening")
                .status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        assertThat(item(born(birth, Sex.MALE).build(), "aaa-screening").reason()).contains("tabaquismo");
        assertThat(item(born(birth, Sex.FEMALE).smoking(SmokingStatus.CURRENT, 40.0, null).build(), "aaa-screening")
                .status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    @Test
    void influenzaIsSeasonalForOlderPeopleAndRiskGroups() {
        PreventionProfile vaccinated = born(LocalDate.of(1950, 1, 1), Sex.FEMALE)
                .history(new HistoryItem("197", "http://hl7.org/fhir/sid/cvx", "", LocalDate.of(2026, 10, 15), null)).build();
        PreventiveItem v = item(vaccinated, "influenza-vaccine");
        assertThat(v.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(v.nextDate()).isEqualTo(LocalDate.of(2027, 10, 1));
        PreventionProfile lastSeason = born(LocalDate.of(1950, 1, 1), Sex.FEMALE)
                .history(HistoryItem.text("vacuna de la gripe", LocalDate.of(2025, 10, 20))).build();
        assertThat(item(lastSeason, "influenza-vaccine").status()).isEqualTo(PreventiveStatus.DUE);
        assertThat(item(lastSeason, "influenza-vaccine").dueDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(item(born(LocalDate.of(1986, 1, 1), Sex.MALE).condition("EPOC").build(), "influenza-vaccine").status())
                .isEqualTo(PreventiveStatus.DUE);
        assertThat(item(born(LocalDate.of(1986, 1, 1), Sex.MALE).build(), "influenza-vaccine").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    @Test
    void zosterNeedsTwoDosesOfRecombinantVaccine() {
        LocalDate birth = LocalDate.of(1955, 2, 2);
        PreventiveItem oneDose = item(born(birth, Sex.MALE).history(HistoryItem.coded("cvx:187", LocalDate.of(2026, 1, 10)))
                .build(), "herpes-zoster-vaccine");
        assertThat(oneDose.status()).isEqualTo(PreventiveStatus.OVERDUE);
        assertThat(oneDose.dueDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        PreventiveItem twoDoses = item(born(birth, Sex.MALE).history(HistoryItem.coded("cvx:187", LocalDate.of(2026, 1, 10)))
                .history(HistoryItem.coded("cvx:187", LocalDate.of(2026, 4, 10))).build(), "herpes-zoster-vaccine");
        assertThat(twoDoses.status()).isEqualTo(PreventiveStatus.UP_TO_DATE);
        assertThat(twoDoses.reason()).contains("Completado");
    }

    @Test
    void mapsSnomedConditionsFromFhirImports() {
        PreventiveItem diabetes = item(born(LocalDate.of(1970, 1, 1), Sex.MALE).condition("44054006").build(),
                "diabetes-screening");
        assertThat(diabetes.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventiveItem bp = item(born(LocalDate.of(1970, 1, 1), Sex.MALE).condition("59621000").build(),
                "blood-pressure-screening");
        assertThat(bp.status()).isEqualTo(PreventiveStatus.NOT_APPLICABLE);
    }

    @Test
    void usesUspstfRangesWhenAskedAndWritesEnglish() {
        PreventionProfile woman45 = born(LocalDate.of(1981, 1, 1), Sex.FEMALE).build();
        assertThat(item(woman45, Programme.PAPPS, "breast-cancer-screening").status())
                .isEqualTo(PreventiveStatus.NOT_APPLICABLE);
        PreventiveCareReport us = ENGINE.evaluate(woman45, Programme.USPSTF, Language.EN);
        PreventiveItem breast = us.items().stream().filter(i -> i.id().equals("breast-cancer-screening")).findFirst()
                .orElseThrow();
        assertThat(breast.status()).isEqualTo(PreventiveStatus.UNKNOWN);
        assertThat(breast.name()).isEqualTo("Breast cancer screening");
        assertThat(breast.source()).contains("USPSTF 2024");
        assertThat(us.ageYears()).isEqualTo(45);
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        assertThatThrownBy(() -> ENGINE.evaluate(born(TODAY.plusDays(1), Sex.MALE).build(), Programme.PAPPS, Language.ES))
                .isInstanceOf(InvalidClinicalInputException.class).hasMessageContaining("birthDate");
    }
}
